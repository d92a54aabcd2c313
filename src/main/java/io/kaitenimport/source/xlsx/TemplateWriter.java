package io.kaitenimport.source.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the import template: a README sheet explaining every sheet and column, then one sheet per
 * {@link Layout} sheet with its header row and drop-downs for the columns with fixed choices. A small file, so
 * POI's usermodel is fine here (reading never uses it).
 */
public final class TemplateWriter {
    /** Rows that get drop-downs; far more than a hand-prepared import needs. */
    static final int VALIDATED_ROWS = 5000;

    private TemplateWriter() {
    }

    /** Writes the template to {@code target} (through a temporary file, so a failure leaves nothing half-written). */
    public static void write(Path target) throws IOException {
        io.kaitenimport.emit.OutputFiles.write(target, out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                CellStyle bold = headerStyle(wb);
                CellStyle wrap = wb.createCellStyle();
                wrap.setWrapText(true);
                readme(wb, bold, wrap);
                for (Layout.Sheet spec : Layout.SHEETS) {
                    sheet(wb, spec, bold);
                }
                wb.setActiveSheet(1);
                wb.write(out);
            }
        });
    }

    private static CellStyle headerStyle(XSSFWorkbook wb) {
        Font f = wb.createFont();
        f.setBold(true);
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static void readme(XSSFWorkbook wb, CellStyle bold, CellStyle wrap) {
        Sheet s = wb.createSheet(Layout.README);
        String[] intro = {
            "kaiten-import workbook template",
            "Fill in the sheets, then run: kaiten-import convert this-file.xlsx -o package.zip",
            "Cards is required; the other sheets are optional (delete or leave empty the ones you do not need).",
            "Sheets refer to each other by text: Checklists and Comments name a card by its id from Cards;"
                    + " Cards and Comments name people by their source (or email) from Users.",
            "Header names must stay as they are (case does not matter). Rows that are hidden are skipped unless"
                    + " --include-hidden is given. This README sheet is not read.",
            "",
        };
        int r = 0;
        for (String line : intro) {
            s.createRow(r++).createCell(0).setCellValue(line);
        }
        s.getRow(0).getCell(0).setCellStyle(bold);
        Row h = s.createRow(r++);
        String[] heads = {"sheet", "column", "required", "meaning"};
        for (int i = 0; i < heads.length; i++) {
            h.createCell(i).setCellValue(heads[i]);
            h.getCell(i).setCellStyle(bold);
        }
        for (Layout.Sheet spec : Layout.SHEETS) {
            Row purpose = s.createRow(r++);
            purpose.createCell(0).setCellValue(spec.name());
            purpose.createCell(3).setCellValue(spec.purpose());
            purpose.getCell(3).setCellStyle(wrap);
            for (Layout.Col c : spec.columns()) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(spec.name());
                row.createCell(1).setCellValue(c.header());
                row.createCell(2).setCellValue(c.required() ? "yes" : "");
                String choices = c.choices().isEmpty() || c.choices().size() > 10 ? ""
                        : " Choices: " + String.join(", ", c.choices()) + ".";
                row.createCell(3).setCellValue(c.meaning() + choices);
                row.getCell(3).setCellStyle(wrap);
            }
        }
        s.setColumnWidth(0, 16 * 256);
        s.setColumnWidth(1, 16 * 256);
        s.setColumnWidth(2, 10 * 256);
        s.setColumnWidth(3, 100 * 256);
    }

    private static void sheet(XSSFWorkbook wb, Layout.Sheet spec, CellStyle bold) {
        Sheet s = wb.createSheet(spec.name());
        Row h = s.createRow(0);
        DataValidationHelper dv = s.getDataValidationHelper();
        List<Layout.Col> cols = spec.columns();
        for (int i = 0; i < cols.size(); i++) {
            Layout.Col c = cols.get(i);
            h.createCell(i).setCellValue(c.header());
            h.getCell(i).setCellStyle(bold);
            s.setColumnWidth(i, Math.max(12, Math.min(40, c.header().length() + 6)) * 256);
            if (!c.choices().isEmpty()) {
                DataValidationConstraint list = dv.createExplicitListConstraint(c.choices().toArray(String[]::new));
                DataValidation v = dv.createValidation(list, new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
                v.setSuppressDropDownArrow(true);
                v.setShowErrorBox(true);
                v.createErrorBox("kaiten-import", c.header() + ": choose one of " + String.join(", ", c.choices()));
                s.addValidationData(v);
            }
        }
        s.createFreezePane(0, 1);
    }
}
