package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import io.kaitenimport.archive.ZipCheck;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A zip package, read in place and never extracted. Everything that can make the archive dangerous is checked
 * from the central directory when it is opened, so a refused package has had none of its content inflated.
 */
public final class ZipPackageReader implements PackageReader {
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> files;
    private final ZipLimits limits;
    private final AtomicLong inflated = new AtomicLong();

    private ZipPackageReader(ZipFile zip, Map<String, ZipArchiveEntry> files, ZipLimits limits) {
        this.zip = zip;
        this.files = files;
        this.limits = limits;
    }

    public static ZipPackageReader open(Path path, ZipLimits limits) throws PackageException {
        try {
            ZipCheck.checkEntryCount(path, limits.maxEntries(), "package");
        } catch (ZipCheck.Refused e) {
            throw new PackageException(IssueCode.PACKAGE_TOO_LARGE, Location.file(path.toString()), e.getMessage());
        } catch (IOException e) {
            throw new PackageException(IssueCode.PACKAGE_UNREADABLE, Location.file(path.toString()),
                    "not a readable zip archive (" + describe(e) + ")");
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(path).get();
        } catch (IOException | RuntimeException e) {
            throw new PackageException(IssueCode.PACKAGE_UNREADABLE, Location.file(path.toString()),
                    "not a readable zip archive (" + describe(e) + ")");
        }
        try {
            return new ZipPackageReader(zip, inspect(zip, limits), limits);
        } catch (PackageException | RuntimeException e) {
            ZipFile.closeQuietly(zip);
            throw e;
        }
    }

    /** Checks every central-directory record and returns the file entries by name. */
    private static Map<String, ZipArchiveEntry> inspect(ZipFile zip, ZipLimits limits) throws PackageException {
        Map<String, ZipArchiveEntry> files = new TreeMap<>();
        long total = 0;
        int count = 0;
        Enumeration<ZipArchiveEntry> entries = zip.getEntries();
        while (entries.hasMoreElements()) {
            ZipArchiveEntry entry = entries.nextElement();
            String name = entry.getName();
            if (++count > limits.maxEntries()) {
                throw new PackageException(IssueCode.PACKAGE_TOO_LARGE,
                        String.format(Locale.ROOT, "the zip has more than %,d entries", limits.maxEntries()));
            }
            // A directory entry is harmless by itself, but '../' in it is still an attempt to leave the package.
            String bare = entry.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (PackagePaths.isUnsafe(bare)) {
                throw new PackageException(IssueCode.PACKAGE_UNSAFE_PATH, Location.file(name), name);
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (!ZipCheck.readable(entry)) {
                throw PackageException.withMessage(IssueCode.PACKAGE_UNREADABLE, Location.file(name),
                        "entry '" + name + "' is compressed with " + ZipCheck.methodName(entry) + ", which "
                                + "kaiten-import does not read (nor does Kaiten expect it); re-zip the package with "
                                + "ordinary deflate compression");
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                throw tooLarge(name, "entry '%s' declares %,d bytes; the limit for one entry is %,d bytes",
                        name, size, limits.maxEntryBytes());
            }
            if (size > limits.ratioFloorBytes() && compressed > 0 && size / compressed > limits.maxRatio()) {
                throw tooLarge(name, "entry '%s' expands %,d times (%,d to %,d bytes); the limit is %d",
                        name, size / compressed, compressed, size, limits.maxRatio());
            }
            if (size > 0) {
                total += size;
                if (total > limits.maxTotalBytes()) {
                    throw tooLarge(name, "the zip declares more than %,d uncompressed bytes", limits.maxTotalBytes());
                }
            }
            // Two entries with one name let the validator read one and the importer the other.
            if (files.putIfAbsent(PackagePaths.normalize(name), entry) != null) {
                throw PackageException.withMessage(IssueCode.PACKAGE_UNSAFE_PATH, Location.file(name),
                        "the zip holds more than one entry named '" + name + "'");
            }
        }
        return files;
    }

    private static PackageException tooLarge(String name, String format, Object... args) {
        return new PackageException(IssueCode.PACKAGE_TOO_LARGE, Location.file(name),
                String.format(Locale.ROOT, format, args));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(files.keySet()));
    }

    @Override
    public boolean exists(String name) {
        return !PackagePaths.isUnsafe(name) && files.containsKey(PackagePaths.normalize(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
        ZipArchiveEntry entry = PackagePaths.isUnsafe(name) ? null : files.get(PackagePaths.normalize(name));
        if (entry == null) {
            throw new java.nio.file.NoSuchFileException(name);
        }
        if (!ZipCheck.readable(entry) || !zip.canReadEntryData(entry)) {
            // Only this entry is lost; the scanner reports it and goes on with the others.
            throw new IOException("entry uses an unsupported compression method or is encrypted");
        }
        return new LimitedInputStream(zip.getInputStream(entry), entry.getName(), entry.getSize(),
                entry.getCompressedSize(), limits, inflated);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
