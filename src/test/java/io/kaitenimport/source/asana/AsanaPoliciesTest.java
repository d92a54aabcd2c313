package io.kaitenimport.source.asana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping choices, API capture shapes, section rows, repeated tasks, emails from the export, CSV id rules. */
class AsanaPoliciesTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Converter.Outcome convert(Path input, CommonOptions common) throws IOException {
        Converter.Outcome o = AsanaTesting.convert(input, SourceOptions.of(common), tmp.resolve("out"));
        assertEquals(0, o.report().errors(), AsanaTesting.describe(o.report()));
        return o;
    }

    private Map<String, JsonNode> cards() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        AsanaTesting.records(tmp.resolve("out"), "cards").forEach(c -> byId.put(c.path("id").asText(), c));
        return byId;
    }

    private Map<String, JsonNode> columns() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        AsanaTesting.records(tmp.resolve("out"), "columns").forEach(c -> byId.put(c.path("id").asText(), c));
        return byId;
    }

    @Test
    void keepSectionMappingLeavesCompletedTasksInTheirSectionAndCountsTheFlag() throws IOException {
        Path mapping = write("m.yaml", "completed: keep-section\ncolumns:\n  Planning: 2\ntypes:\n  milestone: \"\"\n");
        Converter.Outcome o = convert(AsanaTesting.JSON, CommonOptions.defaults().withMapping(mapping));
        Map<String, JsonNode> cards = cards();
        assertEquals("9000000000000011", cards.get("9000000000000103").path("column_id").asText());
        assertTrue(cards.get("9000000000000102").path("type_name").isMissingNode());
        assertEquals(2, columns().get("9000000000000011").path("type").asInt());
        assertEquals(2, o.report().losses().count("asana task.completed"));
        assertTrue(columns().keySet().stream().noneMatch(id -> id.endsWith("-done")), columns().keySet().toString());
        assertTrue(o.report().issues().stream().anyMatch(i -> i.message().contains("keep-section")));
    }

    @Test
    void misspeltOrInvalidMappingIsAnError() throws IOException {
        Path typo = write("typo.yaml", "complete: keep-section\n");
        SourceException e = assertThrows(SourceException.class,
                () -> AsanaTesting.convert(AsanaTesting.JSON, SourceOptions.of(CommonOptions.defaults()
                        .withMapping(typo)), tmp.resolve("out")));
        assertTrue(e.getMessage().contains("complete"), e.getMessage());
        Path bad = write("bad.yaml", "completed: archive\n");
        assertThrows(SourceException.class, () -> AsanaTesting.convert(AsanaTesting.JSON, SourceOptions.of(
                CommonOptions.defaults().withMapping(bad)), tmp.resolve("out")));
    }

    @Test
    void apiCapturesOfOneTaskAndFlatSubtasksWithParentReferences() throws IOException {
        convert(write("one.json", "{\"data\": {\"gid\": \"1\", \"name\": \"Solo\", \"resource_type\": \"task\","
                + " \"assignee\": {\"gid\": \"u1\", \"name\": \"Uma\", \"email\": \"uma@example.com\"}}}"),
                CommonOptions.defaults());
        JsonNode solo = cards().get("1");
        assertEquals("u1", solo.path("responsible_id").asText());
        assertEquals("uma@example.com", AsanaTesting.records(tmp.resolve("out"), "users").get(0).path("email")
                .asText());
        convert(write("flat.json", "[{\"gid\": \"1\", \"name\": \"Parent\", \"resource_subtype\": \"default_task\"},"
                + " {\"gid\": \"2\", \"name\": \"Child\", \"resource_subtype\": \"default_task\", \"parent\":"
                + " {\"gid\": \"1\"}}, {\"gid\": \"3\", \"name\": \"Loop a\", \"parent\": {\"gid\": \"4\"},"
                + " \"permalink_url\": \"https://app.asana.com/0/0/3\"}, {\"gid\": \"4\", \"name\": \"Loop b\","
                + " \"parent\": {\"gid\": \"3\"}, \"memberships\": []}]"), CommonOptions.defaults());
        Map<String, JsonNode> cards = cards();
        assertEquals("1", cards.get("2").path("parent_card_ids").get(0).asText());
        assertEquals("2", cards.get("1").path("child_card_ids").get(0).asText());
        long loopLinks = cards.get("3").path("parent_card_ids").size() + cards.get("4").path("parent_card_ids").size();
        assertEquals(1, loopLinks, "one link of the cycle is cut");
    }

    @Test
    void sectionRowsAreColumnsAndRepeatedTasksAreOneCard() throws IOException {
        Converter.Outcome o = convert(write("rows.json", """
                {"data": [
                  {"gid": "s1", "name": "To do:", "resource_subtype": "section",
                   "memberships": [{"project": {"gid": "p", "name": "P"}}]},
                  {"gid": "s2", "name": "Shipped:", "resource_subtype": "section",
                   "memberships": [{"project": {"gid": "p", "name": "P"}}]},
                  {"gid": "t1", "name": "Task", "memberships": [{"project": {"gid": "p"}, "section": {"gid": "s1"}}],
                   "subtasks": [{"gid": "t2", "name": "Sub"}]},
                  {"gid": "t2", "name": "Sub", "notes": "full copy", "parent": {"gid": "t1"}, "completed": true}
                ]}
                """), CommonOptions.defaults());
        Map<String, JsonNode> cards = cards();
        assertEquals(2, cards.size(), cards.keySet().toString());
        assertEquals("full copy", cards.get("t2").path("description").asText());
        assertEquals("s2", cards.get("t2").path("column_id").asText(), "the section typed done is the done column");
        assertEquals("To do", columns().get("s1").path("title").asText());
        assertEquals(3, columns().get("s2").path("type").asInt());
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_DUPLICATE_ID));
    }

    @Test
    void csvDependenciesByIdAndNameAndRoundedIds() throws IOException {
        Converter.Outcome o = convert(write("deps.csv", "Task ID,Created At,Completed At,Name,Projects,"
                + "Blocked By (Dependencies),Blocking (Dependencies)\n"
                + "11,2024-01-01,,Design,P,,\n"
                + "12,2024-01-01,,Build,P,\"11, Design\",\n"
                + "13,2024-01-01,,Ship,P,1.2E+15,12\n"), CommonOptions.defaults());
        Map<String, JsonNode> cards = cards();
        assertEquals("[\"11\",\"13\"]", cards.get("12").path("blocked_by_card_ids").toString(), "by id and by name");
        assertEquals("[\"12\"]", cards.get("13").path("blocks_card_ids").toString());
        assertEquals("[\"12\"]", cards.get("11").path("blocks_card_ids").toString());
        assertEquals(1, o.report().losses().count("asana task.dependencies"));
    }

    /** Asana joins a task's projects with ", ": a project whose name has a comma is told apart by the export. */
    @Test
    void aProjectNameWithACommaIsOneBoard() throws IOException {
        Converter.Outcome o = convert(write("comma.csv", "Task ID,Created At,Completed At,Name,Section/Column,Projects\n"
                + "1,2024-01-01,,Plan,To do,\"Sales, EMEA\"\n"
                + "2,2024-01-01,,Pitch,Doing,\"Sales, EMEA, Marketing\"\n"
                + "3,2024-01-01,,Post,To do,Marketing\n"), CommonOptions.defaults());
        var boards = AsanaTesting.records(tmp.resolve("out"), "boards");
        assertEquals(List.of("Sales, EMEA", "Marketing"), boards.findValuesAsText("title"), boards.toString());
        assertTrue(cards().get("1").path("column_id").asText().startsWith("project-1-"), "on the 'Sales, EMEA' board");
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_RULE
                && i.message().startsWith("'Sales, EMEA' is read as one project: its parts [Sales, EMEA] are never"
                + " listed apart")), AsanaTesting.describe(o.report()));
    }

    @Test
    void anExportWithoutStoriesSaysCommentsAreNotInIt() throws IOException {
        Converter.Outcome o = convert(write("ui.json", "{\"data\": [{\"gid\": \"1\", \"name\": \"A\","
                + " \"resource_type\": \"task\", \"subtasks\": []}]}"), CommonOptions.defaults());
        assertTrue(o.report().issues().stream().anyMatch(i -> i.message().contains("no stories")),
                AsanaTesting.describe(o.report()));
        Converter.Outcome with = convert(AsanaTesting.JSON, CommonOptions.defaults());
        assertTrue(with.report().issues().stream().noneMatch(i -> i.message().contains("no stories")));
    }

    @Test
    void historyNeedsAnAuthorWithAnEmailOrThePlaceholder() throws IOException {
        Converter.Outcome dropped = convert(AsanaTesting.JSON, CommonOptions.defaults());
        assertTrue(cards().get("9000000000000101").path("history").isMissingNode());
        assertEquals(1, dropped.report().losses().count("asana story.section_changed"));
        convert(AsanaTesting.JSON, CommonOptions.defaults().withUnmappedUsers(
                CommonOptions.UnmappedUsers.placeholder("nobody@example.com")));
        JsonNode move = cards().get("9000000000000101").path("history").get(0);
        assertEquals("unmapped-people:nobody@example.com", move.path("author_id").asText());
        assertEquals("9000000000000011", move.path("new_value").path("column_id").asText());
    }

    @Test
    void unmappedUsersFailNamesThePerson() throws IOException {
        SourceException e = assertThrows(SourceException.class, () -> AsanaTesting.convert(AsanaTesting.JSON,
                SourceOptions.of(CommonOptions.defaults().withUnmappedUsers(CommonOptions.UnmappedUsers.FAIL)),
                tmp.resolve("out")));
        assertTrue(e.getMessage().contains("Grace Hopper") || e.getMessage().contains("Ada"), e.getMessage());
    }
}
