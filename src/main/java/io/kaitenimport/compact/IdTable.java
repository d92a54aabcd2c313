package io.kaitenimport.compact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An exact set of strings numbered 0, 1, 2… in insertion order, for millions of ids: the UTF-8 bytes live in 256 KB
 * byte chunks (no String or entry object per id), an open-addressing int table finds them. About
 * {@code length + 12} bytes per id (an 11-character key costs ≈ 23 bytes), and lookups compare the bytes, so
 * there are no hash collisions to get wrong. Not thread-safe.
 */
public final class IdTable {
    /**
     * 256 KB chunks: below half of G1's smallest region, so they are ordinary objects rather than "humongous"
     * ones (a 1 MB array plus its header would take two whole regions and waste half the heap it holds).
     */
    private static final int CHUNK_BITS = 18;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final List<byte[]> chunks = new ArrayList<>();
    private int chunkUsed = CHUNK;
    /** Where each id's bytes start: chunk number in the high bits, offset in the low ones. */
    private final IntArray starts = new IntArray();
    /** ordinal + 1 per slot, 0 for empty; the length is a power of two. */
    private int[] slots = new int[16];
    private int size;
    private final boolean foldCase;

    /** An exact table: ids compare byte for byte. */
    public IdTable() {
        this(false);
    }

    /**
     * @param foldCase ids that differ only in case ({@code toLowerCase(Locale.ROOT)}) are the same id; the first
     *                 spelling is the one kept
     */
    public IdTable(boolean foldCase) {
        this.foldCase = foldCase;
    }

    public int size() {
        return size;
    }

    /** The ordinal of {@code id}, adding it when new. */
    public int intern(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        byte[] k = key(id, b);
        int h = hash(k, 0, k.length);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                int ordinal = append(b);
                slots[i] = ordinal + 1;
                if (++size * 4L > slots.length * 3L) {
                    grow();
                }
                return ordinal;
            }
            if (equalsAt(s - 1, k)) {
                return s - 1;
            }
        }
    }

    private byte[] key(String id, byte[] bytes) {
        return foldCase ? id.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8) : bytes;
    }

    /** The ordinal of {@code id}, or -1. */
    public int find(String id) {
        byte[] b = key(id, id.getBytes(StandardCharsets.UTF_8));
        int mask = slots.length - 1;
        for (int i = hash(b, 0, b.length) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (equalsAt(s - 1, b)) {
                return s - 1;
            }
        }
    }

    public String get(int ordinal) {
        int start = starts.get(ordinal);
        byte[] c = chunks.get(start >>> CHUNK_BITS);
        int at = start & (CHUNK - 1);
        int len = readLength(c, at);
        int from = at + lengthBytes(len);
        return new String(c, from, len, StandardCharsets.UTF_8);
    }

    private int append(byte[] b) {
        int need = lengthBytes(b.length) + b.length;
        if (chunkUsed + need > CHUNK) {
            chunks.add(new byte[Math.max(CHUNK, need)]);
            chunkUsed = 0;
        }
        byte[] c = chunks.get(chunks.size() - 1);
        int start = ((chunks.size() - 1) << CHUNK_BITS) | chunkUsed;
        int at = chunkUsed;
        int len = b.length;
        // Length as a little-endian varint of 7-bit groups.
        while (len >= 0x80) {
            c[at++] = (byte) (len | 0x80);
            len >>>= 7;
        }
        c[at++] = (byte) len;
        System.arraycopy(b, 0, c, at, b.length);
        chunkUsed = at + b.length;
        starts.add(start);
        return starts.size() - 1;
    }

    private boolean equalsAt(int ordinal, byte[] b) {
        int start = starts.get(ordinal);
        byte[] c = chunks.get(start >>> CHUNK_BITS);
        int at = start & (CHUNK - 1);
        int len = readLength(c, at);
        if (foldCase) {
            byte[] stored = folded(c, at + lengthBytes(len), len);
            return java.util.Arrays.equals(stored, b);
        }
        if (len != b.length) {
            return false;
        }
        return java.util.Arrays.equals(c, at + lengthBytes(len), at + lengthBytes(len) + len, b, 0, len);
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int ordinal = 0; ordinal < size; ordinal++) {
            int start = starts.get(ordinal);
            byte[] c = chunks.get(start >>> CHUNK_BITS);
            int at = start & (CHUNK - 1);
            int len = readLength(c, at);
            int i;
            if (foldCase) {
                byte[] k = folded(c, at + lengthBytes(len), len);
                i = hash(k, 0, k.length) & mask;
            } else {
                i = hash(c, at + lengthBytes(len), len) & mask;
            }
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = ordinal + 1;
        }
        slots = bigger;
    }

    /** The lower-case UTF-8 bytes of a stored id: ASCII is folded in place, anything else through String. */
    private static byte[] folded(byte[] c, int from, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            byte x = c[from + i];
            if (x < 0) {
                return new String(c, from, len, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT)
                        .getBytes(StandardCharsets.UTF_8);
            }
            out[i] = x >= 'A' && x <= 'Z' ? (byte) (x + 32) : x;
        }
        return out;
    }

    private static int readLength(byte[] c, int at) {
        int len = 0;
        int shift = 0;
        byte x;
        do {
            x = c[at++];
            len |= (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return len;
    }

    private static int lengthBytes(int len) {
        int n = 1;
        while (len >= 0x80) {
            len >>>= 7;
            n++;
        }
        return n;
    }

    /** FNV-1a with a final avalanche, so linear probing sees well-spread slots even for sequential keys. */
    private static int hash(byte[] b, int from, int len) {
        int h = 0x811c9dc5;
        for (int i = from; i < from + len; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
