package io.kaitenimport.issue;

import java.util.List;

/**
 * An extra table of a report (the pre-flight "Target" tables: people, custom fields, columns …): a title, column
 * headings and rows of text. Renderers show sections generically, so a feature adds one without touching them.
 */
public record ReportSection(String title, List<String> columns, List<List<String>> rows) {
    public ReportSection {
        columns = List.copyOf(columns);
        int width = columns.size();
        rows = rows.stream().map(r -> {
            if (r.size() != width) {
                throw new IllegalArgumentException("row " + r + " does not have " + width + " cells");
            }
            return List.copyOf(r);
        }).toList();
    }
}
