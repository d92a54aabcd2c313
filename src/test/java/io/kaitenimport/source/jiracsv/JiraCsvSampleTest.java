package io.kaitenimport.source.jiracsv;

import io.kaitenimport.GoldenFiles;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.jira.JiraSourceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jira CSV made from the Jira JSON sample converts to a package equal to the JSON one except where the CSV
 * lacks data — each expected difference is asserted here and listed in the README.
 */
class JiraCsvSampleTest {
    private static final Path USERS = Path.of("sample-exports/jira-csv/users.csv");

    @Test
    void sampleCsvIsWhatTheGeneratorMakesFromTheJson() throws IOException {
        assertEquals(JiraCsvSample.csv(JiraCsvSample.JSON),
                Files.readString(JiraCsvSample.CSV, StandardCharsets.UTF_8),
                "regenerate with JiraCsvSample.main after changing the JSON sample or the generator");
    }

    private static final Path GOLDEN = Path.of("src/test/resources/golden/jira-csv/server-v2");

    /** Byte-for-byte golden package (-Dgolden.update=true rewrites it; review the diff) and identical reruns. */
    @Test
    void sampleMatchesGoldenAndIsDeterministic(@TempDir Path tmp) throws IOException {
        SourceOptions options = SourceOptions.of(new CommonOptions(null, null, null, JiraCsvSample.ZONE, null,
                null));
        try (PackageRun a = JiraCsvRun.csv(tmp.resolve("a"), options, USERS, JiraCsvSample.CSV);
             PackageRun b = JiraCsvRun.csv(tmp.resolve("b"), options, USERS, JiraCsvSample.CSV)) {
            GoldenFiles.assertSameBytes(a.stage, b.stage);
            if (Boolean.getBoolean("golden.update")) {
                io.kaitenimport.emit.FileTrees.delete(GOLDEN);
                for (String f : io.kaitenimport.emit.FileTrees.relativeFiles(a.stage)) {
                    Files.createDirectories(GOLDEN.resolve(f).getParent());
                    Files.copy(a.stage.resolve(f), GOLDEN.resolve(f));
                }
            }
            GoldenFiles.assertSameBytes(GOLDEN, a.stage);
        }
    }


