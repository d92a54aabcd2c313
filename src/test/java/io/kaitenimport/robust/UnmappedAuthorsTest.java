package io.kaitenimport.robust;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kaiten's official cards schema requires an author on every history event. Without a users file, history by
 * people without an email is dropped and counted; with {@code --unmapped-users placeholder:EMAIL} it is kept and
 * attributed to one placeholder user.
 */
class UnmappedAuthorsTest {
    static final String BOARD = "sample-exports/trello/garden-board.json";

    @TempDir
    Path tmp;

    private static List<JsonNode> records(Path dir, String entity) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JsonNode meta = Json.MAPPER.readTree(dir.resolve("meta-data.json").toFile());
        for (JsonNode p : meta.path("entities_paths_map").path(entity)) {
            Json.MAPPER.readTree(dir.resolve(p.asText()).toFile()).forEach(out::add);
        }
        return out;
    }

    private static long historyEntries(List<JsonNode> cards) {
        return cards.stream().mapToLong(c -> c.path("history").size()).sum();
    }

    @Test
    void withoutEmailsHistoryIsDroppedAndCountedNeverEmittedWithoutAuthor() throws IOException {
        Path out = tmp.resolve("drop");
        Path json = tmp.resolve("r.json");
        Cli.Run r = Cli.run("convert", BOARD, "-o", out.toString(), "-q", "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        List<JsonNode> cards = records(out, "cards");
        for (JsonNode c : cards) {
            for (JsonNode h : c.path("history")) {
                assertTrue(h.hasNonNull("author_id"), "history without author: " + h);
            }
        }
        assertTrue(Files.readString(json).contains("card history needs an author with an email"));
    }

    @Test
    void placeholderKeepsWhatPeopleWithoutEmailAuthored() throws IOException {
        Path drop = tmp.resolve("drop");
        Path keep = tmp.resolve("keep");
        assertEquals(0, Cli.run("convert", BOARD, "-o", drop.toString(), "-q").exit());
        Cli.Run r = Cli.run("convert", BOARD, "-o", keep.toString(), "--unmapped-users",
                "placeholder:migration@example.com");
        assertEquals(0, r.exit(), r.all());
        List<JsonNode> kept = records(keep, "cards");
        assertTrue(historyEntries(kept) > historyEntries(records(drop, "cards")), "history kept");
        List<JsonNode> users = records(keep, "users");
        JsonNode placeholder = users.stream().filter(u -> u.path("email").asText().equals("migration@example.com"))
                .findFirst().orElseThrow();
        String id = placeholder.path("id").asText();
        assertTrue(kept.stream().flatMap(c -> {
            List<JsonNode> h = new ArrayList<>();
            c.path("history").forEach(h::add);
            return h.stream();
        }).anyMatch(h -> h.path("author_id").asText().equals(id)));
        assertTrue(r.out().contains("attributed to migration@example.com"), r.out());
    }

    @Test
    void placeholderNeedsAnEmail() {
        Cli.Run r = Cli.run("convert", BOARD, "-o", tmp.resolve("x").toString(), "--unmapped-users", "placeholder:bob");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'bob' is not an email"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
