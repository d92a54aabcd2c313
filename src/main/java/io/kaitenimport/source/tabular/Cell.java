package io.kaitenimport.source.tabular;

/**
 * One spreadsheet cell: its text as the user sees it, and for typed sources (Excel) the typed value —
 * {@link Double}, {@link Boolean}, {@link java.time.LocalDate} or {@link java.time.LocalDateTime} — and a
 * hyperlink target. CSV cells have text only.
 */
public record Cell(String text, Object value, String hyperlink) {
    public static final Cell EMPTY = new Cell("", null, null);

    public Cell {
        text = text == null ? "" : text;
    }

    public static Cell text(String text) {
        return text == null || text.isEmpty() ? EMPTY : new Cell(text, null, null);
    }

    public boolean isBlank() {
        return text.isBlank() && value == null && hyperlink == null;
    }
}
