package io.kaitenimport.source.tabular;

import java.util.List;

/** A data row with its 1-based line (CSV) or row number (Excel) for error positions. */
public record Row(long line, List<Cell> cells) {
    public Row {
        cells = List.copyOf(cells);
    }

    public Cell cell(int index) {
        return index < cells.size() ? cells.get(index) : Cell.EMPTY;
    }
}
