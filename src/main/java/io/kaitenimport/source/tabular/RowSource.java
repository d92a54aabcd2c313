package io.kaitenimport.source.tabular;

import java.io.IOException;
import java.util.List;

/**
 * A table read from a CSV file or a sheet: a header and data rows. {@link #forEachRow} may be called more than
 * once; each call streams the rows again from the file, so conversion can make two passes in flat memory.
 */
public interface RowSource {

    /** The file (and sheet) name used in error positions. */
    String name();

    List<String> header();

    /** Line or row number of the header, 1-based. */
    long headerLine();

    /** Streams the data rows after the header, skipping rows whose cells are all blank. */
    void forEachRow(RowHandler handler) throws IOException;

    @FunctionalInterface
    interface RowHandler {
        void row(Row row) throws IOException;
    }
}
