package io.kaitenimport.source.trello;

import io.kaitenimport.source.PackageRun;
import static io.kaitenimport.source.trello.TrelloBadInputTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.IssueCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid but unusual exports, built by editing the sample board: each converts and is reported as documented. */
class TrelloEdgeCasesTest {
    private static final String PLANTING = "65e18b3cabc000000000000b";
    private static final String WATERING = "65e18b78abc000000000000c";
    private static final String HARVESTED = "65e18bb4abc000000000000d";
    private static final String SECOND_SEEDLINGS = "65e1aa40abc0000000000054";
    private static final String SUNLIGHT = "65e18b14abc000000000002c";

    @TempDir
    Path tmp;

    @Test
    void archivedLastListDoesNotTakeTheDoneSlot() throws IOException {
        ObjectNode board = sample();
        for (JsonNode l : board.path("lists")) {
            if (l.path("id").asText().equals(HARVESTED)) {
                ((ObjectNode) l).put("closed", true);
            }
        }
        Converter.Outcome o = convert(board);
        assertEquals(0, o.report().errors(), PackageRun.describe(o.report()));
        JsonNode columns = PackageRun.records(out(), "columns");
        assertEquals(1, find(columns, "65e18b00abc000000000000a").path("type").asInt(), "Backlog");
        assertEquals(2, find(columns, PLANTING).path("type").asInt());
        assertEquals(3, find(columns, WATERING).path("type").asInt(), "the last OPEN list is done");
        assertEquals(2, find(columns, HARVESTED).path("type").asInt(), "archived, no name rule: in progress");
    }

    @Test
    void listFieldWithoutOptionsIsSkippedWithItsValuesCounted() throws IOException {
        ObjectNode board = sample();
        for (JsonNode f : board.path("customFields")) {
            if (f.path("id").asText().equals(SUNLIGHT)) {
                ((ObjectNode) f).putArray("options");
            }
        }
        Converter.Outcome o = convert(board);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        assertEquals(List.of(), PackageRun.validationErrors(out()), "schema and reference problems");
        for (JsonNode f : PackageRun.records(out(), "custom_fields")) {
            assertNotEquals(SUNLIGHT, f.path("id").asText());
        }
        for (JsonNode c : PackageRun.records(out(), "cards")) {
            c.path("properties").forEach(p -> assertNotEquals(SUNLIGHT, p.path("id").asText(), c.toString()));
        }
        assertEquals(1, o.report().losses().count("trello customFields"), report);
        assertTrue(report.contains("list without options"), report);
        assertTrue(o.report().issues().stream().noneMatch(i -> i.code() == IssueCode.SOURCE_REF_UNRESOLVED), report);
        assertEquals(TrelloCounts.source(tmp.resolve("board.json")),
                TrelloCounts.carriedPlusLost(out(), o.report().losses()), report);
        assertTrue(report.contains("value of a list custom field without options"), report);
    }

    @Test
    void actionWithoutTypeIsCountedAsUnknownNotACrash() throws IOException {
        ObjectNode board = sample();
        ((ObjectNode) board.path("actions").get(0)).remove("type");
        ((ArrayNode) board.path("actions")).add("not an action");
        Converter.Outcome o = convert(board);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        assertEquals(2, o.report().losses().count("trello action"), report);
        LossLedger.Entry e = o.report().losses().entries().stream()
                .filter(x -> x.sourceField().equals("trello action")).findFirst().orElseThrow();
        assertEquals("/actions/0", e.firstAt().pointer(), report);
        assertTrue(report.contains("action without a type (unknown action)"), report);
        assertTrue(report.contains("not an action object"), report);
        // the untyped action was a comment: it is no longer one, and the card's badge count says one is missing
        assertEquals(1, PackageRun.records(out(), "comments").size());
        assertEquals(TrelloCounts.source(tmp.resolve("board.json")),
                TrelloCounts.carriedPlusLost(out(), o.report().losses()), report);
    }

