package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes an inflating stream really produces and stops at the first byte past a limit. The zip's
 * declared sizes were already checked, but they are only claims: a crafted archive can declare 1 KB and inflate
 * to gigabytes, so the same limits are enforced again on what is read.
 */
final class LimitedInputStream extends FilterInputStream {
    private final String name;
    private final long declaredSize;
    private final long compressedSize;
    private final ZipLimits limits;
    private final AtomicLong packageTotal;
    private long read;

    /**
     * @param declaredSize   uncompressed size the archive claims, or -1 when unknown
     * @param compressedSize compressed size the archive claims, or -1 when unknown
     * @param packageTotal   bytes inflated so far from every entry of the package, shared between streams
     */
    LimitedInputStream(InputStream in, String name, long declaredSize, long compressedSize, ZipLimits limits,
                       AtomicLong packageTotal) {
        super(in);
        this.name = name;
        this.declaredSize = declaredSize;
        this.compressedSize = compressedSize;
        this.limits = limits;
        this.packageTotal = packageTotal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are inflated all the same; read them so they are counted.
        byte[] sink = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    private void count(int n) throws IOException {
        read += n;
        long total = packageTotal.addAndGet(n);
        if (declaredSize >= 0 && read > declaredSize) {
            throw tooLarge("entry '%s' inflates past its declared size of %,d bytes", name, declaredSize);
        }
        if (read > limits.maxEntryBytes()) {
            throw tooLarge("entry '%s' inflates past the %,d-byte limit for one entry", name, limits.maxEntryBytes());
        }
        if (total > limits.maxTotalBytes()) {
            throw tooLarge("the package inflates past the %,d-byte limit", limits.maxTotalBytes());
        }
        if (compressedSize > 0 && read > limits.ratioFloorBytes() && read / compressedSize > limits.maxRatio()) {
            throw tooLarge("entry '%s' inflates more than %d times its compressed size", name, limits.maxRatio());
        }
    }

    private PackageException tooLarge(String format, Object... args) {
        return new PackageException(IssueCode.PACKAGE_TOO_LARGE, Location.file(name),
                String.format(java.util.Locale.ROOT, format, args));
    }
}
