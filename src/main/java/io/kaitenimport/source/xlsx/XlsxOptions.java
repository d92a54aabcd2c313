package io.kaitenimport.source.xlsx;

import picocli.CommandLine.Option;

/** Which parts of a workbook are read. */
public final class XlsxOptions {
    @Option(names = "--sheet", paramLabel = "NAME|INDEX",
            description = "Sheet to read as a plain table (default: the workbook layout, else the first sheet with a "
                    + "recognisable header).")
    private String sheet;

    @Option(names = "--include-hidden", description = "Also read hidden rows and sheets.")
    private boolean includeHidden;

    /** The sheet name or 1-based index asked for, or null. */
    public String sheet() {
        return sheet;
    }

    public boolean includeHidden() {
        return includeHidden;
    }

    public XlsxOptions sheet(String nameOrIndex) {
        this.sheet = nameOrIndex;
        return this;
    }

    public XlsxOptions includeHidden(boolean include) {
        this.includeHidden = include;
        return this;
    }
}
