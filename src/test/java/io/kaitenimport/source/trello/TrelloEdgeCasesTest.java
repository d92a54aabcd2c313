package io.kaitenimport.source.trello;

import static io.kaitenimport.source.trello.TrelloBadInputTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.pipeline.Converter;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid but unusual exports, built by editing the sample board: each converts and is reported as documented. */
class TrelloEdgeCasesTest {
    private static final String PLANTING = "65e18b3cabc000000000000b";
    private static final String WATERING = "65e18b78abc000000000000c";
    private static final String HARVESTED = "65e18bb4abc000000000000d";

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
        assertEquals(0, o.report().errors(), TrelloTesting.describe(o.report()));
        JsonNode columns = TrelloTesting.records(out(), "columns");
        assertEquals(1, find(columns, "65e18b00abc000000000000a").path("type").asInt(), "Backlog");
        assertEquals(2, find(columns, PLANTING).path("type").asInt());
        assertEquals(3, find(columns, WATERING).path("type").asInt(), "the last OPEN list is done");
        assertEquals(2, find(columns, HARVESTED).path("type").asInt(), "archived, no name rule: in progress");
    }

    static ObjectNode sample() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(TrelloTesting.SAMPLE.toFile());
    }

    private Path out() {
        return tmp.resolve("out");
    }

    private Converter.Outcome convert(JsonNode board) throws IOException {
        Path in = tmp.resolve("board.json");
        Json.MAPPER.writeValue(in.toFile(), board);
        return TrelloTesting.convert(in, TrelloTesting.options(null, null, null, null, null), out());
    }
}
