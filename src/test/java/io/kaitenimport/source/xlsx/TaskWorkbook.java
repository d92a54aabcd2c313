package io.kaitenimport.source.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the task workbook of the big-migration benchmark the way Excel saves one: every text in the shared-strings
 * table (each distinct text once, in order of first use, so the parent key of a row points at the same entry as the
 * key of its parent), dates and date-times as serial numbers with date styles, {@code r} on every row and cell.
 * The content is row for row that of {@code bench/tasks-csv.awk} (same generator, same draws): Key, Summary, a
 * multi-line Description, Status, Assignee email, Labels, Due date, Created, Story Points and a Parent key on ~20%
 * of rows. JDK only, so the bench runs it without Maven: {@code java TaskWorkbook.java OUT.xlsx ROWS}; it prints the
 * number of parent links written. Streams: memory holds the repeated texts and one int per row.
 */
public final class TaskWorkbook {
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String[] HEADER = {"Key", "Summary", "Description", "Status", "Assignee", "Labels",
        "Due date", "Created", "Story Points", "Parent key"};
    private static final String[] STATUSES = {"To Do", "In Progress", "Review", "Done", "Backlog"};
    private static final String[] LABELS = {"backend", "frontend", "ops", "docs", "ux", "qa", "infra", "security"};
    /** Excel's day 0 in the 1900 date system (its phantom 1900-02-29 makes serials from March 1900 on count from here). */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    /** Excel saves numbers with 15 significant digits. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** Excel's own zip entries carry this time; a fixed one keeps the file byte-identical run after run. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private long seed = 42;
    private final Map<String, Integer> repeated = new HashMap<>();
    private int unique;
    private long textCells;
    private final Writer strings;

    private TaskWorkbook(Writer strings) {
        this.strings = strings;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java TaskWorkbook.java OUT.xlsx ROWS");
            System.exit(2);
        }
        System.out.println("parent-links=" + write(Path.of(args[0]), Integer.parseInt(args[1])));
    }

    /** Park-Miller, exactly as the awk generator draws. */
    private int rnd(int m) {
        seed = (seed * 16807) % 2147483647L;
        return (int) (seed % m);
    }

    /** Writes the workbook; returns the number of rows with a parent key. */
    public static long write(Path file, int rows) throws IOException {
        Path sst = Files.createTempFile(file.toAbsolutePath().getParent(), "sst", ".part");
        try {
            return write(file, rows, sst);
        } finally {
            Files.deleteIfExists(sst);
        }
    }

