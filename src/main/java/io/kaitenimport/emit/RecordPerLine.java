package io.kaitenimport.emit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;

/**
 * Compact JSON (no indentation, no spaces) with one record per line: the top-level array of an entity file opens
 * and closes on its own line and each element sits on one line. Files stay about a third smaller and faster to
 * write and read than indented ones, while a diff or {@code grep} still shows whole records.
 */
final class RecordPerLine extends MinimalPrettyPrinter {
    private static boolean topLevelArray(JsonGenerator g) {
        JsonStreamContext c = g.getOutputContext();
        return c.inArray() && c.getParent() != null && c.getParent().inRoot();
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (topLevelArray(g)) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(topLevelArray(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (nrOfValues > 0 && topLevelArray(g)) {
            g.writeRaw('\n');
        }
        g.writeRaw(']');
    }
}
