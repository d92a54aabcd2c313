package io.kaitenimport.compact;

/**
 * A set of longs (typically {@link LongArray#pair} id pairs) for "seen before?" checks over millions of values:
 * one open-addressing long array, no boxing or entry objects, about 16–32 bytes per value. Not thread-safe.
 */
public final class LongSet {
    /** Marks a free slot; the value itself is remembered by {@link #hasEmptyMarker}. */
    private static final long FREE = Long.MIN_VALUE;

    private long[] slots = newSlots(16);
    private int size;
    private boolean hasEmptyMarker;

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        java.util.Arrays.fill(s, FREE);
        return s;
    }

    /** Adds {@code v}; false when it was already there. */
    public boolean add(long v) {
        if (v == FREE) {
            boolean added = !hasEmptyMarker;
            hasEmptyMarker = true;
            size += added ? 1 : 0;
            return added;
        }
        int mask = slots.length - 1;
        for (int i = spread(v) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == v) {
                return false;
            }
            if (s == FREE) {
                slots[i] = v;
                if (++size * 4L > slots.length * 3L) {
                    grow();
                }
                return true;
            }
        }
    }

    public boolean contains(long v) {
        if (v == FREE) {
            return hasEmptyMarker;
        }
        int mask = slots.length - 1;
        for (int i = spread(v) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == v) {
                return true;
            }
            if (s == FREE) {
                return false;
            }
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length * 2);
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != FREE) {
                int i = spread(v) & mask;
                while (slots[i] != FREE) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    /** A 64-bit finaliser (MurmurHash3's), so sequential pairs do not cluster under linear probing. */
    private static int spread(long v) {
        long h = v;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
