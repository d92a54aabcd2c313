package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --board-per, --include-restricted, mapping-file keys and detection. */
class JiraOptionsTest {
    @TempDir
    Path tmp;

    private static SourceOptions options(Path mapping, String boardPer, boolean includeRestricted) {
        return JiraRun.options(mapping, null, JiraSampleTest.SAMPLES.resolve("attachments"), boardPer,
                includeRestricted);
    }

    private PackageRun cloud(SourceOptions o) throws IOException {
        return JiraRun.withUsers(tmp.resolve("out" + System.nanoTime()), o,
                JiraSampleTest.SAMPLES.resolve("users.csv"), JiraSampleTest.CLOUD);
    }

    @Test
    void oneBoardForAllProjectsHasOneColumnPerStatusId() throws IOException {
        try (PackageRun run = cloud(options(null, "all", false))) {
            List<JsonNode> boards = run.records("boards");
            assertEquals(1, boards.size());
            assertEquals("Alpha Web, Beta Mobile", boards.get(0).get("title").asText());
            List<String> columns = run.records("columns").stream().map(c -> c.get("title").asText()).toList();
            assertEquals(List.of("To Do", "Backlog", "In Progress", "Code Review", "Done"), columns);
            assertTrue(run.records("columns").stream().allMatch(c -> c.get("board_id").asText().equals("jira")));
        }
    }

    @Test
    void restrictedCommentsAndWorklogsAreKeptOnRequest() throws IOException {
        try (PackageRun run = cloud(options(null, null, true))) {
            List<String> comments = run.records("comments").stream().map(c -> c.get("id").asText()).toList();
            assertTrue(comments.containsAll(List.of("30002", "30003")), comments.toString());
            assertTrue(run.records("card_timers").stream().anyMatch(t -> t.get("id").asText().equals("40003")));
            assertEquals(1, run.report.losses().count("jira fields.comment"), "only the truncated one");
        }
    }

    @Test
    void mappingFileSteersColumnsFieldsSprintsAndUnits() throws IOException {
        Path mapping = Files.writeString(tmp.resolve("jira.yaml"), """
                statuses:
                  code review: 3
                components_as_tags: true
                sprints: all
                estimate_unit: minutes
                fields:
                  Team: ignore
                  Topics: tags
                  priority: ignore
                  Story point estimate: number
                """);
        try (PackageRun run = cloud(options(mapping, null, false))) {
            JsonNode review = run.records("columns").stream()
                    .filter(c -> c.get("title").asText().equals("Code Review")).findFirst().orElseThrow();
            assertEquals(3, review.get("type").asInt());
            Map<String, JsonNode> fields = JiraSampleTest.byId(run.records("custom_fields"));
            assertFalse(fields.containsKey("cf:customfield_10045"), "Team ignored");
            assertFalse(fields.containsKey("cf:priority"), "priority ignored");
            assertEquals("multi_select", fields.get("cf:customfield_10020").get("type").asText());
            assertEquals("number", fields.get("cf:customfield_10016").get("type").asText());
            Map<String, JsonNode> cards = JiraSampleTest.byId(run.records("cards"));
            JsonNode epic = cards.get("10100");
            assertEquals(2400.0, epic.get("estimate_workload").asDouble(), "144000 s in minutes");
            String tags = epic.get("tags").toString();
            assertTrue(tags.contains("\"Web\"") && tags.contains("\"pci\"") && tags.contains("\"ux\""), tags);
            assertEquals(2, JiraSampleTest.property(cards.get("10101"), "cf:customfield_10020").size());
            assertNull(cards.get("10101").get("size_text"), "story points now a number property");
            assertEquals(1, run.report.losses().count("jira fields.customfield_10045 (Team)"));
        }
    }

    @Test
    void detectsSearchResultsAndSingleIssuesOnly() throws IOException {
        JiraSourceAdapter a = new JiraSourceAdapter();
        assertTrue(a.detect(JiraSampleTest.CLOUD, Files.readAllBytes(JiraSampleTest.CLOUD)));
        assertTrue(a.detect(JiraSampleTest.SERVER, Files.readAllBytes(JiraSampleTest.SERVER)));
        assertTrue(a.detect(Path.of("i.json"), "\uFEFF {\"key\":\"A-1\",\"fields\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(a.detect(Path.of("t.json"), "{\"id\":\"5\",\"name\":\"Board\",\"cards\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(a.detect(Path.of("l.json"), "[{\"key\":\"A-1\",\"fields\":{}}]".getBytes(StandardCharsets.UTF_8)));
        assertFalse(a.detect(Path.of("x.csv"), "Summary,Issue key\n".getBytes(StandardCharsets.UTF_8)));
        for (String kind : List.of("jira-json", "trello")) {
            Path real = Path.of("../shared/real-exports", kind);
            if (!Files.isDirectory(real)) {
                continue;
            }
            try (Stream<Path> s = Files.list(real)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                    byte[] all = Files.readAllBytes(f);
                    byte[] head = java.util.Arrays.copyOf(all, Math.min(all.length, 65536));
                    assertEquals(kind.equals("jira-json"), a.detect(f, head), f.toString());
                }
            }
        }
    }
}