    private static long write(Path file, int rows, Path sst) throws IOException {
        long parents = 0;
        TaskWorkbook g;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", CONTENT_TYPES);
            put(zip, "_rels/.rels", ROOT_RELS);
            put(zip, "xl/workbook.xml", WORKBOOK);
            put(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            put(zip, "xl/styles.xml", STYLES);
            zip.putNextEntry(entry("xl/worksheets/sheet1.xml"));
            Writer sheet = new OutputStreamWriter(new NoClose(zip), StandardCharsets.UTF_8);
            try (Writer sw = Files.newBufferedWriter(sst, StandardCharsets.UTF_8)) {
                g = new TaskWorkbook(sw);
                parents = g.sheet(sheet, rows);
            }
            sheet.flush();
            zip.closeEntry();
            zip.putNextEntry(entry("xl/sharedStrings.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<sst xmlns=\"" + MAIN_NS
                    + "\" count=\"" + g.textCells + "\" uniqueCount=\"" + g.unique + "\">")
                    .getBytes(StandardCharsets.UTF_8));
            Files.copy(sst, zip);
            zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return parents;
    }

    private long sheet(Writer w, int rows) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"" + MAIN_NS
                + "\" xmlns:r=\"" + REL_NS + "\"><dimension ref=\"A1:J" + (rows + 1) + "\"/><sheetViews><sheetView"
                + " tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
                + " state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>");
        w.write("<row r=\"1\" spans=\"1:10\">");
        for (int c = 0; c < HEADER.length; c++) {
            text(w, c, 1, repeated(HEADER[c]));
        }
        w.write("</row>");
        int[] keyIndex = new int[rows + 1];
        long parents = 0;
        for (int i = 1; i <= rows; i++) {
            int parent = 0;
            if (i > 1 && rnd(5) == 0) {
                parent = 1 + rnd(i - 1);
            }
            String labels = LABELS[rnd(8)];
            if (rnd(3) == 0) {
                labels = labels + ", " + LABELS[rnd(8)];
            }
            LocalDate due = null;
            if (rnd(4) != 0) {
                int month = 1 + rnd(12);
                due = LocalDate.of(2025, month, 1 + rnd(28));
            }
            String module = LABELS[rnd(8)];
            String view = LABELS[rnd(8)];
            int rev = rnd(1000);
            String status = STATUSES[rnd(5)];
            int user = rnd(200);
            int cMonth = 1 + rnd(12);
            int cDay = 1 + rnd(28);
            int cHour = rnd(24);
            int cMinute = rnd(60);
            int points = 1 + rnd(13);

            int r = i + 1;
            w.write("<row r=\"" + r + "\" spans=\"1:10\">");
            keyIndex[i] = fresh("TASK-" + i);
            text(w, 0, r, keyIndex[i]);
            text(w, 1, r, fresh("Task " + i + ": update the " + module + " module"));
            text(w, 2, r, fresh("Steps for task " + i + ":\n1. open the \"" + view + "\" view, check the result\n"
                    + "2. compare with the spec (rev " + rev + ")\nNote: keep it short."));
            text(w, 3, r, repeated(status));
            text(w, 4, r, repeated("user" + user + "@example.com"));
            text(w, 5, r, repeated(labels));
            if (due != null) {
                number(w, 6, r, 1, Long.toString(ChronoUnit.DAYS.between(EPOCH, due)));
            }
            long day = ChronoUnit.DAYS.between(EPOCH, LocalDate.of(2024, cMonth, cDay));
            int minutes = cHour * 60 + cMinute;
            number(w, 7, r, 2, minutes == 0 ? Long.toString(day)
                    : new BigDecimal(day * 1440L + minutes).divide(BigDecimal.valueOf(1440), EXCEL_DIGITS)
                    .stripTrailingZeros().toPlainString());
            number(w, 8, r, 0, Integer.toString(points));
            if (parent > 0) {
                text(w, 9, r, keyIndex[parent]);
                parents++;
            }
            w.write("</row>");
        }
        w.write("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\""
                + " footer=\"0.3\"/></worksheet>");
        return parents;
    }

    private static String ref(int col, int row) {
        return (char) ('A' + col) + Integer.toString(row);
    }

    private void text(Writer w, int col, int row, int index) throws IOException {
        textCells++;
        w.write("<c r=\"" + ref(col, row) + "\" t=\"s\"><v>" + index + "</v></c>");
    }

    private static void number(Writer w, int col, int row, int style, String value) throws IOException {
        w.write("<c r=\"" + ref(col, row) + "\"" + (style == 0 ? "" : " s=\"" + style + "\"") + "><v>" + value
                + "</v></c>");
    }

    /** A text that occurs once: a new shared-strings entry. */
    private int fresh(String s) throws IOException {
        strings.write("<si><t");
        if (!s.equals(s.strip()) || s.indexOf('\n') >= 0) {
            strings.write(" xml:space=\"preserve\"");
        }
        strings.write('>');
        // The generated texts hold no '&' or '<'; Excel writes line breaks and quotes as they are.
        strings.write(s);
        strings.write("</t></si>");
        return unique++;
    }

    /** A text used on many rows: one entry, reused. */
    private int repeated(String s) throws IOException {
        Integer i = repeated.get(s);
        if (i == null) {
            i = fresh(s);
            repeated.put(s, i);
        }
        return i;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        return e;
    }

    /** Lets a writer flush into the zip entry without closing the zip. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    private static final String CONTENT_TYPES = XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
            + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
            + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName="
            + "\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet."
            + "main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd."
            + "openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override"
            + " PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "spreadsheetml.sharedStrings+xml\"/></Types>";
    private static final String ROOT_RELS = XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
            + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target="
            + "\"xl/workbook.xml\"/></Relationships>";
    private static final String WORKBOOK = XML + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">"
            + "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\"/>"
            + "</bookViews><sheets><sheet name=\"Tasks\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
            + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target="
            + "\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + REL_NS + "/styles\" Target="
            + "\"styles.xml\"/><Relationship Id=\"rId3\" Type=\"" + REL_NS + "/sharedStrings\" Target="
            + "\"sharedStrings.xml\"/></Relationships>";
    /** Style 1: a date (yyyy-mm-dd); style 2: a date with time (yyyy-mm-dd hh:mm), as custom formats 164 and 165. */
    private static final String STYLES = XML + "<styleSheet xmlns=\"" + MAIN_NS + "\"><numFmts count=\"2\">"
            + "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/><numFmt numFmtId=\"165\" formatCode="
            + "\"yyyy\\-mm\\-dd\\ hh:mm\"/></numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/>"
            + "<family val=\"2\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/>"
            + "<top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\""
            + " fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\""
            + " fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\""
            + " xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\""
            + " xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\""
            + " xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";
}
