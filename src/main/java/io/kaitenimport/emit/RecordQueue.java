package io.kaitenimport.emit;

import io.kaitenimport.model.ImportRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialising and writing happen on a second thread, so reading the export and building records (the caller)
 * overlap with JSON generation and disk writes. Records go over in batches, in order, through a bounded queue:
 * output stays byte-identical and memory flat. The first failure there (an I/O error, or an Error such as
 * running out of memory) is rethrown to the caller on its next call.
 */
final class RecordQueue {
    /** Writes one record into its shard; runs on the queue's thread. */
    interface RecordWriter {
        void write(ImportRecord record) throws IOException;
    }

    private final RecordWriter writer;

    RecordQueue(RecordWriter writer) {
        this.writer = writer;
    }

    private static final int BATCH = 512;
    /** Text a batch may hold before it is handed over, so long descriptions cannot pile up in the queue. */
    private static final long BATCH_CHARS = 256 * 1024;
    private static final int IN_FLIGHT = 4;
    private long batchChars;
    private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kaiten-import-writer");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
    private List<ImportRecord> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;

    void write(ImportRecord record) throws IOException {
        batch.add(record);
        batchChars += weight(record);
        if (batch.size() >= BATCH || batchChars >= BATCH_CHARS) {
            flush();
        }
    }

    void flush() throws IOException {
        rethrow();
        if (batch.isEmpty()) {
            return;
        }
        List<ImportRecord> records = batch;
        batch = new ArrayList<>(BATCH);
        batchChars = 0;
        inFlight.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                if (failure == null) {
                    for (ImportRecord r : records) {
                        writer.write(r);
                    }
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits until everything handed over is written. */
    void drain() throws IOException {
        flush();
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
        rethrow();
    }

    /** Roughly the characters a record holds: its long texts, else a small constant. */
    private static long weight(ImportRecord r) {
        if (r instanceof io.kaitenimport.model.Card c) {
            return 256 + (c.description() == null ? 0 : c.description().length());
        }
        if (r instanceof io.kaitenimport.model.Comment c) {
            return 256 + (c.text() == null ? 0 : c.text().length());
        }
        return 256;
    }

    void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        } else if (t instanceof Error e) {
            throw e;
        } else if (t != null) {
            throw new IOException("writing the package failed: " + t, t);
        }
    }
}

