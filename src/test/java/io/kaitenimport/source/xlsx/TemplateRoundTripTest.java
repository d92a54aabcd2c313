package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template as written, filled in programmatically as a team would in Excel, converted and checked. */
class TemplateRoundTripTest {

    @Test
    void templateHasEverySheetHeadersDropDownsAndReadme(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("import-template.xlsx");
        TemplateWriter.write(file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(Layout.README, wb.getSheetName(0));
            StringBuilder readme = new StringBuilder();
            wb.getSheet(Layout.README).forEach(r -> r.forEach(c -> readme.append(c.getStringCellValue()).append('|')));
            for (Layout.Sheet spec : Layout.SHEETS) {
                Sheet s = wb.getSheet(spec.name());
                Row h = s.getRow(0);
                for (int i = 0; i < spec.columns().size(); i++) {
                    Layout.Col c = spec.columns().get(i);
                    assertEquals(c.header(), h.getCell(i).getStringCellValue());
                    assertTrue(readme.indexOf(spec.name() + "|" + c.header() + "|") >= 0, "README explains "
                            + spec.name() + "." + c.header());
                }
                long dropDowns = spec.columns().stream().filter(c -> !c.choices().isEmpty()).count();
                List<? extends DataValidation> v = ((XSSFSheet) s).getDataValidations();
                assertEquals(dropDowns, v.size(), spec.name() + " drop-downs");
            }
            List<String> choices = new ArrayList<>();
            for (DataValidation v : wb.getSheet("Columns").getDataValidations()) {
                choices.addAll(List.of(v.getValidationConstraint().getExplicitListValues()));
            }
            assertEquals(List.of("1", "2", "3"), choices);
        }
    }

