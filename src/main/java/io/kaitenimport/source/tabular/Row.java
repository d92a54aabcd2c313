package io.kaitenimport.source.tabular;

import java.util.List;

/**
 * A data row with its 1-based line (CSV) or row number (Excel) for error positions, and the section it sits under
 * when the source groups rows below heading rows (an Excel row merged across the table), else null.
 */
public record Row(long line, List<Cell> cells, String section) {
    public Row {
        cells = List.copyOf(cells);
    }

    public Row(long line, List<Cell> cells) {
        this(line, cells, null);
    }

    public Cell cell(int index) {
        return index < cells.size() ? cells.get(index) : Cell.EMPTY;
    }
}
