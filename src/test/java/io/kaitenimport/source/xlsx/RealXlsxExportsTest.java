package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared real Excel exports (never copied into the project) convert with the default mapping and no options,
 * into packages without validation errors. Skipped where the shared folder is absent.
 */
class RealXlsxExportsTest {
    static final Path DIR = Path.of("../shared/real-exports/xlsx");

    private static Path file(String name) {
        assumeTrue(Files.isDirectory(DIR), "real exports not present: " + DIR.toAbsolutePath());
        Path f = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(f), "real export not present: " + f);
        return f;
    }

    @Test
    void youtrackExport(@TempDir Path tmp) throws IOException {
        try (PackageRun run = XlsxRun.convert(file("cerega2014__youtrack-export-ru__Zadachi.xlsx"), tmp)) {
            assertEquals(List.of(), run.errorMessages());
            List<JsonNode> cards = run.records("cards");
            assertEquals(26, cards.size());
            assertEquals("G2S-129", cards.get(0).get("id").asText());
            assertEquals("2023-12-04T12:39:49.000Z", cards.get(0).get("created").asText(), "typed date-time cell");
            assertEquals("Bug", cards.get(0).get("type_name").asText());
            assertEquals(1, run.records("custom_fields").size(), "Priority select");
            assertEquals(26, run.lost("column 'Environment'"));
        }
    }

    @Test
    void asanaSeedWorkbook(@TempDir Path tmp) throws IOException {
        try (PackageRun run = XlsxRun.convert(file("fcvebf__asanaops__tasks.xlsx"), tmp)) {
            assertEquals(List.of(), run.errorMessages());
            List<JsonNode> cards = run.records("cards");
            assertEquals(34, cards.size());
            assertEquals("Phase 1: Initiation & Planning", cards.get(0).at("/tags/0/name").asText(),
                    "Section column → tag");
            assertEquals("Phase 5: Deployment", cards.get(33).at("/tags/0/name").asText());
            assertEquals(1, run.lost("[Enums]"), "second sheet reported as not read");
        }
    }

    @Test
    void devTaskListWithBulletsAndMergedSections(@TempDir Path tmp) throws IOException {
        try (PackageRun run = XlsxRun.convert(file("it6203__dev_tasklist__Tasks.xlsx"), tmp)) {
            assertEquals(List.of(), run.errorMessages());
            List<JsonNode> cards = run.records("cards");
            assertEquals(6, cards.size());
            assertEquals("Main/Home Page", cards.get(0).get("title").asText());
            assertEquals(5, cards.get(0).at("/checklists/0/items").size(), "bullet lines → checklist items");
            JsonNode db = cards.get(5);
            assertEquals("Database", db.get("title").asText());
            assertEquals("Database", db.at("/tags/0/name").asText(), "merged section row A7:D7 → tag");
            assertTrue(db.at("/checklists/0/items/0/text").asText().startsWith("Data Model"));
            assertEquals(2, run.lost(" section heading rows"), "headings A9:D9 and A10:D10 have no tasks");
        }
    }

    @Test
    void ganttTaskListWithDateCells(@TempDir Path tmp) throws IOException {
        try (PackageRun run = XlsxRun.convert(file("sven-bo__gantt-tutorial__Tasks.xlsx"), tmp)) {
            assertEquals(List.of(), run.errorMessages());
            List<JsonNode> cards = run.records("cards");
            assertEquals(4, cards.size());
            assertEquals("2020-07-19", cards.get(0).at("/planned_start/value").asText());
            assertEquals("2020-07-31", cards.get(0).at("/planned_end/value").asText());
            assertEquals(4, run.lost("column 'Complete in %'"));
        }
    }
}
