package io.kaitenimport.source.tabular;

import io.kaitenimport.emit.Json;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a mapping reads single cells, the same for every tabular source: which texts mean "nothing"
 * ({@code null_values}), which mean "yes" ({@code true_values}), and how multi-value cells split.
 */
public final class CellRules {
    static final Pattern NEWLINE = Pattern.compile("\\r?\\n");

    private final TabularMapping mapping;

    private final int longestNull;

    public CellRules(TabularMapping mapping) {
        this.mapping = mapping;
        this.longestNull = mapping.nullValues().stream().mapToInt(String::length).max().orElse(0);
    }

    /** Cells holding one of the mapping's null values ("Unassigned", "None" …) count as empty. */
    public Row clean(Row row) {
        if (mapping.nullValues().isEmpty()) {
            return row;
        }
        List<Cell> cells = null;
        for (int i = 0; i < row.cells().size(); i++) {
            Cell c = row.cells().get(i);
            if (c.value() == null && !c.text().isEmpty() && isNull(c.text())) {
                if (cells == null) {
                    cells = new ArrayList<>(row.cells());
                }
                cells.set(i, Cell.EMPTY);
            }
        }
        return cells == null ? row : new Row(row.line(), cells, row.section());
    }

    private boolean isNull(String text) {
        if (text.length() > longestNull && !Character.isWhitespace(text.charAt(0))
                && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            return false; // most cells: longer than any null value, nothing to strip
        }
        String t = text.strip();
        for (String n : mapping.nullValues()) {
            if (n.equalsIgnoreCase(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a cell says "yes": a typed boolean as it is, a typed number when it is not zero (Excel's own rule),
     * otherwise its text when it is one of the mapping's {@code true_values}, ignoring case and surrounding spaces.
     */
    public boolean truthy(Cell c) {
        if (c.value() instanceof Boolean b) {
            return b;
        }
        if (c.value() instanceof Double d) {
            return d != 0;
        }
        String t = c.text().strip();
        return mapping.trueValues().stream().anyMatch(t::equalsIgnoreCase);
    }

    /**
     * Splits a multi-value cell on newlines and, when {@code multi}, on the mapping's separator or as a JSON
     * array; values are stripped, blanks and repeats dropped.
     */
    public List<String> split(String text, boolean multi) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String trimmed = text.strip();
        if (multi && trimmed.startsWith("[") && trimmed.endsWith("]")) {
            List<String> json = jsonArray(trimmed);
            if (json != null) {
                return json;
            }
        }
        // By hand rather than NEWLINE.split and String.split(Pattern.quote(separator)), which compiled a pattern
        // for every cell: lines end at LF (a CR before it goes too), values at the separator; blanks are dropped.
        String sep = multi ? mapping.listSeparator() : null;
        if (sep != null && sep.isEmpty()) {
            sep = null;
        }
        int from = 0;
        int n = text.length();
        while (from <= n) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? n : nl;
            int lineEnd = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
            int at = from;
            while (true) {
                int s = sep == null ? -1 : text.indexOf(sep, at);
                int partEnd = s < 0 || s + sep.length() > lineEnd ? lineEnd : s;
                String v = text.substring(at, partEnd).strip();
                if (!v.isEmpty() && !out.contains(v)) {
                    out.add(v);
                }
                if (partEnd == lineEnd) {
                    break;
                }
                at = partEnd + sep.length();
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return out;
    }

    /** Plane and similar tools write multi-value cells as JSON arrays: {@code ["backend", "security"]}. */
    private static List<String> jsonArray(String text) {
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            if (!n.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isValueNode()) {
                    return null;
                }
                String v = e.asText().strip();
                if (!v.isEmpty() && !out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
