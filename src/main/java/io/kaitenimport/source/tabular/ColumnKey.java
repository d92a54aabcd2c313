package io.kaitenimport.source.tabular;

/** A column by the board it is on and its title (the row's status), as rows and preset columns name it. */
public record ColumnKey(String board, String column) {
}
