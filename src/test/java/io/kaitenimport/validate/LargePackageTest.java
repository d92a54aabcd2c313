package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;
import io.kaitenimport.issue.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A package of realistic size validates quickly and in bounded memory (surefire runs with -Xmx1g). */
class LargePackageTest {
    private static final int CARDS = 50_000;

    @TempDir
    Path tmp;

    @Test
    void fiftyThousandCards() throws IOException {
        Path dir = tmp.resolve("big");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("meta-data.json"), """
                {"entities": ["users", "boards", "columns", "cards"],
                 "entities_paths_map": {"users": ["./users_0.json"], "boards": ["./boards_0.json"],
                   "columns": ["./columns_0.json"], "cards": ["./cards_0.json", "./cards_1.json"]}}""");
        Files.writeString(dir.resolve("users_0.json"), """
                [{"id": "u1", "email": "a@example.com"}, {"id": "u2", "email": "b@example.com"}]""");
        Files.writeString(dir.resolve("boards_0.json"), "[{\"id\": \"b1\", \"title\": \"Board\"}]");
        Files.writeString(dir.resolve("columns_0.json"), """
                [{"id": "c1", "title": "To do", "board_id": "b1"}, {"id": "c2", "title": "Done", "board_id": "b1"}]""");
        writeCards(dir.resolve("cards_0.json"), 0, CARDS / 2);
        writeCards(dir.resolve("cards_1.json"), CARDS / 2, CARDS);

        // Behaviour only: speed is measured by bench/, never asserted in a unit test (a loaded machine fails it).
        Report report = Check.validate(dir);
        Check.clean(report);
        assertEquals(CARDS, report.counts().get(Entity.CARDS));
    }

    /** Every tenth card is the parent of the next nine, declared on both sides, so the link rules have work. */
    private static void writeCards(Path file, int from, int to) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[\n");
            for (int i = from; i < to; i++) {
                if (i > from) {
                    w.write(",\n");
                }
                int parent = i - i % 10;
                w.write("{\"id\": \"k" + i + "\", \"column_id\": \"c" + (1 + i % 2) + "\", \"title\": \"Card " + i
                        + "\", \"description\": \"" + "Lorem ipsum dolor sit amet. ".repeat(8)
                        + "\", \"owner_id\": \"u" + (1 + i % 2) + "\", \"member_ids\": [\"u1\", \"u2\"]"
                        + ", \"created\": \"2024-07-22T07:01:37.954Z\"");
                if (i == parent) {
                    w.write(", \"child_card_ids\": [");
                    for (int c = parent + 1; c < parent + 10; c++) {
                        w.write((c > parent + 1 ? ", " : "") + "\"k" + c + "\"");
                    }
                    w.write("]");
                } else {
                    w.write(", \"parent_card_ids\": [\"k" + parent + "\"]");
                }
                w.write("}");
            }
            w.write("\n]\n");
        }
    }
}