    @Test
    void valuesOfTheWrongShapeAreReportedAndCountedNotDroppedSilently() throws IOException {
        ObjectNode board = sample();
        ObjectNode card = (ObjectNode) board.path("cards").get(0);
        card.putObject("desc").put("text", "a description in an object");
        card.putArray("due").add("2024-04-15T16:00:00.000Z");
        card.putObject("idMembers").put("0", "65e18a00abc0000000000002");
        card.put("stickers", "star");
        card.putArray("idLabels").add(7).addObject();
        Converter.Outcome o = convert(board);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        assertEquals(1, o.report().losses().count("trello card.desc"), report);
        assertEquals(1, o.report().losses().count("trello card.due"), report);
        assertTrue(report.contains("1 × trello card.idMembers — not an array (object)"), report);
        assertEquals(1, o.report().losses().count("trello card.stickers"), report);
        // 7 is read as the id "7" (not in the export); the object is no id at all
        assertEquals(2, o.report().losses().count("trello card.idLabels"), report);
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_STRUCTURE
                && i.location().pointer().equals("/cards/0/idMembers")), report);
    }

    @Test
    void startAfterDueKeepsTheDueDateAndDropsThePlannedPair() throws IOException {
        ObjectNode board = sample();
        ObjectNode card = (ObjectNode) board.path("cards").get(0);
        card.put("start", "2024-05-10T10:00:00.000Z").put("due", "2024-05-01T10:00:00.000Z");
        Converter.Outcome o = convert(board);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        JsonNode out = find(PackageRun.records(out(), "cards"), card.path("id").asText());
        assertEquals("2024-05-01T10:00:00.000Z", out.path("due_date").path("value").asText(), out.toString());
        assertTrue(out.path("planned_start").isMissingNode(), out.toString());
        assertTrue(out.path("planned_end").isMissingNode(), out.toString());
        assertEquals(1, o.report().losses().count("trello card.start"), report);
        assertTrue(o.report().issues().stream().anyMatch(i -> i.code() == IssueCode.SOURCE_VALUE_INVALID
                && i.location().pointer().equals("/cards/0/start")), report);
    }

    @Test
    void commentsAreWrittenOldestFirstWhateverTheArrayOrder() throws IOException {
        ObjectNode board = sample();
        ArrayNode actions = (ArrayNode) board.path("actions");
        // a comment at the same time as 65e1c598…64 with a smaller id: the id breaks the tie
        ObjectNode twin = actions.get(1).deepCopy();
        twin.put("id", "65e1c500abc0000000000070");
        ((ObjectNode) twin.path("data")).put("text", "Same minute, smaller id.");
        actions.add(twin);
        ArrayNode reversed = board.putArray("actions");
        for (int i = actions.size() - 1; i >= 0; i--) {
            reversed.add(actions.get(i)); // oldest first now, as a hand-made export might be
        }
        Converter.Outcome o = convert(board);
        assertEquals(0, o.report().errors(), PackageRun.describe(o.report()));
        List<String> ids = new ArrayList<>();
        PackageRun.records(out(), "comments").forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(List.of("65e1c500abc0000000000070", "65e1c598abc0000000000064", "65e1c7f0abc0000000000065",
                "65e1c7f0abc0000000000065-part2"), ids);
    }

    @Test
    void aBareFileNameSharedByTwoAttachmentsIsNotGuessed() throws IOException {
        ObjectNode board = sample();
        ObjectNode twin = board.path("cards").get(0).path("attachments").get(2).deepCopy(); // seedlings.jpg
        twin.put("id", SECOND_SEEDLINGS).put("bytes", 999).put("url", "https://trello.com/1/cards/"
                + "65e1b530abc0000000000020/attachments/" + SECOND_SEEDLINGS + "/download/seedlings.jpg");
        ObjectNode radishes = (ObjectNode) board.path("cards").get(2);
        radishes.putArray("attachments").add(twin);
        Path dir = Files.createDirectories(tmp.resolve("attachments"));
        Files.writeString(dir.resolve("seedlings.jpg"), "which one?");
        Files.writeString(dir.resolve("bed-layout.txt"), "unique name: found without an id folder");

        Converter.Outcome o = convert(board, dir);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        JsonNode files = PackageRun.records(out(), "files");
        assertEquals(List.of("65e1aa40abc0000000000051"), ids(files), "only the uniquely named file is packaged");
        assertEquals(2, o.report().issues().stream().filter(i -> i.code() == IssueCode.SOURCE_ATTACHMENT
                && i.message().contains("several attachments are named 'seedlings.jpg'")).count(), report);
        assertEquals(2, o.report().losses().count(TrelloAttachments.NOT_PACKAGED), report);
        assertEquals(TrelloCounts.source(tmp.resolve("board.json")),
                TrelloCounts.carriedPlusLost(out(), o.report().losses()), report);

        // in its id folder the second one is found; the first still only has the ambiguous bare name
        Files.createDirectories(dir.resolve(SECOND_SEEDLINGS));
        Files.writeString(dir.resolve(SECOND_SEEDLINGS).resolve("seedlings.jpg"), "12345");
        o = convert(board, dir);
        files = PackageRun.records(out(), "files");
        assertEquals(List.of("65e1aa40abc0000000000051", SECOND_SEEDLINGS), ids(files));
        JsonNode packaged = find(files, SECOND_SEEDLINGS);
        assertEquals(5, packaged.path("size").asLong(), "size of the packaged file, not the export's 'bytes'");
        assertEquals("12345", Files.readString(out().resolve(packaged.path("path").asText())));
        assertEquals(1, o.report().losses().count(TrelloAttachments.NOT_PACKAGED));
    }

    private static List<String> ids(JsonNode records) {
        List<String> ids = new ArrayList<>();
        records.forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    void lengthsInMessagesCountCharactersNotUtf16Units() throws IOException {
        ObjectNode board = sample();
        ((ObjectNode) board.path("cards").get(0)).put("name", "🌱".repeat(1100)); // 2 UTF-16 units each
        ((ObjectNode) board.path("lists").get(0)).put("name", "Бэклог 🌱".repeat(25)); // 200 characters
        Converter.Outcome o = convert(board);
        String report = PackageRun.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        assertTrue(report.contains("title has 1100 characters (max 1024)"), report);
        assertTrue(report.contains("trello list.name has 200 characters (max 128)"), report);
    }

    static ObjectNode sample() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(TrelloTesting.SAMPLE.toFile());
    }

    private Path out() {
        return tmp.resolve("out");
    }

    private Converter.Outcome convert(JsonNode board) throws IOException {
        return convert(board, null);
    }

    private Converter.Outcome convert(JsonNode board, Path attachments) throws IOException {
        Path in = tmp.resolve("board.json");
        Json.MAPPER.writeValue(in.toFile(), board);
        return TrelloTesting.convert(in, TrelloTesting.options(null, null, null, attachments, null), out());
    }
}
