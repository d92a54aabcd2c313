package io.kaitenimport.source.trello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and inconsistent exports: fatal ones stop with a located message, the rest convert and report. */
class TrelloBadInputTest {
    @TempDir
    Path tmp;

    private SourceException fails(String content) throws IOException {
        Path in = tmp.resolve("board.json");
        Files.writeString(in, content, StandardCharsets.UTF_8);
        return assertThrows(SourceException.class, () -> TrelloTesting.convert(in,
                TrelloTesting.options(null, null, null, null, null), tmp.resolve("out")));
    }

    @Test
    void truncatedJsonNamesLineColumnAndPointer() throws IOException {
        String sample = Files.readString(TrelloTesting.SAMPLE);
        SourceException e = fails(sample.substring(0, sample.indexOf("\"checklists\"") + 40));
        assertTrue(e.getMessage().startsWith("the JSON ends in the middle of a value"), e.getMessage());
        assertNotNull(e.location().line(), e.describe());
        assertNotNull(e.location().column(), e.describe());
        assertTrue(e.location().pointer().startsWith("/checklists"), e.describe());
        assertFalse(Files.exists(tmp.resolve("out")), "no package is left behind");
    }

    @Test
    void otherJsonIsRejectedWithAReason() throws IOException {
        assertTrue(fails("[{\"id\": 1}]").getMessage().contains("top level should be an object but is array"));
        assertTrue(fails("{\"issues\": [], \"total\": 0}").getMessage().contains("neither 'lists' nor 'cards'"));
        assertTrue(fails("{\"lists\": {}, \"cards\": []}").getMessage().contains("'lists' should be an array but is object"));
        assertTrue(fails("").getMessage().contains("empty"));
    }

    @Test
    void detectionNeedsTrelloKeysInAJsonObject() throws IOException {
        TrelloSourceAdapter a = new TrelloSourceAdapter();
        byte[] sample = Arrays.copyOf(Files.readAllBytes(TrelloTesting.SAMPLE), 4096);
        assertTrue(a.detect(TrelloTesting.SAMPLE, sample));
        assertTrue(a.detect(Path.of("card.json"), "\uFEFF {\"id\":\"1\",\"idList\":\"2\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(a.detect(Path.of("jira.json"), "{\"expand\":\"names\",\"issues\":[{\"key\":\"A-1\"}]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertFalse(a.detect(Path.of("tasks.csv"), "title,idList\nA,1\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cardOfAMissingListGetsAColumnNamedAfterTheList() throws IOException {
        ObjectNode board = sample();
        ((ObjectNode) board.path("cards").get(1)).put("idList", "5f00000000000000000000ff");
        ((ObjectNode) board.path("cards").get(2)).put("idList", "65e18b3cabc000000000000b-gone");
        // an action still names the first missing list
        ObjectNode data = (ObjectNode) board.path("actions").get(0).path("data");
        data.putObject("list").put("id", "5f00000000000000000000ff").put("name", "Compost heap");
        Converter.Outcome o = convert(board);
        assertEquals(0, o.report().errors(), TrelloTesting.describe(o.report()));
        JsonNode columns = TrelloTesting.records(tmp.resolve("out"), "columns");
        JsonNode named = find(columns, "5f00000000000000000000ff");
        assertEquals("Compost heap", named.path("title").asText());
        assertEquals(1, named.path("type").asInt(), "made-up columns are queued for triage");
        assertEquals("Unknown list (65e18b3cabc000000000000b-gone)",
                find(columns, "65e18b3cabc000000000000b-gone").path("title").asText());
        Issue issue = o.report().issues().stream().filter(i -> i.code() == IssueCode.SOURCE_REF_UNRESOLVED)
                .findFirst().orElseThrow();
        assertEquals("/cards/1/idList", issue.location().pointer());
        JsonNode card = find(TrelloTesting.records(tmp.resolve("out"), "cards"), "65e1a720abc000000000001f");
        assertEquals("5f00000000000000000000ff", card.path("column_id").asText());
        assertFalse(card.path("archived").asBoolean(), "the card keeps its own archived state");
    }

    @Test
    void checklistAndCommentOfAMissingCardAreReportedAndCounted() throws IOException {
        ObjectNode board = sample();
        ((ObjectNode) board.path("checklists").get(0)).put("idCard", "5f00000000000000000000ee");
        ((ObjectNode) board.path("actions").get(1).path("data").path("card")).put("id", "5f00000000000000000000ee");
        Converter.Outcome o = convert(board);
        assertEquals(0, o.report().errors());
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_REF_UNRESOLVED
                && i.location().pointer().equals("/checklists/0/idCard")), TrelloTesting.describe(o.report()));
        assertEquals(1, o.report().losses().count(TrelloChecklists.LOST_ITEMS));
        assertEquals(1, o.report().losses().count("trello checklist"));
        assertEquals(1, o.report().losses().count("trello action.commentCard"));
        assertEquals(TrelloCounts.source(tmp.resolve("board.json")),
                TrelloCounts.carriedPlusLost(tmp.resolve("out"), o.report().losses()));
    }

    private ObjectNode sample() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(TrelloTesting.SAMPLE.toFile());
    }

    private Converter.Outcome convert(JsonNode board) throws IOException {
        Path in = tmp.resolve("board.json");
        Json.MAPPER.writeValue(in.toFile(), board);
        return TrelloTesting.convert(in, TrelloTesting.options(null, null, null, null, null), tmp.resolve("out"));
    }

    static JsonNode find(JsonNode records, String id) {
        for (JsonNode r : records) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no record " + id);
    }
}
