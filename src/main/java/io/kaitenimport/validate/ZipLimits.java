package io.kaitenimport.validate;

/**
 * Zip-bomb guards. They apply both to what the central directory declares (checked before any content is read)
 * and to the bytes actually inflated, because the declared sizes are written by whoever made the archive.
 *
 * @param maxTotalBytes     uncompressed bytes of all entries together
 * @param maxEntryBytes     uncompressed bytes of one entry
 * @param maxRatio          uncompressed/compressed ratio allowed for an entry larger than {@code ratioFloorBytes}
 * @param ratioFloorBytes   entries up to this size may compress as well as they like (tiny JSON files do)
 * @param maxEntries        number of entries in the archive
 */
public record ZipLimits(long maxTotalBytes, long maxEntryBytes, long maxRatio, long ratioFloorBytes, int maxEntries) {
    public static final long MIB = 1L << 20;
    public static final long GIB = 1L << 30;

    public static final ZipLimits DEFAULT = new ZipLimits(4 * GIB, 2 * GIB, 100, MIB, 100_000);

    public ZipLimits {
        if (maxTotalBytes < 0 || maxEntryBytes < 0 || maxRatio < 1 || ratioFloorBytes < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("zip limits must not be negative");
        }
    }
}
