package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.Location;

import java.nio.file.Path;
import java.util.List;

/**
 * A table's header read through a mapping: which columns feed which card field, and the row-level facts both
 * passes need — a field's text, the row's section, board and column — plus positions and loss labels for cells.
 */
public final class RowFields {
    final HeaderMap headers;
    final TabularMapping mapping;
    final String file;
    private boolean sectionsSeen;

    /** @param file the file (and sheet) name used in positions and data-loss labels */
    public RowFields(List<String> header, TabularMapping mapping, String file) {
        this.headers = new HeaderMap(header, mapping);
        this.mapping = mapping;
        this.file = file;
        this.lossFields = new String[header.size()];
        for (int i = 0; i < lossFields.length; i++) {
            lossFields[i] = file + " column '" + headers.name(i) + "'";
        }
    }

    public TabularMapping mapping() {
        return mapping;
    }

    public String file() {
        return file;
    }

    /** The stripped text of a single-value field, or null when it is not mapped or the cell is blank. */
    public String text(Row row, TabularField f) {
        if (!headers.has(f)) {
            return null;
        }
        String t = row.cell(headers.first(f)).text().strip();
        return t.isEmpty() ? null : t;
    }

    /** The row's section: its own section cell, else the heading row it sits under; spaces collapsed. */
    public String section(Row row) {
        String s = text(row, TabularField.SECTION);
        if (s == null) {
            s = row.section();
        }
        if (s == null || s.isBlank()) {
            return null;
        }
        sectionsSeen = true;
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Whether any row so far had a section (the report then says where sections went). */
    public boolean sectionsSeen() {
        return sectionsSeen;
    }

    public String boardOf(Row row) {
        String board = text(row, TabularField.BOARD);
        if (board == null && mapping.sections() == TabularMapping.Sections.BOARD) {
            board = section(row);
        }
        return board == null ? defaultBoard() : board;
    }

    public String statusOf(Row row) {
        String status = text(row, TabularField.COLUMN);
        if (status == null && mapping.sections() == TabularMapping.Sections.COLUMN) {
            status = section(row);
        }
        return status == null ? mapping.defaultColumn() : status;
    }

    /** The row's column, by its board and status. */
    public ColumnKey columnOf(Row row) {
        return new ColumnKey(boardOf(row), statusOf(row));
    }

    /** The mapping's default board, else the file name without extension (and without a sheet suffix). */
    public String defaultBoard() {
        if (mapping.defaultBoard() != null) {
            return mapping.defaultBoard();
        }
        if (defaultBoard == null) { // asked for on every row without a board: the file name is parsed once
            defaultBoard = boardFromFileName();
        }
        return defaultBoard;
    }

    private String defaultBoard;

    private String boardFromFileName() {
        String name = Path.of(file.replaceAll(" \\[.*]$", "")).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The position of a cell. */
    public Location at(long line, int col) {
        return Location.cell(file, line, (long) col + 1, headers.name(col));
    }

    /** The data-loss label of a column: {@code file column 'Header'}. */
    public String lossField(int col) {
        return col < lossFields.length ? lossFields[col] : file + " column '" + headers.name(col) + "'";
    }

    /** Labels asked for on every row, built once per column of the header. */
    private final String[] lossFields;
}
