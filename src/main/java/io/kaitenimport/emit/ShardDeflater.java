package io.kaitenimport.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates package files into raw deflate streams on background threads, so that compressing a large package
 * overlaps the conversion (a shard is deflated as soon as the writer closes it) and uses both cores at the end.
 * Each file's compressed bytes depend only on its content and {@link #LEVEL}, never on when or on which thread
 * they were made, so the zip stays byte-identical run to run. The compressed data waits in a temporary folder
 * beside the output (not in memory: a 4M-card package has hundreds of MB of it) until {@link PackageZip} copies it.
 */
final class ShardDeflater implements AutoCloseable {
    /**
     * zlib level 1. Measured on the 1M-row bench package (480 MB of JSON in 20 card shards of 25 MB): per shard
     * level 1 takes 0.07 CPU s and gives 3.1 MB, level 3 0.09 s and 2.7 MB, level 6 (the zip default used before)
     * 0.17 s and 2.2 MB — the whole package 58 MB instead of 41 MB for under half the deflate CPU, about 2 CPU
     * seconds of a run whose two cores are both busy. Upload size matters far less than conversion time here.
     */
    static final int LEVEL = 1;

    /** A file's raw deflate stream and what its zip entry needs. */
    record Packed(Path raw, long size, long compressedSize, long crc) {
    }

    private final Path dir;
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Packed>> files = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * A deflater for the zip at {@code zip}: its compressed data in a hidden temporary folder beside it (same disk,
     * deleted by {@link #close}), on as many threads as there are cores, at most four.
     */
    static ShardDeflater beside(Path zip) throws IOException {
        Path dir = Files.createTempDirectory(zip.toAbsolutePath().getParent(), "." + zip.getFileName() + ".deflate-");
        return new ShardDeflater(dir, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    private ShardDeflater(Path dir, int threads) {
        this.dir = dir;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kaiten-import-deflate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts deflating a finished file (relative {@code name} inside the package) unless already started. */
    void submit(String name, Path file) {
        files.computeIfAbsent(name, k -> CompletableFuture.supplyAsync(() -> {
            try {
                return deflate(file, dir.resolve(counter.incrementAndGet() + ".deflate"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool));
    }

    /** The packed form of {@code name}, waiting for it (submitting it first when nobody did). */
    Packed packed(String name, Path file) throws IOException {
        submit(name, file);
        return join(files.get(name), "deflating " + name);
    }

    /**
     * The result of a background step, its failure rethrown as it happened: the I/O error itself, an Error as
     * itself, anything else as an I/O error saying which step failed.
     */
    static <T> T join(java.util.concurrent.CompletableFuture<T> step, String what) throws IOException {
        try {
            return step.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            } else if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(what + " failed: " + c, c);
        }
    }

    private static Packed deflate(Path file, Path out) throws IOException {
        Deflater deflater = new Deflater(LEVEL, true);
        CRC32 crc = new CRC32();
        byte[] in = new byte[1 << 16];
        byte[] buf = new byte[1 << 16];
        long size = 0;
        long compressed = 0;
        try (InputStream is = Files.newInputStream(file); OutputStream os = Files.newOutputStream(out)) {
            int n;
            while ((n = is.readNBytes(in, 0, in.length)) > 0) {
                crc.update(in, 0, n);
                size += n;
                deflater.setInput(in, 0, n);
                while (!deflater.needsInput()) {
                    int k = deflater.deflate(buf);
                    os.write(buf, 0, k);
                    compressed += k;
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                int k = deflater.deflate(buf);
                os.write(buf, 0, k);
                compressed += k;
            }
        } finally {
            deflater.end();
        }
        return new Packed(out, size, compressed, crc.getValue());
    }

    /** Stops the threads (waiting for running work, so its files can be deleted) and deletes the folder. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }
}