    @Test
    void csvPackageEqualsJsonPackageExceptWhereCsvLacksData(@TempDir Path tmp) throws IOException {
        SourceOptions csvOptions = SourceOptions.of(new CommonOptions(null, null, null,
                JiraCsvSample.ZONE, null, null));
        try (PackageRun json = JiraCsvRun.convert(new JiraSourceAdapter(), tmp.resolve("json"),
                SourceOptions.defaults(), null, JiraCsvSample.JSON);
             PackageRun csv = JiraCsvRun.csv(tmp.resolve("csv"), csvOptions, USERS, JiraCsvSample.CSV)) {
            assertEquals(0, csv.report.errors(), () -> "validation errors: " + csv.report.issues());
            Map<String, String> jsonUser = emails(json);
            Map<String, String> csvUser = emails(csv);
            Map<String, JsonNode> jc = byId(json.records("cards"));
            Map<String, JsonNode> cc = byId(csv.records("cards"));
            assertEquals(jc.keySet(), cc.keySet(), "same cards, same ids (Issue id)");
            Map<String, String> jsonOption = options(json);
            Map<String, String> csvOption = options(csv);
            for (String id : jc.keySet()) {
                JsonNode a = jc.get(id);
                JsonNode b = cc.get(id);
                for (String f : List.of("title", "key", "type_name", "description", "created", "due_date", "tags",
                        "estimate_workload", "size_text", "parent_card_ids", "child_card_ids", "blocks_card_ids",
                        "blocked_by_card_ids", "related_card_ids", "links", "archived")) {
                    assertEquals(a.get(f), b.get(f), id + " " + f);
                }
                assertEquals(jsonUser.get(a.path("owner_id").asText()), csvUser.get(b.path("owner_id").asText()));
                assertEquals(jsonUser.get(a.path("responsible_id").asText()),
                        csvUser.get(b.path("responsible_id").asText()));
                // expected: the CSV has no changelog, so no card_move history
                assertTrue(b.path("history").isMissingNode() || b.path("history").isEmpty());
                assertEquals(properties(a, json, jsonOption, jsonUser), properties(b, csv, csvOption, csvUser),
                        id + " properties (by field name and option text)");
            }
            // expected: columns only from current statuses ("Reopened" appears only in the JSON changelog)
            TreeSet<String> jsonColumns = titles(json.records("columns"));
            TreeSet<String> csvColumns = titles(csv.records("columns"));
            jsonColumns.remove("Reopened");
            assertEquals(jsonColumns, csvColumns);
            // expected: restricted comments cannot be told apart in a CSV, so the one JSON skips arrives
            List<String> jsonComments = comments(json);
            List<String> csvComments = comments(csv);
            assertEquals(jsonComments.size() + 1, csvComments.size());
            assertTrue(csvComments.containsAll(jsonComments), csvComments + " ⊇ " + jsonComments);
            assertEquals(1, json.report.losses().entries().stream()
                    .filter(e -> e.reason().startsWith("restricted")).mapToLong(e -> e.count()).sum());
            assertEquals(timers(json, jsonUser), timers(csv, csvUser), "timers: start, end, author");
            // custom fields: same names and types, except a select whose two values never repeat
            Map<String, String> jsonFields = fieldTypes(json);
            Map<String, String> csvFields = fieldTypes(csv);
            assertEquals("select", jsonFields.remove("Environment type"));
            assertEquals("string", csvFields.remove("Environment type"));
            assertEquals(jsonFields, csvFields);
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        Map<String, JsonNode> out = new TreeMap<>();
        records.forEach(r -> out.put(r.path("id").asText(), r));
        return out;
    }

    private static Map<String, String> emails(PackageRun run) throws IOException {
        Map<String, String> out = new HashMap<>();
        run.records("users").forEach(u -> out.put(u.path("id").asText(), u.path("email").asText()));
        return out;
    }

    private static Map<String, String> options(PackageRun run) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : run.records("custom_fields")) {
            f.path("options").forEach(o -> out.put(o.path("id").asText(), o.path("value").asText()));
        }
        return out;
    }

    private static Map<String, String> fieldTypes(PackageRun run) throws IOException {
        Map<String, String> out = new TreeMap<>();
        run.records("custom_fields").forEach(f -> out.put(f.path("name").asText(), f.path("type").asText()));
        return out;
    }

    /** Properties keyed by field name, option ids and user ids replaced by their text and email. */
    private static Map<String, String> properties(JsonNode card, PackageRun run, Map<String, String> options,
                                                  Map<String, String> users) throws IOException {
        Map<String, String> names = new HashMap<>();
        run.records("custom_fields").forEach(f -> names.put(f.path("id").asText(), f.path("name").asText()));
        Map<String, String> out = new TreeMap<>();
        for (JsonNode p : card.path("properties")) {
            String name = names.get(p.path("id").asText());
            if (name.equals("Environment type")) {
                continue;
            }
            JsonNode v = p.path("value");
            List<String> parts = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(e -> parts.add(options.getOrDefault(e.asText(), users.getOrDefault(e.asText(),
                        e.asText()))));
            } else {
                parts.add(v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText());
            }
            out.put(name, String.join("|", parts));
        }
        return out;
    }

    private static TreeSet<String> titles(List<JsonNode> records) {
        TreeSet<String> out = new TreeSet<>();
        records.forEach(r -> out.add(r.path("title").asText()));
        return out;
    }

    private static List<String> comments(PackageRun run) throws IOException {
        List<String> out = new ArrayList<>();
        run.records("comments").forEach(c -> out.add(c.path("card_id").asText() + "|" + c.path("created").asText()
                + "|" + c.path("text").asText()));
        return out;
    }

    private static List<String> timers(PackageRun run, Map<String, String> users) throws IOException {
        List<String> out = new ArrayList<>();
        run.records("card_timers").forEach(t -> out.add(t.path("card_id").asText() + "|"
                + t.path("started_at").asText() + "|" + t.path("finished_at").asText() + "|"
                + users.get(t.path("author_id").asText()) + "|" + t.path("comment").asText()));
        return out;
    }
}
