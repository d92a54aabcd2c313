package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cell types, workbook settings and sheet shapes, each in a small workbook made for the test. */
class XlsxReadingTest {

    private static void save(org.apache.poi.ss.usermodel.Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    private static List<String> ids(PackageRun run) throws IOException {
        return run.records("cards").stream().map(c -> c.get("title").asText()).toList();
    }

    @Test
    void dates1904AreRead(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("mac.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("d/m/yyyy"));
            Sheet s = wb.createSheet("Tasks");
            s.createRow(0).createCell(0).setCellValue("Task");
            s.getRow(0).createCell(1).setCellValue("Due");
            s.createRow(1).createCell(0).setCellValue("Ship");
            // The serial number as a Mac workbook stores it: days since 1904-01-01.
            s.getRow(1).createCell(1).setCellValue(DateUtil.getExcelDate(LocalDate.of(2024, 2, 29), true));
            s.getRow(1).getCell(1).setCellStyle(date);
            save(wb, file);
        }
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            assertEquals("2024-02-29", run.records("cards").get(0).at("/due_date/value").asText());
        }
    }

    @Test
    void longNumericIdsKeepAllTheirDigits(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("ids.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Tasks");
            s.createRow(0).createCell(0).setCellValue("ID");
            s.getRow(0).createCell(1).setCellValue("Task");
            s.getRow(0).createCell(2).setCellValue("Parent");
            double[] ids = {1207864633562249d, 1207864633562250d, 1207864633562251d};
            for (int i = 0; i < ids.length; i++) {
                s.createRow(i + 1).createCell(0).setCellValue(ids[i]);
                s.getRow(i + 1).createCell(1).setCellValue("T" + i);
            }
            s.getRow(3).createCell(2).setCellValue(ids[1]);
            save(wb, file);
        }
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            List<com.fasterxml.jackson.databind.JsonNode> cards = run.records("cards");
            assertEquals("1207864633562249", cards.get(0).get("id").asText());
            assertEquals("1207864633562251", cards.get(2).get("id").asText());
            assertEquals("1207864633562250", cards.get(2).at("/parent_card_ids/0").asText());
        }
    }

    @Test
    void streamedWorkbookWithInlineStringsTypesAndErrors(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("stream.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("hh:mm"));
            Sheet s = wb.createSheet("Export");
            Row h = s.createRow(0);
            String[] head = {"ID", "Title", "Points", "Done", "Start time", "Ratio"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(7);
            r.createCell(1).setCellValue("Inline\nstring");
            r.createCell(2).setCellValue(13);
            r.createCell(3).setCellValue(true);
            r.createCell(4).setCellValue(0.5);
            r.getCell(4).setCellStyle(time);
            r.createCell(5).setCellFormula("1/0");
            save(wb, file);
            wb.dispose();
        }
        // SXSSF caches 0 for the formula; give it the #DIV/0! result Excel would have saved.
        MalformedXlsxTest.rewrite(file, file, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<c r=\"F2\" t=\"n\"><f>1/0</f><v>0.0</v>",
                        "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v>"));
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            JsonNode card = run.records("cards").get(0);
            assertEquals("7", card.get("id").asText(), "a whole number reads as Excel shows it");
            assertEquals("Inline string", card.get("title").asText());
            assertEquals("13", card.get("size_text").asText());
            assertEquals(1, run.lost("column 'Start time'"), "a bare time is kept as text, reported unmapped");
            assertEquals(1, run.lost("column 'Done'"));
            assertEquals(1, run.lost(" formula errors"));
            assertTrue(run.messages().stream().anyMatch(m -> m.contains("formula error F2 #DIV/0!")),
                    run.messages().toString());
        }
    }

    @Test
    void tableBelowATitleAndRightOfAMarginWithAValueMergedDown(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("offset.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Board");
            s.createRow(0).createCell(1).setCellValue("Sprint 12");
            String[] head = {"Phase", "Task", "Status"};
            Row h = s.createRow(2);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i + 2).setCellValue(head[i]);
            }
            String[][] rows = {{"Design", "Sketch", "Done"}, {null, "Review", "Doing"}, {null, "Approve", "To do"},
                {"Build", "Code", "Doing"}};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(3 + i);
                for (int c = 0; c < 3; c++) {
                    if (rows[i][c] != null) {
                        r.createCell(c + 2).setCellValue(rows[i][c]);
                    }
                }
            }
            s.addMergedRegion(new CellRangeAddress(3, 5, 2, 2));
            save(wb, file);
        }
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            List<JsonNode> cards = run.records("cards");
            assertEquals(List.of("Sketch", "Review", "Approve", "Code"), ids(run));
            assertEquals(List.of("Design", "Design", "Design", "Build"),
                    cards.stream().map(c -> c.at("/tags/0/name").asText()).toList(), "Phase merged down C4:C6");
            assertTrue(run.messages().stream().anyMatch(m -> m.contains("table starts in column C")));
            assertTrue(run.messages().stream().anyMatch(m -> m.contains("header on row 3")));
        }
    }

    @Test
    void sectionRowsCanBecomeColumnsOrBeSkipped(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("phases.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Plan");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("Task");
            h.createCell(1).setCellValue("Owner");
            h.createCell(2).setCellValue("Due");
            String[] rows = {"#Phase 1", "Plan", "Budget", "#Phase 2", "Build"};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(rows[i].replace("#", ""));
                if (rows[i].startsWith("#")) {
                    s.addMergedRegion(new CellRangeAddress(i + 1, i + 1, 0, 2));
                }
            }
            save(wb, file);
        }
        Path columns = tmp.resolve("columns.yaml");
        Files.writeString(columns, "fields: {title: [task]}\nsections: column\n");
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("c"), XlsxRun.withMapping(columns))) {
            assertEquals(List.of("Phase 1", "Phase 2"),
                    run.records("columns").stream().map(c -> c.get("title").asText()).toList());
            assertEquals(List.of("Plan", "Budget", "Build"), ids(run));
            assertTrue(run.records("cards").get(0).get("tags") == null);
        }
        Path skip = tmp.resolve("skip.yaml");
        Files.writeString(skip, "fields: {title: [task]}\nsections: skip\n");
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("s"), XlsxRun.withMapping(skip))) {
            assertEquals(List.of("To do"), run.records("columns").stream().map(c -> c.get("title").asText()).toList());
            assertEquals(2, run.lost(" section heading rows"), "each skipped heading is counted");
        }
        Path board = tmp.resolve("board.yaml");
        Files.writeString(board, "fields: {title: [task]}\nsections: board\n");
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("b"), XlsxRun.withMapping(board))) {
            assertEquals(List.of("Phase 1", "Phase 2"),
                    run.records("boards").stream().map(c -> c.get("title").asText()).toList());
        }
    }

    @Test
    void cellNotesAreCountedAsLost(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("notes.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Tasks");
            s.createRow(0).createCell(0).setCellValue("Task");
            s.createRow(1).createCell(0).setCellValue("Paint the fence");
            var drawing = s.createDrawingPatriarch();
            var note = drawing.createCellComment(wb.getCreationHelper().createClientAnchor());
            note.setString(wb.getCreationHelper().createRichTextString("ask Tom first"));
            s.getRow(1).getCell(0).setCellComment(note);
            save(wb, file);
        }
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            assertEquals(List.of("Paint the fence"), ids(run));
            assertEquals(1, run.lost(" cell notes"));
        }
    }

    @Test
    void hiddenRowsAndSheetsOnRequest(@TempDir Path tmp) throws IOException {
        Path sample = SampleWorkbookGoldenTest.SAMPLE;
        try (PackageRun run = XlsxRun.convert(sample, tmp.resolve("h"), XlsxRun.withHidden())) {
            assertTrue(ids(run).contains("Old idea: solar panels"));
            assertEquals(0, run.lost(" hidden rows"));
        }
        try (PackageRun run = XlsxRun.convert(sample, tmp.resolve("a"), XlsxRun.withSheet("archive"))) {
            assertEquals(List.of("Old task"), ids(run), "--sheet reads a hidden sheet by name, any case");
        }
        try (PackageRun run = XlsxRun.convert(sample, tmp.resolve("i"), XlsxRun.withSheet("3"))) {
            assertEquals(List.of("Old task"), ids(run), "--sheet by 1-based index");
            assertEquals(1, run.lost("[Lookups]"));
            assertEquals(1, run.lost("[Plan]"), "the other sheets are reported as not read");
        }
    }
}
