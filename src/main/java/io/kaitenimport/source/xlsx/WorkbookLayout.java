package io.kaitenimport.source.xlsx;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.TabularMapping;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;

/** Placeholder replaced in the next step. */
final class WorkbookLayout {
    static WorkbookLayout detect(XlsxWorkbook wb, SourceContext ctx) {
        return null;
    }

    void read(TabularMapping mapping, ModelSink sink) throws IOException {
    }
}
