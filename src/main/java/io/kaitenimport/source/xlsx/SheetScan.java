package io.kaitenimport.source.xlsx;

import io.kaitenimport.issue.Location;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sheet says after its cell data: merged regions and hyperlinks. Both are written after {@code sheetData},
 * so a light SAX pass collects them before rows are streamed; it skips the cells as bytes ({@link SkipSheetData}).
 * They are few; cells are not kept. Cell notes are counted (they are not imported).
 */
final class SheetScan {
    static final SheetScan NONE = new SheetScan();

    /** Row → the widest merged region whose top-left cell is on that row and that spans several columns. */
    private final Map<Integer, int[]> acrossByRow = new HashMap<>();
    /** Row → one-column merged regions starting on that row and spanning several rows: {column, last row}. */
    private final Map<Integer, List<int[]>> downByRow = new HashMap<>();
    private final Map<Long, String> links = new HashMap<>();
    private int internalLinks;
    private int notes;

    private SheetScan() {
    }

    static SheetScan scan(XlsxWorkbook wb, SheetInfo sheet) {
        PackagePart part = wb.sheetPart(sheet);
        try {
            try {
                return read(part, true);
            } catch (SAXException e) {
                // The cells left out, the rest did not parse (a comment holding the tag, or broken XML): the whole
                // part decides, and reports what is wrong where it is.
                return read(part, false);
            }
        } catch (Exception e) {
            throw XlsxErrors.translate(Location.file(wb.label(sheet)), e);
        }
    }

    private static SheetScan read(PackagePart part, boolean skipCells) throws Exception {
        SheetScan scan = new SheetScan();
        try (InputStream in = part.getInputStream()) {
            parse(skipCells ? new SkipSheetData(in) : in, (local, a) -> {
                if (local.equals("mergeCell")) {
                    scan.merge(a.getValue("ref"));
                } else if (local.equals("hyperlink")) {
                    scan.hyperlink(part, a);
                }
            });
        }
        scan.countNotes(part);
        return scan;
    }

    /** Streams one XML part, handing every element start to {@code onElement} (local name, attributes). */
    private static void parse(InputStream in, java.util.function.BiConsumer<String, Attributes> onElement)
            throws Exception {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                onElement.accept(local, a);
            }
        });
        xml.parse(new InputSource(in));
    }

    /** Cell notes live in a part of their own; they are not imported, only counted for the report. */
    private void countNotes(PackagePart sheetPart) throws Exception {
        for (PackageRelationship rel : sheetPart.getRelationshipsByType(XSSFRelation.SHEET_COMMENTS.getRelation())) {
            PackagePart part = sheetPart.getRelatedPart(rel);
            try (InputStream in = part.getInputStream()) {
                parse(in, (local, a) -> {
                    if (local.equals("comment")) {
                        notes++;
                    }
                });
            }
        }
    }

    private void merge(String ref) {
        if (ref == null || !ref.contains(":")) {
            return;
        }
        CellRangeAddress r;
        try {
            r = CellRangeAddress.valueOf(ref);
        } catch (RuntimeException e) {
            return;
        }
        if (r.getLastColumn() > r.getFirstColumn()) {
            int[] prev = acrossByRow.get(r.getFirstRow());
            if (prev == null || r.getLastColumn() - r.getFirstColumn() > prev[1] - prev[0]) {
                acrossByRow.put(r.getFirstRow(), new int[] {r.getFirstColumn(), r.getLastColumn()});
            }
        }
        // Only a single column merged down is a value shared by the rows; a block merged both ways is a heading.
        if (r.getLastRow() > r.getFirstRow() && r.getLastColumn() == r.getFirstColumn()) {
            downByRow.computeIfAbsent(r.getFirstRow(), k -> new ArrayList<>())
                    .add(new int[] {r.getFirstColumn(), r.getLastRow()});
        }
    }

    /** External targets live in the sheet's relationships; in-workbook jumps ({@code location}) are not URLs. */
    private void hyperlink(PackagePart part, Attributes a) {
        String ref = a.getValue("ref");
        String relId = null;
        for (int i = 0; i < a.getLength(); i++) {
            if (a.getLocalName(i).equals("id") && a.getURI(i).contains("relationships")) {
                relId = a.getValue(i);
            }
        }
        if (ref == null) {
            return;
        }
        if (relId == null) {
            internalLinks++;
            return;
        }
        String url;
        try {
            PackageRelationship rel = part.getRelationship(relId);
            if (rel == null || rel.getTargetMode() != TargetMode.EXTERNAL) {
                internalLinks++;
                return;
            }
            url = rel.getTargetURI().toString();
        } catch (RuntimeException e) {
            return;
        }
        CellRangeAddress range;
        try {
            range = ref.contains(":") ? CellRangeAddress.valueOf(ref) : null;
        } catch (RuntimeException e) {
            return;
        }
        if (range == null) {
            CellReference c = new CellReference(ref);
            links.put(key(c.getRow(), c.getCol()), url);
        } else {
            // A link over a range belongs to its top-left cell; the others are usually empty parts of a merge.
            links.put(key(range.getFirstRow(), range.getFirstColumn()), url);
        }
    }

    private static long key(int row, int col) {
        return ((long) row << 16) | col;
    }

    /** The external URL a cell links to, or null (0-based row and column). */
    String link(int row, int col) {
        return links.isEmpty() ? null : links.get(key(row, col));
    }

    /** The merged region across columns whose top-left cell is on this 0-based row: {first, last} column. */
    int[] across(int row) {
        return acrossByRow.get(row);
    }

    /** Regions merged down several rows starting on this 0-based row: {column, last row}. */
    List<int[]> down(int row) {
        return downByRow.getOrDefault(row, List.of());
    }

    int internalLinks() {
        return internalLinks;
    }

    /** Cell notes (comments) on the sheet. */
    int notes() {
        return notes;
    }
}
