package io.kaitenimport.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

/**
 * The zip of one package, made beside the run rather than after it: full shards are deflated as the writer closes
 * them ({@link #shardDone}), and {@link #start} packs the rest on another thread while the validator reads the
 * staged files; {@link #publish} waits and moves the zip into place. The zip is the same bytes however the work
 * was spread (see {@link ShardDeflater}).
 */
final class ZipPacking {
    private final Path stage;
    private final Path output;
    private final ShardDeflater deflater;
    private CompletableFuture<Void> packing;
    private volatile Path pendingZip;

    ZipPacking(Path stage, Path output) throws IOException {
        this.stage = stage;
        this.output = output;
        this.deflater = ShardDeflater.beside(output);
    }

    static boolean isZip(Path output) {
        return output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    Path output() {
        return output;
    }

    /** A shard that will not change any more: deflate it now, beside the conversion. */
    void shardDone(String name) {
        deflater.submit(name, stage.resolve(name));
    }

    /** Starts packing the finished stage into a temporary zip beside the output (once). */
    void start() throws IOException {
        if (packing != null) {
            return;
        }
        Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), "." + output.getFileName(), ".tmp");
        pendingZip = tmp;
        packing = CompletableFuture.runAsync(() -> {
            try {
                PackageZip.write(stage, tmp, deflater);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "kaiten-import-zip");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for the zip and moves it to the output; a packing failure is rethrown as it happened. */
    void publish() throws IOException {
        start();
        Path tmp = pendingZip;
        try {
            ShardDeflater.join(packing, "packing the zip");
            PackageWriter.readable(tmp, false);
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            pendingZip = null;
        }
        deflater.close();
    }

    /** Lets running packing finish (its files are about to be deleted); its outcome no longer matters. */
    void awaitQuietly() {
        if (packing != null) {
            try {
                packing.join();
            } catch (RuntimeException ignored) {
                // the package is being thrown away
            }
        }
    }

    /** Stops deflating and deletes the half-written zip and the compressed data. */
    void discard() {
        deflater.close();
        try {
            Path zip = pendingZip;
            if (zip != null) {
                Files.deleteIfExists(zip);
            }
        } catch (IOException ignored) {
            // best effort on the way out
        }
    }
}
