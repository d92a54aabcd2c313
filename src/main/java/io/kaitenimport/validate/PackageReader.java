package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Read access to a package, whatever holds it. Names are '/'-separated and relative to the package root; only
 * regular files are listed. Implementations refuse unsafe packages when opened, before any content is read.
 */
public interface PackageReader extends AutoCloseable {

    /** Every file in the package, sorted. */
    List<String> names();

    /** True when {@code name} (normalized, './' allowed) is a file of the package. */
    boolean exists(String name);

    /** Streams one file; the caller closes the stream. */
    InputStream open(String name) throws IOException;

    @Override
    void close() throws IOException;

    /** A directory reader for a directory, a zip reader for anything else. */
    static PackageReader open(Path path, ZipLimits limits) throws PackageException {
        if (Files.isDirectory(path)) {
            return DirectoryPackageReader.open(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new PackageException(IssueCode.PACKAGE_UNREADABLE, Location.file(path.toString()),
                    "no such file or directory: " + path);
        }
        return ZipPackageReader.open(path, limits);
    }
}