    @Test
    void filledTemplateConvertsToTheExpectedPackage(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("filled.xlsx");
        TemplateWriter.write(file);
        fill(file);
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            assertEquals(0, run.errors(), run.messages().toString());

            List<JsonNode> users = run.records("users");
            assertEquals(List.of("anna", "boris", "carol"), users.stream().map(u -> u.get("id").asText()).toList());
            assertEquals("Anna Arkova", users.get(0).get("full_name").asText());
            assertEquals("carol@example.com", users.get(2).get("email").asText());

            assertEquals(List.of("Launch"), run.records("boards").stream().map(b -> b.get("title").asText()).toList());
            List<JsonNode> columns = run.records("columns");
            assertEquals(List.of("Ideas", "Doing", "Review", "Done"),
                    columns.stream().map(c -> c.get("title").asText()).toList(), "sorted by sort_order");
            assertEquals(List.of(1, 2, 2, 3), columns.stream().map(c -> c.get("type").asInt()).toList());

            List<JsonNode> fields = run.records("custom_fields");
            assertEquals(List.of("Priority", "Story points", "Reviewed"),
                    fields.stream().map(f -> f.get("name").asText()).toList());
            assertEquals("select", fields.get(0).get("type").asText());
            assertEquals(1, fields.get(0).at("/options/0/color").asInt());
            assertEquals("Low", fields.get(0).at("/options/1/value").asText());
            assertEquals(10, fields.get(0).at("/options/1/color").asInt());
            assertEquals("number", fields.get(1).get("type").asText());
            assertEquals("select", fields.get(2).get("type").asText(), "a checkbox is a one-option select (issue 14)");
            assertEquals("Yes", fields.get(2).at("/options/0/value").asText());
            assertEquals(1, fields.get(2).get("options").size());

            Map<String, JsonNode> cards = new HashMap<>();
            run.records("cards").forEach(c -> cards.put(c.get("id").asText(), c));
            assertEquals(3, cards.size());
            JsonNode c1 = cards.get("C-1");
            assertEquals("Write the landing page", c1.get("title").asText());
            assertEquals(columnId(columns, "Ideas"), c1.get("column_id").asText());
            assertEquals("anna", c1.get("owner_id").asText());
            assertEquals("boris", c1.get("responsible_id").asText());
            assertEquals(List.of("boris", "anna"), texts(c1.get("member_ids")));
            assertEquals(List.of("web", "ux"), texts(c1.get("tags"), "name"));
            assertEquals("2024-06-10", c1.at("/due_date/value").asText());
            assertEquals("2024-06-01", c1.at("/planned_start/value").asText());
            assertEquals("M", c1.get("size_text").asText());
            assertEquals(3.0, c1.get("estimate_workload").asDouble());
            assertEquals(List.of("C-2"), texts(c1.get("child_card_ids")));
            assertEquals("Launch list", c1.at("/checklists/0/name").asText());
            assertEquals(List.of("Write copy", "Proof-read"), texts(c1.at("/checklists/0/items"), "text"));
            assertTrue(c1.at("/checklists/0/items/0/checked").asBoolean());
            assertFalse(c1.at("/checklists/0/items/1/checked").asBoolean());
            Map<String, JsonNode> props = new HashMap<>();
            c1.get("properties").forEach(p -> props.put(p.get("id").asText(), p.get("value")));
            assertEquals(fields.get(0).at("/options/0/id").asText(), props.get(fields.get(0).get("id").asText())
                    .get(0).asText());
            assertEquals(5.0, props.get(fields.get(1).get("id").asText()).asDouble());
            assertEquals(fields.get(2).at("/options/0/id").asText(), props.get(fields.get(2).get("id").asText())
                    .get(0).asText(), "checked: the option 'Yes'");

            JsonNode c2 = cards.get("C-2");
            assertEquals(List.of("C-1"), texts(c2.get("parent_card_ids")));
            assertEquals(List.of("C-3"), texts(c2.get("blocks_card_ids")));
            assertEquals("Checklist", c2.at("/checklists/0/name").asText());
            JsonNode c3 = cards.get("C-3");
            assertTrue(c3.get("archived").asBoolean());
            assertEquals(List.of("C-2"), texts(c3.get("blocked_by_card_ids")));
            assertEquals("https://example.com/spec", c3.at("/links/0/url").asText());
            assertEquals(columnId(columns, "Done"), c3.get("column_id").asText());

            List<JsonNode> comments = run.records("comments");
            assertEquals(2, comments.size());
            assertEquals("C-1", comments.get(0).get("card_id").asText());
            assertEquals("anna", comments.get(0).get("author_id").asText());
            assertEquals("2024-05-01T10:00:00.000Z", comments.get(0).get("created").asText());
            assertEquals("Looks good", comments.get(0).get("text").asText());
            assertNull(comments.get(1).get("author_id"), "dave has no email");
            assertEquals("dave", comments.get(1).get("author_name").asText());

            assertEquals(1, run.lost("[Checklists] rows"), "item for unknown card C-9");
            assertEquals(1, run.lost("[Comments] rows"), "comment for unknown card C-404");
            assertEquals(1, run.lost("[Comments] column 'author'"), "dave without email");
        }
    }

    private static String columnId(List<JsonNode> columns, String title) {
        return columns.stream().filter(c -> c.get("title").asText().equals(title)).findFirst().orElseThrow()
                .get("id").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    /** Fills every sheet the way a person would, cells typed as Excel types them. */
    static void fill(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Sheet cards = wb.getSheet("Cards");
            int storyCol = addHeader(cards, "Story points");
            int priorityCol = addHeader(cards, "Priority");
            int reviewedCol = addHeader(cards, "Reviewed");
            Row r = row(cards, 1, Map.of("id", "C-1", "title", "Write the landing page", "board", "Launch",
                    "column", "Ideas", "tags", "web, ux", "owner", "anna", "responsible", "boris",
                    "members", "anna, boris", "size", "M", "description", "Short copy, one hero image."));
            set(r, col(cards, "due"), LocalDate.of(2024, 6, 10), date);
            set(r, col(cards, "planned start"), LocalDate.of(2024, 6, 1), date);
            set(r, col(cards, "planned end"), LocalDate.of(2024, 6, 12), date);
            r.createCell(col(cards, "estimate")).setCellValue(3);
            r.createCell(storyCol).setCellValue(5);
            r.createCell(priorityCol).setCellValue("High");
            r.createCell(reviewedCol).setCellValue(true);
            r = row(cards, 2, Map.of("id", "C-2", "title", "Set up hosting", "board", "Launch", "column", "Doing",
                    "parent", "C-1", "blocks", "C-3", "responsible", "anna"));
            r.createCell(priorityCol).setCellValue("Low");
            r = row(cards, 3, Map.of("id", "C-3", "title", "Go live", "board", "Launch", "column", "Done",
                    "archived", "yes", "links", "https://example.com/spec", "due", "2024-07-01"));

            Sheet columns = wb.getSheet("Columns");
            String[][] cols = {{"Launch", "Ideas", "1", "1"}, {"Launch", "Doing", "2", "2"},
                {"Launch", "Done", "3", "3"}, {"Launch", "Review", "2", "2.5"}};
            for (int i = 0; i < cols.length; i++) {
                Row c = columns.createRow(i + 1);
                c.createCell(0).setCellValue(cols[i][0]);
                c.createCell(1).setCellValue(cols[i][1]);
                c.createCell(2).setCellValue(Double.parseDouble(cols[i][2]));
                c.createCell(3).setCellValue(Double.parseDouble(cols[i][3]));
            }

            Sheet users = wb.getSheet("Users");
            row(users, 1, Map.of("source", "anna", "email", "anna@example.com", "full_name", "Anna Arkova"));
            row(users, 2, Map.of("source", "boris", "email", "boris@example.com", "full_name", "Boris Bell"));
            row(users, 3, Map.of("source", "carol", "email", "carol@example.com"));

            Sheet fields = wb.getSheet("CustomFields");
            row(fields, 1, Map.of("name", "Priority", "type", "select", "option", "High")).createCell(3)
                    .setCellValue(1);
            row(fields, 2, Map.of("name", "Priority", "option", "Low")).createCell(3).setCellValue(10);
            row(fields, 3, Map.of("name", "Story points", "type", "number"));
            row(fields, 4, Map.of("name", "Reviewed", "type", "checkbox"));

            Sheet lists = wb.getSheet("Checklists");
            row(lists, 1, Map.of("card", "C-1", "checklist", "Launch list", "item", "Write copy", "checked", "yes"));
            row(lists, 2, Map.of("card", "C-1", "checklist", "Launch list", "item", "Proof-read", "checked", "no"));
            row(lists, 3, Map.of("card", "c-2", "item", "Set up CI"));
            row(lists, 4, Map.of("card", "C-9", "item", "Orphan item"));

            Sheet comments = wb.getSheet("Comments");
            r = row(comments, 1, Map.of("card", "C-1", "author", "anna", "text", "Looks good"));
            set(r, 2, LocalDateTime.of(2024, 5, 1, 10, 0), dateTime);
            row(comments, 2, Map.of("card", "C-2", "author", "dave", "text", "Who owns this?"));
            row(comments, 3, Map.of("card", "C-404", "author", "anna", "text", "Lost comment"));

            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static int addHeader(Sheet s, String name) {
        Row h = s.getRow(0);
        int i = h.getLastCellNum();
        h.createCell(i).setCellValue(name);
        return i;
    }

    private static int col(Sheet s, String header) {
        for (org.apache.poi.ss.usermodel.Cell c : s.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new IllegalArgumentException(header);
    }

    private static Row row(Sheet s, int index, Map<String, String> values) {
        Row r = s.createRow(index);
        values.forEach((k, v) -> r.createCell(col(s, k)).setCellValue(v));
        return r;
    }

    private static void set(Row r, int col, Object value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell c = r.createCell(col);
        if (value instanceof LocalDate d) {
            c.setCellValue(d);
        } else {
            c.setCellValue((LocalDateTime) value);
        }
        c.setCellStyle(style);
    }
}
