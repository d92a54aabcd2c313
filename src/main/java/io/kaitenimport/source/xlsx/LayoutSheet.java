package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.tabular.Cell;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams one of the workbook layout's fixed-header sheets (Users, Columns, …): the first non-blank row is the
 * header, matched to the layout's column names; rows are handed on one at a time. Columns the layout does not
 * know are reported and their values counted as lost.
 */
final class LayoutSheet {
    private LayoutSheet() {
    }

    /** A data row of a layout sheet, with cells by layout column name. */
    record Rec(String file, int row, Map<String, Integer> columns, SheetReader.RawRow raw) {
        Cell cell(String header) {
            Integer col = columns.get(Layout.norm(header));
            return col == null ? Cell.EMPTY : raw.cell(col);
        }

        /** The stripped text, or null when blank. */
        String text(String header) {
            String t = cell(header).text().strip();
            return t.isEmpty() ? null : t;
        }

        Location at(String header) {
            Integer col = columns.get(Layout.norm(header));
            return Location.cell(file, row, col == null ? null : (long) col + 1, header);
        }
    }

    interface Handler {
        void row(Rec rec) throws IOException;
    }

    static void read(XlsxWorkbook wb, SheetInfo sheet, Layout.Sheet spec, SourceContext ctx, Handler handler)
            throws IOException {
        String file = wb.label(sheet);
        boolean includeHidden = ctx.options(XlsxOptions.class).includeHidden();
        Map<String, Integer> columns = new HashMap<>();
        List<Integer> unknown = new ArrayList<>();
        List<String> header = new ArrayList<>();
        int[] hidden = {0};
        new SheetReader(wb).read(sheet, SheetScan.NONE, raw -> {
            if (raw.isBlank()) {
                return true;
            }
            if (raw.hidden() && !includeHidden) {
                hidden[0]++;
                return true;
            }
            if (header.isEmpty()) {
                header.addAll(raw.texts());
                bindHeader(file, raw, spec, columns, unknown, ctx);
                return true;
            }
            for (int col : unknown) {
                if (!raw.cell(col).isBlank()) {
                    ctx.losses().lost(file + " column '" + header.get(col).strip() + "'",
                            "not a column of the workbook layout", Location.cell(file, raw.number(), (long) col + 1,
                                    header.get(col).strip()));
                }
            }
            handler.row(new Rec(file, raw.number(), columns, raw));
            return true;
        });
        if (hidden[0] > 0) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), hidden[0]
                    + " hidden row(s) skipped (use --include-hidden to read them)");
            ctx.losses().lost(file + " hidden rows", "hidden rows are skipped (--include-hidden reads them)",
                    hidden[0], Location.file(file));
        }
    }

    private static void bindHeader(String file, SheetReader.RawRow raw, Layout.Sheet spec, Map<String, Integer> columns,
                                   List<Integer> unknown, SourceContext ctx) {
        for (int col = 0; col < raw.cells().size(); col++) {
            String h = Layout.norm(raw.cell(col).text());
            if (h.isEmpty()) {
                continue;
            }
            boolean known = spec.columns().stream().anyMatch(c -> Layout.norm(c.header()).equals(h));
            if (known && !columns.containsKey(h)) {
                columns.put(h, col);
            } else {
                unknown.add(col);
                ctx.issue(IssueCode.SOURCE_STRUCTURE, Location.cell(file, raw.number(), (long) col + 1,
                        raw.cell(col).text().strip()), "column '" + raw.cell(col).text().strip() + "' is not part of"
                        + " the " + spec.name() + " sheet layout " + headers(spec) + "; its values are not read");
            }
        }
        List<String> missing = spec.columns().stream().filter(Layout.Col::required)
                .map(Layout.Col::header).filter(h -> !columns.containsKey(Layout.norm(h))).toList();
        if (!missing.isEmpty()) {
            throw new SourceException(Location.cell(file, raw.number(), null, null), "the " + spec.name()
                    + " sheet needs the column(s) " + missing + " in its header row; its columns are "
                    + headers(spec));
        }
    }

    private static List<String> headers(Layout.Sheet spec) {
        return spec.columns().stream().map(Layout.Col::header).toList();
    }
}
