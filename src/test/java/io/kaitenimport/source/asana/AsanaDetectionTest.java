package io.kaitenimport.source.asana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kaitenimport.pipeline.SourceAdapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detection both ways, through the real registry: every Asana file (samples and real exports) is claimed by an
 * Asana adapter, and no Trello, Jira, CSV or Excel file (samples and real exports) is.
 */
class AsanaDetectionTest {
    private static final Path REAL = Path.of("../shared/real-exports");

    static List<Path> asanaFiles() throws IOException {
        List<Path> out = new ArrayList<>(List.of(AsanaTesting.JSON, AsanaTesting.CSV));
        out.addAll(list(REAL.resolve("asana")));
        return out;
    }

    static List<Path> otherFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : new String[] {"csv", "trello", "jira", "xlsx"}) {
            out.addAll(list(Path.of("sample-exports", dir)));
        }
        for (String dir : new String[] {"csv", "trello", "jira-json", "jira-csv", "xlsx"}) {
            out.addAll(list(REAL.resolve(dir)));
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void csvHeaderVariants() {
        AsanaCsvSourceAdapter csv = new AsanaCsvSourceAdapter();
        byte[] quoted = bytes("\uFEFF\"Task ID\",\"Created At\",\"Completed At\",\"Last Modified\",\"Name\","
                + "\"Projects\"\r\n1,,,,a,P");
        assertTrue(csv.detect(Path.of("export.csv"), quoted));
        assertFalse(csv.detect(Path.of("export.txt"), quoted), "only .csv names");
        byte[] other = bytes("ID,Name,Projects,Created At\n1,a,P,2024-01-01");
        assertFalse(csv.detect(Path.of("other.csv"), other));
        AsanaSourceAdapter json = new AsanaSourceAdapter();
        byte[] gidOnly = bytes("{\"data\": [{\"gid\": \"1\", \"name\": \"x\"}]}");
        assertFalse(json.detect(Path.of("x.json"), gidOnly), "a gid alone is not enough");
        byte[] api = bytes("{\"data\": [{\"gid\": \"1\", \"resource_type\": \"task\"}]}");
        assertTrue(json.detect(Path.of("x.json"), api));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("users.csv"))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asanaFiles")
    void asanaFilesAreAsana(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file));
        String name = SourceAdapters.standard().plan(null, List.of(file)).get(0).adapter().name();
        assertEquals(file.toString().endsWith(".csv") ? "asana-csv" : "asana", name);
        byte[] head = head(file);
        assertFalse(new io.kaitenimport.source.trello.TrelloSourceAdapter().detect(file, head), "trello");
        assertFalse(new io.kaitenimport.source.jira.JiraSourceAdapter().detect(file, head), "jira");
        assertFalse(new io.kaitenimport.source.xlsx.XlsxSourceAdapter().detect(file, head), "xlsx");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherFiles")
    void otherFilesAreNeverAsana(Path file) throws IOException {
        byte[] head = head(file);
        assertFalse(new AsanaSourceAdapter().detect(file, head), "asana detector");
        assertFalse(new AsanaCsvSourceAdapter().detect(file, head), "asana-csv detector");
        String name;
        try {
            name = SourceAdapters.standard().plan(null, List.of(file)).get(0).adapter().name();
        } catch (io.kaitenimport.issue.SourceException e) {
            return; // not claimed by anyone
        }
        assertNotEquals("asana", name);
        assertNotEquals("asana-csv", name);
    }
}
