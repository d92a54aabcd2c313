package io.kaitenimport.source.xlsx;

import io.kaitenimport.mapping.TabularMapping;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.csv.HeaderRowFinder;
import io.kaitenimport.source.tabular.Cell;
import io.kaitenimport.source.tabular.Row;
import io.kaitenimport.source.tabular.RowSource;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One sheet as a table for {@link io.kaitenimport.source.tabular.TabularConverter}: the header found below any
 * title or preamble rows, then the data rows with typed cells. Hidden rows are skipped (unless
 * {@code --include-hidden}); a row whose only value sits in a cell merged across most of the table is a section
 * heading, handed on as the {@link Row#section()} of the rows below it. Each {@link #forEachRow} streams the sheet
 * again; what was skipped is reported once, on the first pass.
 */
final class XlsxRowSource implements RowSource {
    private final XlsxWorkbook wb;
    private final SheetInfo sheet;
    private final Probe probe;
    private final SheetScan scan;
    private final SourceContext ctx;
    private final TabularMapping.Sections sections;
    private final String name;
    private final int firstCol;
    private final int width;
    private boolean reported;

    /** The header of a sheet as found in its first rows, and how many known header names it has. */
    record Probe(SheetInfo sheet, int headerRow, List<String> header, int knownHits, int rowsAbove) {
        boolean isEmpty() {
            return headerRow == 0;
        }
    }

    /** Reads only the first rows of a sheet to find its header; an empty sheet has header row 0. */
    static Probe probe(XlsxWorkbook wb, SheetInfo sheet, Set<String> known, boolean includeHidden)
            throws IOException {
        List<SheetReader.RawRow> rows = new ArrayList<>();
        new SheetReader(wb).read(sheet, SheetScan.NONE, r -> {
            if (!r.isBlank() && (includeHidden || !r.hidden())) {
                rows.add(r);
            }
            return rows.size() < HeaderRowFinder.MAX_HEADER_INDEX + 5;
        });
        if (rows.isEmpty()) {
            return new Probe(sheet, 0, List.of(), 0, 0);
        }
        // Tables often start in column B or C; the finder judges row widths, so the left margin is cut off first.
        int margin = Integer.MAX_VALUE;
        for (SheetReader.RawRow r : rows) {
            int first = 0;
            while (r.cell(first).isBlank()) {
                first++;
            }
            margin = Math.min(margin, first);
        }
        List<List<String>> texts = new ArrayList<>();
        for (SheetReader.RawRow r : rows) {
            List<String> t = r.texts();
            texts.add(t.subList(Math.min(margin, t.size()), t.size()));
        }
        int index = HeaderRowFinder.find(texts, cell -> known.contains(cell.strip().toLowerCase(Locale.ROOT)));
        List<String> header = rows.get(index).texts().stream().map(s -> s.replace('\n', ' ').strip()).toList();
        int hits = (int) header.stream().filter(h -> known.contains(h.toLowerCase(Locale.ROOT))).count();
        return new Probe(sheet, rows.get(index).number(), header, hits, index);
    }

    XlsxRowSource(XlsxWorkbook wb, Probe probe, SheetScan scan, SourceContext ctx,
                  TabularMapping.Sections sections) {
        this.wb = wb;
        this.sheet = probe.sheet();
        this.probe = probe;
        this.scan = scan;
        this.ctx = ctx;
        this.sections = sections;
        this.name = wb.label(sheet);
        int first = -1;
        int last = -1;
        for (int i = 0; i < probe.header().size(); i++) {
            if (!probe.header().get(i).isBlank()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        this.firstCol = Math.max(first, 0);
        this.width = last - first + 1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> header() {
        return probe.header();
    }

    @Override
    public long headerLine() {
        return probe.headerRow();
    }

    /** Counts of what the first pass skipped, reported when it ends. */
    private final class Skipped {
        int hiddenRows;
        int firstHidden;
        int headings;
        int emptyHeadings;
        String open;
        int openRow;
        boolean openHasRows;
        final List<String> errors = new ArrayList<>();

        void heading(String text, int row) {
            close();
            headings++;
            open = text;
            openRow = row;
            openHasRows = false;
            if (!reported && sections == TabularMapping.Sections.SKIP) {
                ctx.losses().lost(name + " section heading rows", "sections: skip in the mapping", at(row));
            }
        }

        void close() {
            if (open != null && !openHasRows) {
                emptyHeadings++;
                if (!reported) {
                    ctx.losses().lost(name + " section heading rows", "no task rows under the heading", at(openRow));
                }
            }
            open = null;
        }
    }

    private Location at(int row) {
        return Location.cell(name, row, null, null);
    }

    @Override
    public void forEachRow(RowHandler handler) throws IOException {
        boolean includeHidden = ctx.options(XlsxOptions.class).includeHidden();
        Skipped s = new Skipped();
        new SheetReader(wb).read(sheet, scan, raw -> {
            if (raw.number() <= probe.headerRow()) {
                return true;
            }
            if (raw.hidden() && !includeHidden) {
                if (!raw.isBlank()) {
                    s.firstHidden = s.hiddenRows++ == 0 ? raw.number() : s.firstHidden;
                }
                return true;
            }
            if (!reported) {
                for (String e : raw.errors()) {
                    ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at(raw.number()), "formula error " + e
                            + "; the cell is read as empty");
                    ctx.losses().lost(name + " formula errors", "error values (#N/A, #DIV/0!…) are read as empty",
                            at(raw.number()));
                }
            }
            if (raw.isBlank()) {
                return true;
            }
            String heading = heading(raw);
            if (heading != null) {
                s.heading(heading, raw.number());
                return true;
            }
            s.openHasRows = true;
            String section = sections == TabularMapping.Sections.SKIP ? null : s.open;
            handler.row(new Row(raw.number(), raw.cells(), section));
            return true;
        });
        s.close();
        if (!reported) {
            report(s);
        }
        reported = true;
    }

    /** The heading text when the row's only value is the top-left cell of a merge across most of the table. */
    private String heading(SheetReader.RawRow raw) {
        int[] merged = scan.across(raw.number() - 1);
        if (merged == null || merged[1] - merged[0] + 1 < Math.max(2, (2 * width + 2) / 3)) {
            return null;
        }
        Cell anchor = raw.cell(merged[0]);
        if (anchor.isBlank()) {
            return null;
        }
        for (int col = 0; col < raw.cells().size(); col++) {
            if (col != merged[0] && !raw.cell(col).isBlank()) {
                return null;
            }
        }
        return anchor.text().strip().isEmpty() ? null : anchor.text();
    }

    private void report(Skipped s) {
        ctx.issue(IssueCode.SOURCE_DIALECT, Location.file(name), "header on row " + probe.headerRow()
                + (probe.rowsAbove() > 0 ? " (" + probe.rowsAbove() + " title/preamble rows above it skipped)" : ""));
        if (probe.rowsAbove() > 0) {
            ctx.losses().lost(name + " rows above the header", "title/preamble rows are not part of the table",
                    probe.rowsAbove(), Location.file(name));
        }
        if (s.hiddenRows > 0) {
            ctx.issue(IssueCode.SOURCE_RULE, at(s.firstHidden), s.hiddenRows
                    + " hidden row(s) skipped (use --include-hidden to read them)");
            ctx.losses().lost(name + " hidden rows", "hidden rows are skipped (--include-hidden reads them)",
                    s.hiddenRows, at(s.firstHidden));
        }
        if (s.headings > 0) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(name), s.headings + " section heading row(s) (a value"
                    + " merged across the table) apply to the rows below them"
                    + (s.emptyHeadings > 0 ? "; " + s.emptyHeadings + " have no rows under them" : ""));
        }
        if (scan.internalLinks() > 0) {
            ctx.losses().lost(name + " hyperlinks", "links to places inside the workbook are not URLs",
                    scan.internalLinks(), Location.file(name));
        }
        if (scan.notes() > 0) {
            ctx.losses().lost(name + " cell notes", "Excel cell notes (comments) are not imported", scan.notes(),
                    Location.file(name));
        }
        if (firstCol > 0) {
            ctx.issue(IssueCode.SOURCE_DIALECT, Location.file(name), "the table starts in column "
                    + org.apache.poi.ss.util.CellReference.convertNumToColString(firstCol));
        }
    }

    /** Fails with a clear message when the sheet has nothing to read. */
    static void requireRows(Probe probe, String name) {
        if (probe.isEmpty()) {
            throw new SourceException(Location.file(name), "the sheet is empty");
        }
    }
}
