package io.kaitenimport.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipMethod;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a zip before any library builds its central directory in memory: the entry count comes from the end
 * record (a million tiny entries would otherwise exhaust the heap while opening), and entries compressed with a
 * method we cannot inflate are refused by name instead of failing deep inside a decoder.
 *
 * <p>Methods read: stored, deflate, and the two Commons Compress inflates itself (deflate64, bzip2). Refused:
 * XZ, LZMA, Zstandard, PPMd, implode, shrink and the rest — no spreadsheet program or Kaiten package writer produces
 * them, and reading XZ/LZMA would need another codec library for archives nobody makes.
 */
public final class ZipCheck {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final Set<Integer> READABLE = Set.of(ZipMethod.STORED.getCode(), ZipMethod.DEFLATED.getCode(),
            ZipMethod.ENHANCED_DEFLATED.getCode(), ZipMethod.BZIP2.getCode());

    private ZipCheck() {
    }

    /** Why a zip is refused; the message is one line in our words. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The number of entries the zip's end record declares, or -1 when the file has no end record (not a zip, or a
     * truncated one; the zip reader says which).
     */
    public static long declaredEntries(Path zip) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65_535 + 20);
            ByteBuffer buf = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(buf, size - tail);
            for (int i = tail - 22; i >= 0; i--) {
                if (buf.getInt(i) != EOCD) {
                    continue;
                }
                long entries = Short.toUnsignedInt(buf.getShort(i + 10));
                if (entries == 0xFFFF && i >= 20 && buf.getInt(i - 20) == ZIP64_LOCATOR) {
                    long zip64At = buf.getLong(i - 20 + 8);
                    ByteBuffer z = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
                    if (zip64At >= 0 && zip64At + 56 <= size) {
                        ch.read(z, zip64At);
                        if (z.getInt(0) == ZIP64_EOCD) {
                            entries = z.getLong(32);
                        }
                    }
                }
                return entries;
            }
            return -1;
        }
    }

    /** Refuses a zip that declares more than {@code maxEntries} entries, naming the limit. */
    public static void checkEntryCount(Path zip, long maxEntries, String what) throws IOException {
        long declared = declaredEntries(zip);
        if (declared > maxEntries) {
            throw new Refused(String.format(Locale.ROOT, "the %s declares %,d zip entries; the limit is %,d "
                    + "(a real one has far fewer: this looks like a zip bomb)", what, declared, maxEntries));
        }
    }

    /** Whether this tool can inflate the entry's compression method. */
    public static boolean readable(ZipArchiveEntry entry) {
        return READABLE.contains(entry.getMethod());
    }

    /** "XZ (method 95)": the method's name as users may find it in their zip tool. */
    public static String methodName(ZipArchiveEntry entry) {
        ZipMethod m = ZipMethod.getMethodByCode(entry.getMethod());
        String name = m == null ? "unknown" : m.name().replace('_', ' ');
        return name + " (method " + entry.getMethod() + ")";
    }

    /** Refuses an entry whose compression method cannot be read. */
    public static void checkMethod(ZipArchiveEntry entry, String container) throws Refused {
        if (!readable(entry)) {
            throw new Refused("zip entry '" + entry.getName() + "' in " + container + " is compressed with "
                    + methodName(entry) + ", which kaiten-import does not read; re-create the archive with ordinary "
                    + "(deflate) compression");
        }
    }
}
