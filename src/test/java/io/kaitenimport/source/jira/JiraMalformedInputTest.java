package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken or odd input: a clear error with its position, or a reported issue and a package; never a crash. */
class JiraMalformedInputTest {
    @TempDir
    Path tmp;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(tmp.resolve(name), json);
    }

    private SourceException fails(String json) throws IOException {
        Path in = write("bad.json", json);
        return assertThrows(SourceException.class,
                () -> JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in).close());
    }

    private List<Issue> issues(JiraRun run, IssueCode code) {
        return run.report.issues().stream().filter(i -> i.code() == code).toList();
    }

    @Test
    void truncatedSearchResultNamesFileLineAndIssue() throws IOException {
        SourceException e = fails("""
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"ok"}},
                 {"id":"2","key":"A-2","fields":{"summary":"cut off here""");
        assertTrue(e.describe().startsWith("bad.json:2:"), e.describe());
        assertEquals("/issues/1", e.location().pointer());
        assertTrue(e.getMessage().contains("ends in the middle of a value (is the file truncated?) (issue #1)"),
                e.getMessage());
    }

    @Test
    void wrongKindsOfFileAreRefused() throws IOException {
        assertTrue(fails("").getMessage().contains("empty"));
        assertTrue(fails("[{\"id\":\"1\"}]").getMessage().contains("not a Jira export"));
        assertTrue(fails("{\"name\":\"a Trello board\",\"cards\":[]}").getMessage().contains("not a Jira export"));
        assertTrue(fails("{\"issues\":{}}").getMessage().contains("'issues' is not an array"));
        assertTrue(fails("{\"issues\":[]}").getMessage().contains("no readable Jira issues"));
        assertTrue(fails("{\"issues\":[{\"id\":\"1\",\"fields\":{}}]} {\"more\":1}").getMessage()
                .contains("unexpected data after"));
    }

    @Test
    void malformedIssuesAreReportedWithPositionAndSkipped() throws IOException {
        Path in = write("mixed.json", """
                {"issues":[
                  {"id":"1","key":"A-1"},
                  42,
                  {"fields":{"summary":"no id, no key"}},
                  {"id":"4","key":"A-4","fields":{"summary":"fine","status":{"name":"Open"}}}
                ]}""");
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            assertEquals(1, run.records("cards").size());
            List<Issue> structure = issues(run, IssueCode.SOURCE_STRUCTURE);
            assertEquals(List.of("/issues/0", "/issues/1", "/issues/2"),
                    structure.stream().map(i -> i.location().pointer()).toList());
            assertEquals(2L, structure.get(0).location().line());
            assertTrue(structure.get(0).message().contains("has no 'fields' object"));
            assertEquals(3, run.report.losses().count("jira issues"));
            assertEquals(0, run.report.errors());
        }
        assertTrue(fails("{\"issues\":[{\"id\":\"1\"},{\"key\":\"A-2\"}]}").getMessage()
                .contains("no readable Jira issues"));
    }

    @Test
    void unknownFieldShapesAreCountedNotFatal() throws IOException {
        Path in = write("shapes.json", """
                {"issues":[
                  {"id":"1","key":"A-1","fields":{"summary":"one","status":{"name":"Open"},
                    "customfield_1":{"weird":{"x":1}},
                    "customfield_2":7,
                    "customfield_3":[1,{"a":1}],
                    "created":"yesterday-ish"}},
                  {"id":"2","key":"A-2","fields":{"summary":"two","status":{"name":"Open"},
                    "customfield_2":"seven",
                    "customfield_1":{"weird":{"y":2}}}}
                ]}""");
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            assertEquals(2, run.report.losses().count("jira fields.customfield_1"));
            assertEquals(1, run.report.losses().count("jira fields.customfield_3"));
            JsonNode field2 = run.records("custom_fields").stream()
                    .filter(f -> f.get("id").asText().equals("cf:customfield_2")).findFirst().orElseThrow();
            assertEquals("string", field2.get("type").asText(), "mixed number/text values are kept as text");
            JsonNode card1 = run.records("cards").get(0);
            assertEquals("7", JiraSampleTest.property(card1, "cf:customfield_2").asText());
            assertFalse(card1.has("created"));
            assertEquals(1, run.report.losses().count("jira fields.created"));
            assertEquals(1, issues(run, IssueCode.SOURCE_VALUE_INVALID).size());
        }
    }

    @Test
    void danglingParentAndLinkAreDroppedReportedAndLinked() throws IOException {
        Path in = write("dangling.json", """
                {"issues":[{"id":"1","key":"A-1","self":"https://x.example/rest/api/2/issue/1","fields":{
                  "summary":"child","status":{"name":"Open"},
                  "parent":{"id":"99","key":"A-99"},
                  "issuelinks":[{"id":"7","type":{"name":"Blocks","inward":"is blocked by","outward":"blocks"},
                     "outwardIssue":{"id":"98","key":"A-98","self":"https://x.example/rest/api/2/issue/98"}}]}}]}""");
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            List<Issue> refs = issues(run, IssueCode.SOURCE_REF_UNRESOLVED);
            assertEquals(List.of("/issues/0/fields/parent", "/issues/0/fields/issuelinks/0"),
                    refs.stream().map(i -> i.location().pointer()).toList());
            assertEquals("dangling.json", refs.get(0).location().file());
            JsonNode card = run.records("cards").get(0);
            assertFalse(card.has("parent_card_ids"));
            assertFalse(card.has("blocks_card_ids"));
            assertTrue(card.get("links").toString().contains("https://x.example/browse/A-98"));
            assertTrue(card.get("links").toString().contains("https://x.example/browse/A-99"));
            assertEquals(1, run.report.losses().count("jira fields.parent"));
            assertEquals(1, run.report.losses().count("jira fields.issuelinks"));
        }
    }

    @Test
    void duplicateIssuesAcrossMergedFilesKeepTheFirst() throws IOException {
        Path first = write("page1.json", """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"first copy","status":{"name":"Open"}}}]}""");
        Path second = write("page2.json", """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"second copy","status":{"name":"Open"}}},
                           {"id":"2","key":"A-1","fields":{"summary":"moved issue","status":{"name":"Open"}}}]}""");
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), first, second)) {
            var cards = JiraSampleTest.byId(run.records("cards"));
            assertEquals(2, cards.size());
            assertEquals("first copy", cards.get("1").get("title").asText());
            assertNull(cards.get("2").get("key"), "a key already taken is not written twice");
            List<Issue> dups = issues(run, IssueCode.SOURCE_DUPLICATE_ID);
            assertEquals(2, dups.size());
            assertEquals("page2.json", dups.get(0).location().file());
            assertEquals("/issues/0", dups.get(0).location().pointer());
            assertTrue(dups.get(0).message().contains("input 1 #0"), dups.get(0).message());
        }
    }

    @Test
    void unreadableWorklogsAndHostileAttachmentNamesAreHandled() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("att"));
        Files.writeString(tmp.resolve("secret.txt"), "not yours");
        Path in = write("odd.json", """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"x","status":{"name":"Open"},
                  "worklog":{"total":1,"worklogs":[{"id":"5","author":{"name":"a","emailAddress":"a@x.example"},
                     "timeSpentSeconds":60}]},
                  "attachment":[{"id":"9","filename":"../secret.txt","content":"https://x.example/a/9"}]}}]}""");
        SourceOptions o = JiraRun.options(null, null, dir, null, false);
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), o, in)) {
            assertEquals(0, run.records("card_timers").size());
            assertEquals(1, run.report.losses().count("jira fields.worklog"));
            assertEquals(0, run.records("files").size(), "a name leaving the attachments folder is not followed");
            assertEquals(1, issues(run, IssueCode.SOURCE_ATTACHMENT).size());
        }
    }

    @Test
    void newestFirstChangelogBecomesOldestFirstHistory() throws IOException {
        Path in = write("log.json", """
                {"id":"1","key":"A-1","fields":{"summary":"x","status":{"id":"3","name":"Done"}},
                 "changelog":{"total":2,"histories":[
                   {"id":"2","created":"2024-01-02T10:00:00.000+0000","items":[{"field":"status","fieldtype":"jira",
                      "from":"2","fromString":"Doing","to":"3","toString":"Done"}]},
                   {"id":"1","created":"2024-01-01T10:00:00.000+0000","items":[{"field":"status","fieldtype":"jira",
                      "from":"1","fromString":"Open","to":"2","toString":"Doing"}]}]}}""");
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), JiraRun.PLACEHOLDER, in)) {
            JsonNode history = run.records("cards").get(0).get("history");
            assertEquals("2024-01-01T10:00:00.000Z", history.get(0).get("created").asText());
            assertEquals("status:1@project:none", history.get(0).at("/old_value/column_id").asText());
            assertEquals("status:3@project:none", history.get(1).at("/new_value/column_id").asText());
            assertEquals(3, run.records("columns").size(), "statuses seen only in the changelog get columns");
        }
    }

    @Test
    void badOptionsAndMappingsAreClearErrors() throws IOException {
        Path in = write("ok.json", "{\"issues\":[{\"id\":\"1\",\"fields\":{\"summary\":\"x\"}}]}");
        Path mapping = Files.writeString(tmp.resolve("my-jira.yaml"), "statuses:\n  Open: 1\ncolumns:\n  x: 1\n");
        SourceException e = assertThrows(SourceException.class, () -> JiraRun.convert(tmp.resolve("o2"),
                JiraRun.options(mapping, null, null, null, false), in));
        assertTrue(e.describe().startsWith(mapping + ":3:"), e.describe());
        assertTrue(e.getMessage().contains("'columns'"), e.getMessage());
        Path badRole = Files.writeString(tmp.resolve("role.yaml"), "fields:\n  Team: sideways\n");
        assertTrue(assertThrows(SourceException.class, () -> JiraRun.convert(tmp.resolve("o3"),
                JiraRun.options(badRole, null, null, null, false), in)).getMessage().contains("unknown role 'sideways'"));
    }

    @Test
    void listsAndObjectsOfTheWrongShapeAreReportedWithTheirPointerAndCounted() throws IOException {
        Path in = write("shapes.json", """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"x","status":{"id":"1","name":"Open"},
                  "issuelinks":{"id":"1"},
                  "attachment":{"id":"5","filename":"a.png"},
                  "subtasks":"A-2",
                  "parent":"A-3",
                  "labels":{"a":"b"},
                  "comment":"hello",
                  "worklog":{"worklogs":[7,{"id":"9","timeSpentSeconds":60,"author":{"emailAddress":"a@x.example"}}]},
                  "reporter":"jsmith",
                  "description":["not","text"],
                  "created":{"date":"2024-01-01"}},
                 "changelog":{"histories":[{"created":"2024-01-02T10:00:00.000+0000","items":{"field":"status"}},
                   "h2"]}}]}""");
        try (JiraRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            List<String> pointers = issues(run, IssueCode.SOURCE_STRUCTURE).stream()
                    .map(i -> i.location().pointer()).toList();
            assertEquals(List.of("/issues/0/fields/parent", "/issues/0/fields/subtasks",
                    "/issues/0/fields/issuelinks", "/issues/0/fields/description", "/issues/0/fields/reporter",
                    "/issues/0/fields/labels", "/issues/0/changelog/histories/0/items",
                    "/issues/0/changelog/histories/1", "/issues/0/fields/worklog/worklogs/0",
                    "/issues/0/fields/attachment", "/issues/0/fields/comment"), pointers.stream()
                    .filter(p -> !p.endsWith("/created")).toList());
            for (String field : List.of("issuelinks", "attachment", "subtasks", "parent", "labels", "comment",
                    "reporter", "created")) {
                assertEquals(1, run.report.losses().count("jira fields." + field), field);
            }
            assertEquals(2, run.report.losses().count("jira fields.worklog"), "a number, and one without 'started'");
            assertTrue(issues(run, IssueCode.SOURCE_VALUE_INVALID).stream().anyMatch(i -> i.location().pointer()
                    .equals("/issues/0/fields/worklog/worklogs/1")));
            assertEquals(1, run.report.losses().count("jira description"));
            assertEquals(1, run.report.losses().count("jira changelog.items"));
            assertEquals(1, run.report.losses().count("jira changelog.histories"));
            assertTrue(issues(run, IssueCode.SOURCE_STRUCTURE).get(2).message()
                    .contains("jira fields.issuelinks is an object where Jira has a list"));
            assertEquals(1, run.records("cards").size());
            assertEquals(0, run.report.errors());
        }
    }

    @Test
    void wrongShapesEndInAPackageNotAnInternalError() throws IOException {
        Path out = tmp.resolve("links.zip");
        io.kaitenimport.cli.Cli.Run r = io.kaitenimport.cli.Cli.run("convert", "--from", "jira", write("links.json", """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"x","issuelinks":{"id":"1"},
                  "attachment":{"id":"2"}}}]}""").toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("source.structure"), r.out());
        assertTrue(Files.isRegularFile(out));
    }
}
