package io.kaitenimport.robust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.path.PathType;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Packages we convert pass Kaiten's official 2024 schemas themselves (issue 14), not only ours: the Trello and Jira
 * samples and real exports, converted WITHOUT a users file (the case where history lost its author), are checked
 * entity by entity against {@code schemes/*.json} of flowfast/kaiten-universal-data-importer read from a local
 * mirror ({@code -Dkaiten.official.repo=DIR}, default {@code ../.mirror/flowfast+kaiten-universal-data-importer/repo});
 * skipped when neither the mirror nor the real exports are there. {@link OfficialSchemaFactsTest} checks the same
 * rules as facts without the mirror.
 */
class OfficialSchemaConformanceTest {
    private static final Path REPO = Path.of(System.getProperty("kaiten.official.repo",
            "../.mirror/flowfast+kaiten-universal-data-importer/repo"));
    private static final Path REAL = Path.of("../shared/real-exports");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> OFFICIAL_FILE = Map.of("cards", "cards", "users", "users",
            "boards", "boards", "columns", "columns", "comments", "comments", "custom_fields", "customFields",
            "files", "files");
    /** AJV's email format rule (what "format": "email" means to Kaiten's AJV); networknt's also checks the TLD. */
    private static final Pattern AJV_EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]"
            + "(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final Map<String, Schema> SCHEMAS = new HashMap<>();

    static List<Path> exports() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("sample-exports/trello/garden-board.json"),
                Path.of("sample-exports/jira/cloud-v3-search.json"),
                Path.of("sample-exports/jira/server-v2-search.json"),
                Path.of("sample-exports/csv/tasks-en.csv"), Path.of("sample-exports/xlsx/project-plan.xlsx"),
                Path.of("sample-exports/asana/launch-plan.json"), Path.of("sample-exports/jira-csv/server-v2.csv")));
        for (String dir : List.of("trello", "jira-json")) {
            Path d = REAL.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void convertedWithoutUsersThePackagePassesTheOfficialSchemas(Path export, @TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(REPO) && Files.exists(export), "the official schemas' mirror is not available here");
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", export.toString(), "-o", out.toString(), "-q");
        assertEquals(0, r.exit(), r.all());
        JsonNode meta = JSON.readTree(out.resolve("meta-data.json").toFile());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var it = meta.path("entities_paths_map").fields(); it.hasNext(); ) {
            var e = it.next();
            String official = OFFICIAL_FILE.get(e.getKey());
            if (official == null) {
                continue; // the 2024 schemas cover only these entities
            }
            Schema schema = official(official);
            for (JsonNode p : e.getValue()) {
                JsonNode records = JSON.readTree(out.resolve(p.asText()).toFile());
                checked += records.size();
                for (Error err : schema.validate(records)) {
                    if (isAjvValidEmail(err) || isListedDeviation(deviationKey(e.getKey(), err), err)) {
                        continue; // a deliberate, listed deviation (see OfficialSchemaFactsTest)
                    }
                    problems.add(p.asText() + " " + err.getInstanceLocation() + ": " + err.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())),
                problems.size() + " official schema errors over " + checked + " records");
    }

    /** The check is not blind to what issue 14 removed: a checkbox field or a boolean value is never forgiven. */
    @Test
    void aCheckboxFieldOrBooleanValueIsNotForgiven() throws Exception {
        assumeTrue(Files.isDirectory(REPO), "the official schemas' mirror is not available here");
        JsonNode fields = JSON.readTree("[{\"id\":\"f1\",\"type\":\"checkbox\",\"name\":\"Done\"},"
                + "{\"id\":\"f2\",\"type\":\"url\",\"name\":\"Spec\"},{\"id\":\"f3\",\"type\":\"user\",\"name\":\"Who\"}]");
        List<String> unforgiven = new ArrayList<>();
        for (Error err : official("customFields").validate(fields)) {
            if (!isListedDeviation(deviationKey("custom_fields", err), err)) {
                unforgiven.add(err.getInstanceLocation() + " " + err.getKeyword());
            }
        }
        assertEquals(List.of("/0/type enum", "/1/type enum"), unforgiven, "user is the one listed extra type");
        JsonNode cards = JSON.readTree("[{\"id\":\"c1\",\"column_id\":\"k\",\"title\":\"t\","
                + "\"properties\":[{\"id\":\"f1\",\"value\":true}]}]");
        List<String> cardErrors = new ArrayList<>();
        for (Error err : official("cards").validate(cards)) {
            if (!isListedDeviation(deviationKey("cards", err), err)) {
                cardErrors.add(err.getInstanceLocation() + " " + err.getKeyword());
            }
        }
        assertEquals(List.of("/0/properties/0/value type"), cardErrors);
    }

    /** Listed in DEVIATIONS, and for an enum only with one of the exact extra values ENUM_EXTRAS names. */
    private static boolean isListedDeviation(String key, Error err) {
        if (!OfficialSchemaFactsTest.DEVIATIONS.containsKey(key)) {
            return false;
        }
        List<Object> extras = OfficialSchemaFactsTest.ENUM_EXTRAS.get(key);
        if (extras == null) {
            return true;
        }
        JsonNode v = err.getInstanceNode();
        return v != null && extras.contains(v.isNull() ? null : v.isNumber() ? (Object) v.asInt() : v.asText());
    }

    private static boolean isAjvValidEmail(Error err) {
        return "format".equals(err.getKeyword()) && err.getInstanceNode() != null
                && err.getInstanceNode().isTextual() && err.getInstanceLocation().toString().endsWith("/email")
                && AJV_EMAIL.matcher(err.getInstanceNode().asText()).matches();
    }

    /** "/3/options/0/color" + maximum of custom_fields → "custom_fields:options[].color:maximum". */
    private static String deviationKey(String entity, Error err) {
        String path = err.getInstanceLocation().toString().replaceFirst("^/\\d+/?", "")
                .replaceAll("/\\d+", "[]").replace('/', '.');
        return entity + ":" + path + ":" + err.getKeyword();
    }

    private static synchronized Schema official(String name) throws IOException, InterruptedException {
        Schema s = SCHEMAS.get(name);
        if (s == null) {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    b -> b.schemaRegistryConfig(config));
            s = registry.getSchema(read("schemes/" + name + ".json"));
            SCHEMAS.put(name, s);
        }
        return s;
    }

    /** From the work tree when checked out, else from the bare mirror's HEAD. */
    private static String read(String path) throws IOException, InterruptedException {
        Path file = REPO.resolve(path);
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        Process git = new ProcessBuilder("git", "-C", REPO.toString(), "show", "HEAD:" + path)
                .redirectErrorStream(false).start();
        byte[] bytes = git.getInputStream().readAllBytes();
        int exit = git.waitFor();
        assumeTrue(exit == 0 && bytes.length > 0, "cannot read " + path + " from " + REPO);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
