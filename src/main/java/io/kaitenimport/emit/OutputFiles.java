package io.kaitenimport.emit;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a single output file (a report, the Excel template) the way a user expects:
 * <ul>
 *   <li>a new or regular file is written beside the target and moved over it when complete, so a reader never
 *   sees half a file and a failure leaves the old one;</li>
 *   <li>a symlink keeps being a symlink: its target is replaced (regular file) or written through;</li>
 *   <li>a device or named pipe ({@code /dev/stdout}, {@code /dev/null}, a FIFO) is written through, never
 *   replaced by a plain file;</li>
 *   <li>a directory is refused with one line;</li>
 *   <li>the mode follows the umask (the temporary file is created like any other file, not 0600).</li>
 * </ul>
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Produces the content. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
        Path real = target;
        if (Files.isSymbolicLink(target)) {
            real = Files.exists(target) ? target.toRealPath() : target.resolveSibling(Files.readSymbolicLink(target));
        }
        if (Files.isDirectory(real)) {
            throw new SourceException(Location.file(target.toString()), "is a directory; give a file name");
        }
        if (Files.exists(real) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            // A device or a pipe: there is nothing to replace atomically, and replacing it would break it.
            try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE)) {
                body.write(out);
            }
            return;
        }
        Path parent = real.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = newTemp(parent, real.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                body.write(out);
            }
            if (Files.exists(real)) {
                // Replacing keeps the file's mode, as an editor saving it would.
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(real));
                } catch (UnsupportedOperationException | IOException ignored) {
                    // not a POSIX file system, or not ours to read: the umask default stays
                }
            }
            try {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file beside the target, created with the default mode (0666 less the umask) — unlike
     * {@link Files#createTempFile}, which makes it 0600.
     */
    public static Path newTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
