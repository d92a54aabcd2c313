package io.kaitenimport.source.csv;

import io.kaitenimport.source.tabular.Row;
import io.kaitenimport.source.tabular.RowSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes and splits the file on a second thread while the caller's handler works on earlier rows, so the two
 * passes of a conversion keep both cores busy (reading is about half of each pass). Rows go over in order, in
 * batches through a bounded queue — a few thousand rows or a few million characters at most — so memory stays
 * flat whatever the file's size. A failure while reading (a malformed record, bad bytes, an Error) reaches the
 * caller after every row before it was handled, exactly where a sequential read would have thrown it; when the
 * handler throws, reading stops and the file is closed before the exception goes on.
 */
final class RowPrefetch {
    /** Fills {@code sink} with rows; returns normally at the end of the file. */
    interface Producer {
        void produce(RowSource.RowHandler sink) throws IOException;
    }

    private static final int BATCH_ROWS = 1024;
    private static final long BATCH_CHARS = 1L << 20;
    private static final int QUEUED = 4;

    /** A batch of rows, or the end: {@code failure} set when reading failed, {@code last} in either case. */
    private record Batch(List<Row> rows, Throwable failure, boolean last) {
    }

    /** The consumer has stopped: the producer leaves. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private RowPrefetch() {
    }

    static void run(Producer producer, RowSource.RowHandler handler) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            List<Row> batch = new ArrayList<>(BATCH_ROWS);
            long[] chars = {0};
            Batch end;
            try {
                producer.produce(row -> {
                    if (cancelled.get()) {
                        throw new Cancelled();
                    }
                    batch.add(row);
                    for (io.kaitenimport.source.tabular.Cell c : row.cells()) {
                        chars[0] += c.text().length();
                    }
                    if (batch.size() >= BATCH_ROWS || chars[0] >= BATCH_CHARS) {
                        put(queue, new Batch(List.copyOf(batch), null, false));
                        batch.clear();
                        chars[0] = 0;
                    }
                });
                end = new Batch(List.copyOf(batch), null, true);
            } catch (Cancelled c) {
                return;
            } catch (Throwable t) {
                end = new Batch(List.copyOf(batch), t, true);
            }
            try {
                put(queue, end);
            } catch (Cancelled c) {
                // nobody is waiting any more
            }
        }, "kaiten-import-csv");
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            while (true) {
                Batch b = take(queue);
                for (Row r : b.rows()) {
                    handler.row(r);
                }
                if (b.last()) {
                    done = true;
                    rethrow(b.failure());
                    return;
                }
            }
        } finally {
            if (!done) {
                // The handler failed: stop the reader (it may be waiting for room) and let it close the file.
                cancelled.set(true);
                reader.interrupt();
                queue.clear();
            }
            joinQuietly(reader);
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private static Batch take(BlockingQueue<Batch> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the CSV");
        }
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        } else if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        }
        throw new IOException(t);
    }
}
