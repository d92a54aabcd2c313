package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.tabular.TabularOptions;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.MappingLoader;
import io.kaitenimport.mapping.TabularMapping;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.csv.CsvSourceAdapter;
import io.kaitenimport.source.tabular.TabularConverter;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Excel workbooks (.xlsx, .xlsm): one sheet read as a table with the CSV mapping format (default
 * {@code mappings/csv-default.yaml}), or a whole workbook in the documented multi-sheet layout
 * ({@link WorkbookLayout}). Sheets are streamed, never loaded whole.
 */
public final class XlsxSourceAdapter implements SourceAdapter {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    @Override
    public String describe() {
        return "Excel workbook";
    }

    @Override
    public List<Class<?>> optionTypes() {
        return List.of(XlsxOptions.class, TabularOptions.class);
    }

    @Override
    public String name() {
        return "xlsx";
    }

    /**
     * An Excel name with zip magic; also Excel names with an OLE2 header (encrypted .xlsx, legacy .xls), so that
     * they get a clear message instead of "unknown kind".
     */
    @Override
    public boolean detect(Path input, byte[] head) {
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean excelName = n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
        return excelName && (startsWith(head, ZIP) || startsWith(head, OLE2));
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        Path file = ctx.input();
        TabularMapping mapping = MappingLoader.load(ctx.common().mapping(), CsvSourceAdapter.DEFAULT_MAPPING,
                TabularMapping.class);
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            ctx.report().fact("sheets", String.join(", ", wb.sheets().stream().map(SheetInfo::describe).toList())
                    + (wb.date1904() ? "; 1904 date system" : ""));
            if (wb.hasMacros()) {
                ctx.issue(IssueCode.SOURCE_RULE, Location.file(wb.name()), "macro-enabled workbook: the macros"
                        + " (VBA) are not run or imported; only the cell values saved in the file are read");
                ctx.losses().lost(wb.name() + " macros", "VBA code is not imported (values only)",
                        Location.file(wb.name()));
            }
            if (ctx.options(XlsxOptions.class).sheet() == null) {
                WorkbookLayout layout = WorkbookLayout.detect(wb, ctx);
                if (layout != null) {
                    layout.read(mapping, sink);
                    return;
                }
            }
            XlsxRowSource.Probe probe = choose(wb, ctx, CsvSourceAdapter.knownHeaders(mapping));
            SheetInfo sheet = probe.sheet();
            ctx.report().fact("sheet", sheet.describe() + ", header on row " + probe.headerRow());
            XlsxRowSource rows = new XlsxRowSource(wb, probe, SheetScan.scan(wb, sheet), ctx, mapping.sections());
            new TabularConverter(rows, mapping, ctx).convert(sink);
        }
    }

    /** Reads the chosen sheet's rows for the {@code mapping} command. */
    public interface RowsUser<T> {
        T use(io.kaitenimport.source.tabular.RowSource rows) throws IOException;
    }

    /**
     * Runs {@code user} over the sheet convert would read, chosen the same way; null for a workbook in the full-import
     * layout (Cards, Columns… sheets), whose headers are fixed and which the mapping does not drive.
     */
    public static <T> T withRows(SourceContext ctx, TabularMapping mapping, RowsUser<T> user) throws IOException {
        try (XlsxWorkbook wb = XlsxWorkbook.open(ctx.input())) {
            if (ctx.options(XlsxOptions.class).sheet() == null && WorkbookLayout.detect(wb, ctx) != null) {
                return null;
            }
            XlsxRowSource.Probe probe = choose(wb, ctx, CsvSourceAdapter.knownHeaders(mapping));
            return user.use(new XlsxRowSource(wb, probe, SheetScan.scan(wb, probe.sheet()), ctx, mapping.sections()));
        }
    }

    /**
     * The sheet named by {@code --sheet}, else the first visible worksheet whose header has a name the mapping
     * knows, else the first visible worksheet with data. Every other sheet with data is reported as not read.
     */
    private static XlsxRowSource.Probe choose(XlsxWorkbook wb, SourceContext ctx, Set<String> known)
            throws IOException {
        boolean includeHidden = ctx.options(XlsxOptions.class).includeHidden();
        String wanted = ctx.options(XlsxOptions.class).sheet();
        XlsxRowSource.Probe chosen = null;
        if (wanted != null) {
            SheetInfo s = wb.find(wanted);
            if (!s.worksheet()) {
                throw new SourceException(Location.file(wb.name()), "sheet " + s.describe()
                        + " is a chart or dialog sheet, not a table");
            }
            chosen = XlsxRowSource.probe(wb, s, known, includeHidden);
            XlsxRowSource.requireRows(chosen, wb.label(s));
        }
        List<XlsxRowSource.Probe> others = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        XlsxRowSource.Probe firstWithData = null;
        for (SheetInfo s : wb.sheets()) {
            if (!s.worksheet() || (chosen != null && s.equals(chosen.sheet()))) {
                continue;
            }
            if (s.hidden() && !includeHidden) {
                hidden.add("'" + s.name() + "'");
                continue;
            }
            XlsxRowSource.Probe p = XlsxRowSource.probe(wb, s, known, includeHidden);
            if (p.isEmpty()) {
                continue;
            }
            if (chosen == null && p.knownHits() > 0) {
                chosen = p;
                continue;
            }
            if (firstWithData == null) {
                firstWithData = p;
            }
            others.add(p);
        }
        if (chosen == null) {
            chosen = firstWithData;
            others.remove(firstWithData);
        }
        if (chosen == null) {
            throw new SourceException(Location.file(wb.name()), hidden.isEmpty() ? "the workbook has no sheet with data"
                    : "no visible sheet has data; hidden sheets " + String.join(", ", hidden)
                    + " are skipped unless --include-hidden");
        }
        if (!hidden.isEmpty()) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(wb.name()), hidden.size() + " hidden sheet(s) skipped: "
                    + String.join(", ", hidden) + " (use --include-hidden or --sheet to read one)");
        }
        for (XlsxRowSource.Probe p : others) {
            ctx.losses().lost(wb.label(p.sheet()), "one sheet is converted per run (choose another with --sheet)",
                    Location.file(wb.label(p.sheet())));
        }
        ctx.issue(IssueCode.SOURCE_RULE, Location.file(wb.name()), "reading sheet " + chosen.sheet().describe()
                + (wanted != null ? " (--sheet)" : chosen.knownHits() > 0 ? " (first sheet with a known header)"
                : " (first sheet with data; no sheet has a header the mapping knows)")
                + (others.isEmpty() ? "" : "; not read: " + String.join(", ",
                others.stream().map(p -> "'" + p.sheet().name() + "'").toList())));
        return chosen;
    }
}
