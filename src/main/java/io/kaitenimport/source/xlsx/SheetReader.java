package io.kaitenimport.source.xlsx;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.tabular.Cell;
import io.kaitenimport.issue.Location;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams one sheet's rows with POI's event API: {@link XSSFSheetXMLHandler} resolves shared strings (from
 * {@link SharedStringsFile}), inline strings, rich text and cached formula results; a thin SAX filter in front of it
 * keeps what it drops — the cell's raw value, type and style — and the row's {@code hidden} flag, and
 * {@link CellTypes} makes the typed cell (numbers formatted as Excel shows them, dates in either date system).
 * Hyperlinks and values merged down a column come from the {@link SheetScan}.
 */
final class SheetReader {
    private final XlsxWorkbook wb;
    private final CellTypes types;

    /** A row as read: 1-based number, hidden flag, cells by 0-based column (trailing blanks trimmed). */
    record RawRow(int number, boolean hidden, List<Cell> cells, List<String> errors) {
        boolean isBlank() {
            return cells.stream().allMatch(Cell::isBlank);
        }

        Cell cell(int col) {
            return col < cells.size() ? cells.get(col) : Cell.EMPTY;
        }

        /** The cells as plain text, for header detection. */
        List<String> texts() {
            return cells.stream().map(Cell::text).toList();
        }
    }

    interface RowHandler {
        /** @return false to stop reading the sheet */
        boolean row(RawRow row) throws IOException;
    }

    SheetReader(XlsxWorkbook wb) {
        this.wb = wb;
        this.types = wb.cellTypes();
    }

    void read(SheetInfo sheet, SheetScan scan, RowHandler handler) throws IOException {
        Contents contents = new Contents(scan, handler);
        // No styles for POI's handler: number cells come raw and CellTypes formats each once.
        XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(null, null, wb.strings(), contents, types.formatter(),
                false);
        try (InputStream in = wb.sheetPart(sheet).getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new Filter(cells, contents));
            xml.parse(new InputSource(in));
        } catch (StopUnchecked stop) {
            // the handler has what it wanted
        } catch (WrappedUnchecked w) {
            throw (IOException) w.getCause();
        } catch (SharedStringsFile.Missing m) {
            throw missing(sheet, contents.ref, m);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (SourceException e) {
            throw e;
        } catch (Exception e) {
            throw XlsxErrors.translate(Location.file(wb.label(sheet)), e);
        }
    }

    /** A cell names a shared text the table does not have: the cell, and what the table holds. */
    private SourceException missing(SheetInfo sheet, String ref, SharedStringsFile.Missing m) {
        CellReference cell = ref == null ? null : new CellReference(ref);
        Location at = cell == null ? Location.file(wb.label(sheet))
                : Location.cell(wb.label(sheet), cell.getRow() + 1L, cell.getCol() + 1L, null);
        String which = ref == null ? "a cell" : "cell " + ref;
        if (!m.tablePresent) {
            return new SourceException(at, "the workbook is damaged: " + which + " refers to a shared text, but the"
                    + " shared-strings part (xl/sharedStrings.xml) is missing");
        }
        return new SourceException(at, "the workbook is damaged: " + which + " refers to shared text #" + m.index
                + ", but the shared-strings table (xl/sharedStrings.xml) has " + (m.size == 0 ? "none"
                : "only #0 to #" + (m.size - 1)));
    }

    /** Records raw cell attributes and values, then lets POI's handler do the rest. */
    private static final class Filter extends DefaultHandler {
        private final XSSFSheetXMLHandler next;
        private final Contents contents;
        private boolean inValue;

