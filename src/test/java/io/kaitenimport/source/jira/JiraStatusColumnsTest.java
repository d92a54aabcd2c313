package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Columns are statuses told apart by id: renamed statuses, changelogs with ids only, translated REST names and
 * changelog-only statuses give one column per status id; old exports without ids fall back to names.
 */
class JiraStatusColumnsTest {
    @TempDir
    Path tmp;

    /** Two issues of project P: #1 in {@code status1} with one changelog item, #2 in {@code status2}. */
    private JiraRun convert(String status1, String item, String status2) throws IOException {
        String json = """
                {"issues":[
                  {"id":"1","key":"P-1","fields":{"summary":"one","project":{"id":"100","name":"Proj"},
                     "status":%s},
                   "changelog":{"histories":[{"id":"h1","created":"2024-02-13T10:00:00.000+0000",
                     "items":[%s]}]}},
                  {"id":"2","key":"P-2","fields":{"summary":"two","project":{"id":"100","name":"Proj"},
                     "status":%s}}
                ]}""".formatted(status1, item, status2);
        Path in = Files.writeString(tmp.resolve("search" + System.nanoTime() + ".json"), json);
        return JiraRun.convert(tmp.resolve("out" + System.nanoTime()), JiraRun.PLACEHOLDER, in);
    }

    private static final String IN_PROGRESS =
            "{\"id\":\"3\",\"name\":\"In Progress\",\"statusCategory\":{\"key\":\"indeterminate\"}}";
    private static final String TO_DO = "{\"id\":\"1\",\"name\":\"To Do\",\"statusCategory\":{\"key\":\"new\"}}";

    private static Map<String, String> columns(JiraRun run) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode c : run.records("columns")) {
            out.put(c.get("id").asText(), c.get("title").asText());
        }
        return out;
    }

    private static void assertMove(JiraRun run, String from, String to) throws IOException {
        JsonNode h = JiraSampleTest.byId(run.records("cards")).get("1").get("history").get(0);
        assertEquals(from, h.at("/old_value/column_id").asText(null));
        assertEquals(to, h.at("/new_value/column_id").asText(null));
    }

    @Test
    void renamedStatusKeepsOneColumnTitledWithItsCurrentName() throws IOException {
        try (JiraRun run = convert(IN_PROGRESS, """
                {"field":"status","fieldtype":"jira","from":"1","fromString":"Open","to":"3","toString":"In Work"}""",
                TO_DO)) {
            assertEquals(Map.of("status:1@project:100", "To Do", "status:3@project:100", "In Progress"),
                    columns(run));
            assertMove(run, "status:1@project:100", "status:3@project:100");
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }

    @Test
    void changelogWithIdsOnlyResolvesById() throws IOException {
        try (JiraRun run = convert(IN_PROGRESS, """
                {"field":"status","fieldtype":"jira","from":"1","to":"3"}""", TO_DO)) {
            assertEquals(List.of("To Do", "In Progress"), List.copyOf(columns(run).values()));
            assertMove(run, "status:1@project:100", "status:3@project:100");
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }

    @Test
    void translatedRestNamesWinOverStoredChangelogNames() throws IOException {
        try (JiraRun run = convert("{\"id\":\"3\",\"name\":\"В работе\"}", """
                {"fieldId":"status","from":"1","fromString":"To Do","to":"3","toString":"In Progress"}""",
                "{\"id\":\"1\",\"name\":\"К выполнению\"}")) {
            assertEquals(Map.of("status:1@project:100", "К выполнению", "status:3@project:100", "В работе"),
                    columns(run));
            assertMove(run, "status:1@project:100", "status:3@project:100");
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }

    @Test
    void statusOnlyInHistoryGetsAColumnTitledWithTheChangelogName() throws IOException {
        try (JiraRun run = convert(IN_PROGRESS, """
                {"field":"status","fieldtype":"jira","from":"7","fromString":"Backlog","to":"3","toString":"In Work"}""",
                IN_PROGRESS)) {
            assertEquals(Map.of("status:7@project:100", "Backlog", "status:3@project:100", "In Progress"),
                    columns(run));
            assertMove(run, "status:7@project:100", "status:3@project:100");
            JsonNode backlog = run.records("columns").get(0);
            assertEquals("Backlog", backlog.get("title").asText(), "queued by its name, so first");
            assertEquals(1, backlog.get("type").asInt());
        }
    }

    @Test
    void statusOnlyInHistoryWithoutANameIsTitledByItsId() throws IOException {
        try (JiraRun run = convert(IN_PROGRESS, """
                {"field":"status","fieldtype":"jira","from":"7","to":"3"}""", IN_PROGRESS)) {
            assertEquals("Status 7", columns(run).get("status:7@project:100"));
            assertMove(run, "status:7@project:100", "status:3@project:100");
        }
    }

    @Test
    void oldExportsWithoutIdsFallBackToNames() throws IOException {
        try (JiraRun run = convert("{\"name\":\"Done\"}", """
                {"field":"status","fieldtype":"jira","fromString":"open","toString":"Done"}""",
                "{\"name\":\"Open\"}")) {
            assertEquals(Map.of("status:name:Done@project:100", "Done", "status:name:Open@project:100", "Open"),
                    columns(run));
            assertMove(run, "status:name:Open@project:100", "status:name:Done@project:100");
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }

    @Test
    void nameOnlyChangelogJoinsTheColumnOfTheStatusWithThatName() throws IOException {
        try (JiraRun run = convert(IN_PROGRESS, """
                {"field":"status","fieldtype":"jira","fromString":"To Do","toString":"In Progress"}""", TO_DO)) {
            assertEquals(Map.of("status:1@project:100", "To Do", "status:3@project:100", "In Progress"),
                    columns(run));
            assertMove(run, "status:1@project:100", "status:3@project:100");
        }
    }

    @Test
    void nameOnlyChangelogJoinsAStatusByTheNameAnotherChangelogGaveIt() throws IOException {
        String json = """
                {"issues":[
                  {"id":"1","key":"P-1","fields":{"summary":"one","project":{"id":"100"},"status":{"id":"3",
                     "name":"In Progress"}},
                   "changelog":{"histories":[{"id":"h1","created":"2024-02-13T10:00:00.000+0000",
                     "items":[{"field":"status","fromString":"Open","toString":"In Progress"}]}]}},
                  {"id":"2","key":"P-2","fields":{"summary":"two","project":{"id":"100"},"status":{"id":"3",
                     "name":"In Progress"}},
                   "changelog":{"histories":[{"id":"h2","created":"2024-02-13T10:00:00.000+0000",
                     "items":[{"field":"status","from":"1","fromString":"Open","to":"3","toString":"In Progress"}]}]}}
                ]}""";
        Path in = Files.writeString(tmp.resolve("mixed.json"), json);
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), JiraRun.PLACEHOLDER, in)) {
            assertEquals(Map.of("status:1@project:100", "Open", "status:3@project:100", "In Progress"),
                    columns(run));
            assertMove(run, "status:1@project:100", "status:3@project:100");
        }
    }
}
