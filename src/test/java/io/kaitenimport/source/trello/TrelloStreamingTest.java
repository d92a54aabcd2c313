package io.kaitenimport.source.trello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.PackageRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the streaming reader meets that a whole-tree parse did not: the big arrays in any order, elements read back
 * by byte offset (BOM, multi-byte text, stray scalars), malformed JSON deep inside an array that is only indexed,
 * repeated keys, and cards, ids and actions that do not fit together.
 */
class TrelloStreamingTest {
    @TempDir
    Path tmp;

    @Test
    void orderOfTheTopLevelArraysDoesNotChangeThePackage() throws IOException {
        ObjectNode board = sample();
        Path last = convert(board, "last");
        ObjectNode first = Json.MAPPER.createObjectNode();
        for (String k : new String[] {"actions", "checklists", "cards"}) {
            first.set(k, board.get(k));
        }
        board.fields().forEachRemaining(e -> first.putIfAbsent(e.getKey(), e.getValue()));
        assertSamePackage(last, convert(first, "first"));
    }

    @Test
    void byteOrderMarkAndMultiByteTextAreReadBackAtTheRightOffsets() throws IOException {
        ObjectNode board = sample();
        ((ObjectNode) board.path("cards").get(0)).put("desc", "Å 中文 日本語 — 🌱 \"quoted\"\nline");
        Path plain = convert(board, "plain");
        Path in = tmp.resolve("bom.json");
        byte[] json = Json.MAPPER.writeValueAsBytes(board);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(in, withBom);
        Path out = tmp.resolve("bom");
        TrelloTesting.convert(in, TrelloTesting.options(null, null, null, null, null), out);
        assertSamePackage(plain, out);
        assertTrue(PackageRun.records(out, "cards").toString().contains("中文 日本語 — 🌱"));
    }