        Filter(XSSFSheetXMLHandler next, Contents contents) {
            this.next = next;
            this.contents = contents;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            switch (local) {
                case "row" -> {
                    String h = a.getValue("hidden");
                    contents.rowHidden = "1".equals(h) || "true".equalsIgnoreCase(h);
                }
                case "c" -> {
                    contents.ref = a.getValue("r");
                    contents.type = a.getValue("t");
                    String s = a.getValue("s");
                    contents.style = s == null ? -1 : Integer.parseInt(s.trim());
                    contents.raw.setLength(0);
                }
                case "v" -> inValue = true;
                default -> { }
            }
            next.startElement(uri, local, qName, a);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inValue) {
                contents.raw.append(ch, start, length);
            }
            next.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (local.equals("v")) {
                inValue = false;
            }
            next.endElement(uri, local, qName);
        }
    }

    /** Builds typed cells and hands each finished row on. */
    private final class Contents implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetScan scan;
        private final RowHandler handler;
        private final Map<Integer, int[]> mergedDown = new HashMap<>();
        private final Map<Integer, Cell> mergedValue = new HashMap<>();
        boolean rowHidden;
        String ref;
        String type;
        int style;
        final StringBuilder raw = new StringBuilder();
        private List<Cell> cells = new ArrayList<>();
        private List<String> errors = new ArrayList<>();
        private int lastCol = -1;

        Contents(SheetScan scan, RowHandler handler) {
            this.scan = scan;
            this.handler = handler;
        }

        @Override
        public void startRow(int row) {
            cells = new ArrayList<>();
            errors = new ArrayList<>();
            lastCol = -1;
        }

        @Override
        public void cell(String ref, String formatted, XSSFComment comment) {
            int col = ref == null ? lastCol + 1 : column(ref);
            lastCol = col;
            Cell c = types.typed(type, style, raw.toString(), formatted);
            if (c == null) {
                errors.add((ref == null ? "#" + (col + 1) : ref) + " " + raw.toString().strip());
                return;
            }
            while (cells.size() <= col) {
                cells.add(Cell.EMPTY);
            }
            cells.set(col, c);
        }

        @Override
        public void endRow(int row) throws RuntimeException {
            for (int col = 0; col < cells.size(); col++) {
                String url = scan.link(row, col);
                if (url != null) {
                    Cell c = cells.get(col);
                    cells.set(col, new Cell(c.text(), c.value(), url));
                }
            }
            fillMergedDown(row);
            int end = cells.size();
            while (end > 0 && cells.get(end - 1).isBlank()) {
                end--;
            }
            RawRow r = new RawRow(row + 1, rowHidden, cells.subList(0, end), errors);
            rowHidden = false;
            try {
                if (!handler.row(r)) {
                    throw new StopUnchecked();
                }
            } catch (IOException e) {
                throw new WrappedUnchecked(e);
            }
        }

        /** A value merged down a column (a "Phase" cell spanning its tasks) applies to every row it covers. */
        private void fillMergedDown(int row) {
            mergedDown.entrySet().removeIf(e -> e.getValue()[1] < row);
            mergedValue.keySet().removeIf(col -> !mergedDown.containsKey(col));
            for (Map.Entry<Integer, int[]> e : mergedDown.entrySet()) {
                int col = e.getKey();
                Cell v = mergedValue.get(col);
                if (v != null && (col >= cells.size() || cells.get(col).isBlank())) {
                    while (cells.size() <= col) {
                        cells.add(Cell.EMPTY);
                    }
                    cells.set(col, v);
                }
            }
            for (int[] region : scan.down(row)) {
                int col = region[0];
                mergedDown.put(col, new int[] {row, region[1]});
                if (col < cells.size() && !cells.get(col).isBlank()) {
                    mergedValue.put(col, cells.get(col));
                }
            }
        }
    }

    /** The 0-based column of a reference such as {@code AB12}, without building a CellReference per cell. */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        for (; i < ref.length() && i < 4; i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        if (i == 0 || i == ref.length() || ref.charAt(i) < '0' || ref.charAt(i) > '9') {
            return new CellReference(ref).getCol();
        }
        return col - 1;
    }

    /** SheetContentsHandler methods cannot throw checked exceptions; these carry stop and I/O out. */
    private static final class StopUnchecked extends RuntimeException {
        StopUnchecked() {
            super(null, null, false, false);
        }
    }

    private static final class WrappedUnchecked extends RuntimeException {
        WrappedUnchecked(IOException e) {
            super(e);
        }
    }
}
