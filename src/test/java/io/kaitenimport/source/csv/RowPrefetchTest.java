package io.kaitenimport.source.csv;

import io.kaitenimport.source.tabular.Cell;
import io.kaitenimport.source.tabular.Row;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading ahead on another thread must look exactly like reading in line: order, failures, early stops. */
class RowPrefetchTest {
    private static Row row(long line) {
        return new Row(line, List.of(Cell.text("r" + line)));
    }

    @Test
    void handsOverEveryRowInOrder() throws IOException {
        List<Long> seen = new ArrayList<>();
        RowPrefetch.run(sink -> {
            for (long i = 1; i <= 10_000; i++) {
                sink.row(row(i));
            }
        }, r -> seen.add(r.line()));
        assertEquals(10_000, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i));
        }
    }

    @Test
    void aReadingFailureArrivesAfterTheRowsBeforeIt() {
        List<Long> seen = new ArrayList<>();
        IOException bad = new IOException("line 2501: broken");
        IOException thrown = assertThrows(IOException.class, () -> RowPrefetch.run(sink -> {
            for (long i = 1; i <= 2_500; i++) {
                sink.row(row(i));
            }
            throw bad;
        }, r -> seen.add(r.line())));
        assertSame(bad, thrown);
        assertEquals(2_500, seen.size(), "every row read before the failure was handled");
    }

    @Test
    void anErrorWhileReadingIsRethrownAsItself() {
        OutOfMemoryError oom = new OutOfMemoryError("test");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> RowPrefetch.run(sink -> {
            throw oom;
        }, r -> { })));
    }

    @Test
    void aFailingHandlerStopsTheReaderBeforeReturning() {
        AtomicBoolean readerDone = new AtomicBoolean();
        IllegalStateException stop = new IllegalStateException("stop");
        int[] handled = {0};
        assertSame(stop, assertThrows(IllegalStateException.class, () -> RowPrefetch.run(sink -> {
            try {
                for (long i = 1; ; i++) { // an endless file: only cancelling ends it
                    sink.row(row(i));
                }
            } finally {
                readerDone.set(true);
            }
        }, r -> {
            if (++handled[0] == 3_000) {
                throw stop;
            }
        })));
        assertTrue(readerDone.get(), "the reader left (and would have closed its file) before run returned");
    }
}
