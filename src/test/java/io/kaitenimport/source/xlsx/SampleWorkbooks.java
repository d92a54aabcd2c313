package io.kaitenimport.source.xlsx;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Builds the invented sample workbook {@code sample-exports/xlsx/project-plan.xlsx} (committed; rebuild with
 * {@code java ... SampleWorkbooks <path>} only when the sample must change, then refresh the golden files). It
 * has everything the Excel source supports: title and preamble rows above the header, section rows merged across
 * the table, real date and date-time cells, numbers, booleans, a formula, rich text, hyperlinks, a multi-line
 * bullet cell, a hidden row, a hidden sheet, another sheet that is not read, and styled empty rows at the end.
 */
public final class SampleWorkbooks {
    private SampleWorkbooks() {
    }

    public static void main(String[] args) throws IOException {
        projectPlan(Path.of(args[0]));
    }

    static void projectPlan(Path target) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CreationHelper help = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(help.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(help.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);

            XSSFSheet s = wb.createSheet("Plan");
            s.createRow(0).createCell(0).setCellValue("Greenhouse sensor network — project plan");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 9));
            s.createRow(1).createCell(0).setCellValue("Prepared by: the field team");
            s.createRow(2).createCell(0).setCellValue("Status as of 4 March 2024");
            String[] header = {"ID", "Task", "Status", "Assignee", "Due date", "Estimate", "Priority", "Subtasks",
                "Archived", "Notes"};
            XSSFRow h = s.createRow(4);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                h.getCell(i).setCellStyle(head);
            }
            section(s, 5, "Phase 1: Survey", header.length);
            task(s, 6, "GH-1", "Map the greenhouse rows", "Done", "mira@example.org", LocalDate.of(2024, 3, 8), date,
                    4.0, "High", null, false, "Floor plan from the facility office.");
            link(wb, s.getRow(6).getCell(1), "https://example.org/plans/greenhouse-a");
            task(s, 7, "GH-2", "Choose the sensor model", "In progress", "Ivo Petrov", LocalDateTime.of(2024, 3, 11,
                    14, 30), dateTime, 2.5, "Low", "• Compare three vendors\n• Ask for samples\n[x] Check battery life",
                    false, null);
            s.getRow(7).getCell(7).setCellStyle(wrap);
            XSSFRow r = task(s, 8, "GH-3", "Budget approval", "Backlog", null, null, null, null, "High", null,
                    true, null);
            // A formula: the estimate is the sum of two parts; the file keeps its cached result.
            r.createCell(5).setCellFormula("3+1.5");
            XSSFRichTextString rich = new XSSFRichTextString("Needs sign-off from finance");
            Font italic = wb.createFont();
            italic.setItalic(true);
            rich.applyFont(0, 9, italic);
            r.createCell(9).setCellValue(rich);
            section(s, 9, "Phase 2: Install", header.length);
            task(s, 10, "GH-4", "Mount the sensors", "To do", "mira@example.org", LocalDate.of(2024, 4, 2), date,
                    16.0, null, "1. Row A\n2. Row B\n3. Row C", false, "See the wiring guide.");
            link(wb, s.getRow(10).getCell(9), "https://example.org/docs/wiring");
            s.getRow(10).getCell(7).setCellStyle(wrap);
            XSSFRow hidden = task(s, 11, "GH-5", "Old idea: solar panels", "To do", null, null, null, null, null,
                    null, false, "Hidden because it was dropped.");
            hidden.setZeroHeight(true);
            task(s, 12, "GH-6", "Connect the gateway", "To do", "Ivo Petrov", LocalDate.of(2024, 4, 5), date, 6.0,
                    "High", null, false, null);
            section(s, 13, "Phase 3: Review", header.length);
            section(s, 14, "Phase 4: Handover", header.length);
            task(s, 15, "GH-7", "Write the handover notes", "To do", null, LocalDate.of(2024, 4, 30), date, 3.0,
                    "Low", null, false, "Multi-line note:\nfirst line\nsecond line");
            for (int i = 16; i < 20; i++) {
                s.createRow(i).createCell(0).setCellStyle(wrap);
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();

            XSSFSheet lookups = wb.createSheet("Lookups");
            lookups.createRow(0).createCell(0).setCellValue("Priority");
            lookups.createRow(1).createCell(0).setCellValue("High");
            lookups.createRow(2).createCell(0).setCellValue("Low");
            XSSFSheet archive = wb.createSheet("Archive");
            archive.createRow(0).createCell(0).setCellValue("Task");
            archive.createRow(1).createCell(0).setCellValue("Old task");
            wb.setSheetHidden(2, true);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    private static void section(XSSFSheet s, int row, String title, int width) {
        s.createRow(row).createCell(0).setCellValue(title);
        s.addMergedRegion(new CellRangeAddress(row, row, 0, width - 1));
    }

    private static void link(XSSFWorkbook wb, XSSFCell cell, String url) {
        Hyperlink l = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
        l.setAddress(url);
        cell.setHyperlink(l);
    }

    private static XSSFRow task(XSSFSheet s, int row, String id, String title, String status, String assignee,
                                Object due, CellStyle dueStyle, Double estimate, String priority, String subtasks,
                                boolean archived, String notes) {
        XSSFRow r = s.createRow(row);
        r.createCell(0).setCellValue(id);
        r.createCell(1).setCellValue(title);
        r.createCell(2).setCellValue(status);
        if (assignee != null) {
            r.createCell(3).setCellValue(assignee);
        }
        if (due instanceof LocalDate d) {
            r.createCell(4).setCellValue(d);
        } else if (due instanceof LocalDateTime dt) {
            r.createCell(4).setCellValue(dt);
        }
        if (due != null) {
            r.getCell(4).setCellStyle(dueStyle);
        }
        if (estimate != null) {
            r.createCell(5).setCellValue(estimate);
        }
        if (priority != null) {
            r.createCell(6).setCellValue(priority);
        }
        if (subtasks != null) {
            r.createCell(7).setCellValue(subtasks);
        }
        r.createCell(8).setCellValue(archived);
        if (notes != null) {
            r.createCell(9).setCellValue(notes);
        }
        return r;
    }
}
