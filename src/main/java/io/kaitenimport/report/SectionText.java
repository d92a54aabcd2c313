package io.kaitenimport.report;

import io.kaitenimport.issue.ReportSection;

import java.io.PrintWriter;
import java.util.List;

/** Extra report tables as aligned text; kept apart from TextReport so features add sections without editing it. */
final class SectionText {
    /** Wider cells are not padded further, so one long title does not stretch the whole table. */
    private static final int MAX_WIDTH = 40;

    private SectionText() {
    }

    static void render(List<ReportSection> sections, PrintWriter out) {
        if (!sections.isEmpty()) {
            out.println();
        }
        for (ReportSection s : sections) {
            out.println(s.title() + (s.rows().isEmpty() ? ": none" : ""));
            if (s.rows().isEmpty()) {
                out.println();
                continue;
            }
            int[] width = new int[s.columns().size()];
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.min(MAX_WIDTH, s.columns().get(c).length());
                for (List<String> row : s.rows()) {
                    width[c] = Math.max(width[c], Math.min(MAX_WIDTH, row.get(c).length()));
                }
            }
            line(s.columns(), width, out);
            for (List<String> row : s.rows()) {
                line(row, width, out);
            }
            out.println();
        }
    }

    private static void line(List<String> cells, int[] width, PrintWriter out) {
        StringBuilder sb = new StringBuilder(" ");
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(' ').append(cell);
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(Math.max(0, width[c] - cell.length())));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
