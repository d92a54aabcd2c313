package io.kaitenimport.compact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An exact set of strings numbered 0, 1, 2… in insertion order, for millions of ids: the UTF-8 bytes live in 256 KB
 * byte chunks (no String or entry object per id), an open-addressing int table finds them. About
 * {@code length + 12} bytes per id (an 11-character key costs ≈ 23 bytes), and lookups compare the bytes, so
 * there are no hash collisions to get wrong — only when a slot's hash tag matches, so a miss rarely reads an id's
 * bytes. Not thread-safe.
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
    /**
     * 0 for empty, else {@code tag | ordinal + 1}: the ordinal in the low bits the slot index uses, the key's hash
     * bits above them as a tag (see {@link #find}). The length is a power of two.
     */
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
        long found = locate(id);
        if (found >= 0) {
            return (int) found;
        }
        int ordinal = append(id.getBytes(StandardCharsets.UTF_8));
        // The lookup stopped at the first empty slot of the key's chain, which takes the new id.
        slots[emptySlot(found)] = tagOf(hashOf(found), Integer.numberOfTrailingZeros(slots.length)) | (ordinal + 1);
        if (++size * 4L > slots.length * 3L) {
            grow();
        }
        return ordinal;
    }

    /**
     * The ordinal of {@code id}, or -1. Slots hold a tag (high hash bits) beside the ordinal, so a probe compares
     * bytes only when the tags agree: a miss walks its chain without touching the id bytes. ASCII keys — nearly
     * all ids — are hashed and compared straight from the String, folding case on the fly, without allocating.
     * A lookup writes nothing, so threads may look up at once while no id is being added.
     */
    public int find(String id) {
        long found = locate(id);
        return found >= 0 ? (int) found : -1;
    }

    /** {@link #probe}'s answer for {@code id}: its ordinal, or where and with which hash it would go. */
    private long locate(String id) {
        if (!foldCase) {
            return locateExact(id);
        }
        int n = id.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = id.charAt(i) < 0x80;
        }
        if (!ascii) {
            byte[] k = folded(id);
            return probe(hash(k, 0, k.length), null, k);
        }
        int h = 0x811c9dc5;
        for (int i = 0; i < n; i++) {
            h = (h ^ fold(id.charAt(i))) * 0x01000193;
        }
        return probe(mix(h), id, null);
    }

    /**
     * An exact table hashes with String's own hash code, which the String computes over its byte array once and
     * keeps: cheaper than walking the key char by char, which is what a lookup mostly costs.
     */
    private long locateExact(String id) {
        long found = probe(mix(id.hashCode()), id, null);
        if (found < 0 && !roundTrips(id)) {
            // A lone surrogate is stored as UTF-8 turns it ('?'): look for, and place, that stored form.
            String stored = new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            found = probe(mix(stored.hashCode()), stored, null);
        }
        return found;
    }

    /** Whether the UTF-8 bytes of {@code id} give it back: always, unless it holds a lone surrogate. */
    private static boolean roundTrips(String id) {
        for (int i = 0, n = id.length(); i < n; i++) {
            if (Character.isSurrogate(id.charAt(i))) {
                return new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(id);
            }
        }
        return true;
    }

    /**
     * Walks the chain of hash {@code h} for a key given as text or, when {@code bytes} is set, as UTF-8 bytes.
     * Returns its ordinal when found; else a negative number holding {@code h} and the empty slot that ended the
     * chain, where the key would go ({@link #hashOf}, {@link #emptySlot}).
     */
    private long probe(int h, String text, byte[] bytes) {
        int mask = slots.length - 1;
        int tag = tagOf(h, Integer.numberOfTrailingZeros(slots.length));
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return Long.MIN_VALUE | (h & 0xffffffffL) << 31 | i;
            }
            if ((s & ~mask) == tag) {
                int ordinal = (s & mask) - 1;
                // the stored id: its chunk, and where its bytes start after the length
                int start = starts.get(ordinal);
                byte[] c = chunks.get(start >>> CHUNK_BITS);
                int at = start & (CHUNK - 1);
                int len = readLength(c, at);
                int from = at + lengthBytes(len);
                boolean same = bytes != null ? equalsAt(c, from, len, bytes)
                        : foldCase ? equalsAscii(c, from, len, text) : sameId(c, from, len, text);
                if (same) {
                    return ordinal;
                }
            }
        }
    }

    private static int hashOf(long notFound) {
        return (int) (notFound >>> 31);
    }

    private static int emptySlot(long notFound) {
        return (int) (notFound & 0x7fffffff);
    }

    /** Whether stored bytes are exactly {@code id}; ASCII is compared in place, anything else as UTF-8 bytes. */
    private static boolean sameId(byte[] c, int from, int len, String id) {
        int n = id.length();
        if (len == n) {
            for (int i = 0; i < len; i++) {
                byte x = c[from + i];
                if (x < 0) {
                    return sameBytes(c, from, len, id);
                }
                if (x != id.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        // UTF-8 is longer than its chars only when something is not ASCII
        return len > n && sameBytes(c, from, len, id);
    }

    private static boolean sameBytes(byte[] c, int from, int len, String id) {
        byte[] k = id.getBytes(StandardCharsets.UTF_8);
        return k.length == len && java.util.Arrays.equals(c, from, from + len, k, 0, len);
    }

    /** The lower-cased UTF-8 bytes of a non-ASCII key of a folding table. */
    private static byte[] folded(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The hash bits above the slot index, in place: with {@code bits} index bits an ordinal + 1 fits below them
     * (the table always has more slots than ids), so a slot is {@code tag | ordinal + 1} in one int.
     */
    private static int tagOf(int h, int bits) {
        return bits >= 32 ? 0 : h & (-1 << bits);
    }

    private static void place(int[] table, int h, int ordinal) {
        int mask = table.length - 1;
        int i = h & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = tagOf(h, Integer.numberOfTrailingZeros(table.length)) | (ordinal + 1);
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
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

    /** Whether stored bytes equal an ASCII key, case folded (folding tables only). */
    private static boolean equalsAscii(byte[] c, int from, int len, String id) {
        if (len == id.length()) {
            for (int i = 0; i < len; i++) {
                byte x = c[from + i];
                if (x < 0) {
                    return slowEquals(c, from, len, id);
                }
                if (fold((char) x) != fold(id.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        return slowEquals(c, from, len, id);
    }

    /** Case folding beyond ASCII may change lengths (the Kelvin sign folds to 'k'): compare as String does. */
    private static boolean slowEquals(byte[] c, int from, int len, String id) {
        for (int i = 0; i < len; i++) {
            if (c[from + i] < 0) {
                return java.util.Arrays.equals(folded(c, from, len), folded(id));
            }
        }
        return false; // an ASCII id of another length
    }

    /** Whether stored bytes, case folded, are the folded key {@code b} (folding tables, non-ASCII keys). */
    private static boolean equalsAt(byte[] c, int from, int len, byte[] b) {
        for (int i = 0; i < len; i++) {
            if (c[from + i] < 0) {
                return java.util.Arrays.equals(folded(c, from, len), b);
            }
        }
        if (len != b.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            byte x = c[from + i];
            if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != b[i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        for (int ordinal = 0; ordinal < size; ordinal++) {
            int start = starts.get(ordinal);
            byte[] c = chunks.get(start >>> CHUNK_BITS);
            int at = start & (CHUNK - 1);
            int len = readLength(c, at);
            place(bigger, storedHash(c, at + lengthBytes(len), len), ordinal);
        }
        slots = bigger;
    }

    /** The hash of a stored id's key, as {@link #find} computes it for the same key. */
    private int storedHash(byte[] c, int from, int len) {
        if (!foldCase) {
            return mix(stringHash(c, from, len));
        }
        int h = 0x811c9dc5;
        for (int i = from; i < from + len; i++) {
            byte x = c[i];
            if (x < 0) {
                byte[] k = folded(c, from, len);
                return hash(k, 0, k.length);
            }
            h = (h ^ (x >= 'A' && x <= 'Z' ? x + 32 : x)) * 0x01000193;
        }
        return mix(h);
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

    /** {@link String#hashCode} of the UTF-8 text stored at {@code from}. */
    private static int stringHash(byte[] c, int from, int len) {
        int h = 0;
        for (int i = from; i < from + len; i++) {
            byte x = c[i];
            if (x < 0) {
                return new String(c, from, len, StandardCharsets.UTF_8).hashCode();
            }
            h = 31 * h + x;
        }
        return h;
    }

    /** FNV-1a with a final avalanche, so linear probing sees well-spread slots even for sequential keys. */
    private static int hash(byte[] b, int from, int len) {
        int h = 0x811c9dc5;
        for (int i = from; i < from + len; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