    @Test
    void fileCutInsideTheActionsArrayNamesLineColumnAndPointer() throws IOException {
        String json = actionsFirst();
        int cut = json.indexOf("\"type\"", json.indexOf("\"actions\"") + 2000);
        SourceException e = fails(json.substring(0, cut + 3));
        assertTrue(e.location().pointer().matches("/actions/\\d+/.+"), e.describe());
        assertTrue(e.location().line() > 1 && e.location().column() != null, e.describe());
        assertTrue(e.getMessage().startsWith("the JSON ends in the middle of a value"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")), "no package is left behind");
    }

    @Test
    void fileCutInsideTheCardsArrayNamesThePointer() throws IOException {
        String json = Json.MAPPER.writeValueAsString(sample());
        int cut = json.indexOf("\"customFieldItems\"", json.indexOf("\"cards\""));
        SourceException e = fails(json.substring(0, cut + 25));
        assertTrue(e.location().pointer().startsWith("/cards/0/customFieldItems"), e.describe());
        assertTrue(e.getMessage().startsWith("the JSON ends in the middle of a value"), e.getMessage());
    }

    @Test
    void malformedJsonInsideAnIndexedCardIsStillFatalAndLocated() throws IOException {
        String json = Json.MAPPER.writeValueAsString(sample());
        int at = json.indexOf("\"desc\"", json.indexOf("\"cards\""));
        SourceException e = fails(json.substring(0, at) + "\"desc\" \"no colon\"" + json.substring(at + 6));
        assertTrue(e.location().pointer().startsWith("/cards/0"), e.describe());
        assertEquals(1L, e.location().line(), e.describe());
    }

    @Test
    void bigArraysOfTheWrongShapeAreRejectedAsBefore() throws IOException {
        assertTrue(fails("{\"lists\": [], \"cards\": {\"id\": \"x\"}}").getMessage()
                .contains("'cards' should be an array but is object"));
        assertTrue(fails("{\"lists\": [], \"cards\": [], \"actions\": 5}").getMessage()
                .contains("'actions' should be an array but is number"));
    }

    @Test
    void aRepeatedTopLevelKeyKeepsTheLastValueLikeAParsedTree() throws IOException {
        String json = "{\"id\":\"b1\",\"name\":\"Dup\",\"lists\":[{\"id\":\"l1\",\"name\":\"A\"}],"
                + "\"cards\":[{\"id\":\"old\",\"idList\":\"l1\",\"name\":\"first\"}],"
                + "\"cards\":[{\"id\":\"new\",\"idList\":\"l1\",\"name\":\"second\"}],"
                + "\"actions\":[{\"id\":\"a1\",\"type\":\"commentCard\",\"date\":\"2020-01-01T00:00:00.000Z\","
                + "\"data\":{\"card\":{\"id\":\"new\"},\"text\":\"kept\"}}],\"actions\":null}";
        Converter.Outcome o = convert(json);
        ArrayNode cards = PackageRun.records(tmp.resolve("out"), "cards");
        assertEquals(1, cards.size());
        assertEquals("second", cards.get(0).path("title").asText());
        assertTrue(PackageRun.records(tmp.resolve("out"), "comments").isEmpty(), "actions: null came last");
        assertEquals(0, o.report().errors());
    }

    @Test
    void cardsWithoutIdRepeatedIdsStrayScalarsAndUnknownCardsAreReportedAndCounted() throws IOException {
        String json = "{\"id\":\"b1\",\"name\":\"Odd\",\"lists\":[{\"id\":\"l1\",\"name\":\"A\"}],"
                + "\"actions\":[{\"id\":\"a1\",\"type\":\"commentCard\",\"date\":\"2020-01-02T00:00:00.000Z\","
                + "\"data\":{\"card\":{\"id\":\"c1\"},\"text\":\"on c1\"}},"
                + "{\"id\":\"a2\",\"type\":\"commentCard\",\"data\":{\"card\":{\"id\":\"ghost\"},\"text\":\"orphan\"}},"
                + "7, \"junk\", null,"
                + "{\"id\":\"a3\",\"type\":\"createCard\",\"date\":\"2020-01-01T00:00:00.000Z\","
                + "\"data\":{\"card\":{\"id\":\"c1\"}}}],"
                + "\"cards\":[{\"id\":\"c1\",\"idList\":\"l1\",\"name\":\"one\"},"
                + "{\"id\":\"c1\",\"idList\":\"l1\",\"name\":\"again\"}, {\"idList\":\"l1\",\"name\":\"no id\"}, 42, [],"
                + "{\"id\":\"c2\",\"idList\":\"l1\",\"name\":\"two\"}],"
                + "\"checklists\":[\"x\",{\"id\":\"k1\",\"idCard\":\"ghost\",\"name\":\"lost\","
                + "\"checkItems\":[{\"id\":\"i1\",\"name\":\"a\"},{\"id\":\"i2\",\"name\":\"b\"}]},"
                + "{\"id\":\"k2\",\"idCard\":\"c2\",\"name\":\"kept\",\"checkItems\":[{\"id\":\"i3\",\"name\":\"c\"}]}]}";
        Converter.Outcome o = convert(json);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        ArrayNode cards = PackageRun.records(tmp.resolve("out"), "cards");
        assertEquals(List.of("c1", "c2"), cards.findValuesAsText("id").stream().filter(s -> s.startsWith("c"))
                .distinct().toList());
        assertEquals("2020-01-01T00:00:00.000Z", TrelloBadInputTest.find(cards, "c1").path("created").asText());
        assertEquals("c", TrelloBadInputTest.find(cards, "c2").path("checklists").get(0).path("items").get(0)
                .path("text").asText());
        assertEquals(1, PackageRun.records(tmp.resolve("out"), "comments").size());
        var losses = o.report().losses();
        assertEquals(4, losses.count("trello card"), "a repeat, a card without id and two non-objects: " + report);
        assertEquals(3, losses.count("trello action"), "7, \"junk\" and null are not actions: " + report);
        assertEquals(1, losses.count("trello action.commentCard"), report);
        assertEquals(2, losses.count("trello checklist"), "the orphan and the stray string: " + report);
        assertEquals(2, losses.count(TrelloChecklists.LOST_ITEMS), report);
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_STRUCTURE
                && "/cards/1".equals(i.location().pointer())), report);
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_REF_UNRESOLVED
                && "/checklists/1/idCard".equals(i.location().pointer())), report);
    }

    private String actionsFirst() throws IOException {
        ObjectNode board = sample();
        ObjectNode first = Json.MAPPER.createObjectNode();
        first.set("actions", board.get("actions"));
        board.fields().forEachRemaining(e -> first.putIfAbsent(e.getKey(), e.getValue()));
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(first);
    }

    private SourceException fails(String content) throws IOException {
        Path in = tmp.resolve("board.json");
        Files.writeString(in, content, StandardCharsets.UTF_8);
        return assertThrows(SourceException.class, () -> TrelloTesting.convert(in,
                TrelloTesting.options(null, null, null, null, null), tmp.resolve("out")));
    }

    private Converter.Outcome convert(String json) throws IOException {
        Path in = tmp.resolve("board.json");
        Files.writeString(in, json, StandardCharsets.UTF_8);
        return TrelloTesting.convert(in, TrelloTesting.options(null, null, null, null, null), tmp.resolve("out"));
    }

    private Path convert(JsonNode board, String name) throws IOException {
        Path in = tmp.resolve(name + ".json");
        Json.MAPPER.writeValue(in.toFile(), board);
        Path out = tmp.resolve(name);
        TrelloTesting.convert(in, TrelloTesting.options(null, null, null, null, null), out);
        return out;
    }

    private static ObjectNode sample() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(TrelloTesting.SAMPLE.toFile());
    }

    private static void assertSamePackage(Path a, Path b) throws IOException {
        assertFalse(io.kaitenimport.emit.FileTrees.relativeFiles(a).isEmpty());
        io.kaitenimport.GoldenFiles.assertSameBytes(a, b);
    }
}
