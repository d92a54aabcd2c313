package io.kaitenimport.source.csv;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;

import java.nio.file.Path;

public final class CsvSourceAdapter implements SourceAdapter {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean detect(Path input, byte[] head) {
        String n = input.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt");
    }

    @Override
    public void read(SourceContext context, ModelSink sink) {
        throw new UnsupportedOperationException("written next");
    }
}
