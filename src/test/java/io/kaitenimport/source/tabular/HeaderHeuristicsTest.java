package io.kaitenimport.source.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Header matching heuristics: titles not taken from an id column; '_' as a space; unknown mapped headers. */
class HeaderHeuristicsTest {
    @TempDir
    Path tmp;

    private JsonNode report(Path csv, String... more) throws Exception {
        Path json = tmp.resolve("r.json");
        List<String> args = new ArrayList<>(List.of("convert", csv.toString(), "-o", tmp.resolve("o.zip").toString(),
                "-q", "--report-json", json.toString()));
        args.addAll(List.of(more));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
        return Json.MAPPER.readTree(json.toFile());
    }

    private List<String> titles() throws Exception {
        try (ZipFile z = new ZipFile(tmp.resolve("o.zip").toFile())) {
            JsonNode cards = Json.MAPPER.readTree(z.getInputStream(z.getEntry("cards_0.json")));
            List<String> out = new ArrayList<>();
            cards.forEach(c -> out.add(c.get("title").asText()));
            return out;
        }
    }

    @Test
    void hebrewTaskSheetTakesTitlesFromTheTaskNameNotTheIds() throws Exception {
        Path csv = Files.writeString(tmp.resolve("tasks-he.csv"), """
                מזהה,שם המשימה,אחראי,עדיפות
                101,להכין את מצגת הרבעון,דנה,גבוהה
                102,לעדכן את אתר החברה,יוסי,נמוכה
                103,לבדוק הצעות מחיר מספקים,דנה,בינונית
                """);
        JsonNode r = report(csv);
        assertEquals(List.of("להכין את מצגת הרבעון", "לעדכן את אתר החברה", "לבדוק הצעות מחיר מספקים"), titles());
        JsonNode guess = null;
        for (JsonNode i : r.get("issues")) {
            if (i.get("code").asText().equals("source.title-guessed")) {
                guess = i;
            }
        }
        assertTrue(guess != null && guess.get("severity").asText().equals("warning"), r.toString());
        assertTrue(guess.get("message").asText().contains("'שם המשימה'"), guess.toString());
        for (JsonNode loss : r.get("data_loss")) {
            assertFalse(loss.get("source_field").asText().contains("שם המשימה"), "the task name is not lost");
        }
    }

    @Test
    void underscoreIsASpaceInHeaders() throws Exception {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "id,title,due_date,Story_Points\n1,Alpha,2024-03-05,3\n");
        JsonNode r = report(csv);
        assertEquals(0, r.get("data_loss").size(), "due_date and Story_Points are mapped: " + r.get("data_loss"));
        try (ZipFile z = new ZipFile(tmp.resolve("o.zip").toFile())) {
            JsonNode card = Json.MAPPER.readTree(z.getInputStream(z.getEntry("cards_0.json"))).get(0);
            assertTrue(card.get("due_date").toString().contains("2024-03-05"), card.toString());
        }
    }

    @Test
    void mappedHeaderMissingFromTheExportIsAWarningAtItsLine() throws Exception {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "id,title,Status\n1,Alpha,Done\n");
        Path mapping = Files.writeString(tmp.resolve("m.yaml"), "fields:\n  column: [Stauts]\ncustom_fields:\n"
                + "  - {header: Sprint, type: string}\n");
        JsonNode r = report(csv, "--mapping", mapping.toString());
        List<String> unknown = new ArrayList<>();
        for (JsonNode i : r.get("issues")) {
            if (i.get("code").asText().equals("mapping.header-unknown")) {
                unknown.add(i.get("location").get("line").asInt() + ":" + i.get("message").asText());
            }
        }
        assertEquals(List.of("2:'Stauts' is not a header of " + csv + "; did you mean 'Status'?",
                "4:'Sprint' is not a header of " + csv), unknown);
    }
}
