package io.kaitenimport.compact;

import java.util.Arrays;

/** A growable long array, typically of two ints packed as {@code (a << 32) | b} pairs that sort by a, then b. */
public final class LongArray {
    private long[] values = new long[16];
    private int size;

    public static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    public static int first(long pair) {
        return (int) (pair >>> 32);
    }

    public static int second(long pair) {
        return (int) pair;
    }

    public void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = v;
    }

    public int size() {
        return size;
    }

    public long get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    public void set(int i, long v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        values[i] = v;
    }

    /** Sorts and removes repeated values, in place. */
    public void sortUnique() {
        Arrays.sort(values, 0, size);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == 0 || values[n - 1] != values[i]) {
                values[n++] = values[i];
            }
        }
        size = n;
    }

    /** Whether a sorted array holds {@code v}. */
    public boolean containsSorted(long v) {
        return Arrays.binarySearch(values, 0, size, v) >= 0;
    }

    /** In a sorted array, the first position whose value is at least {@code v} (size when none). */
    public int lowerBound(long v) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public void clear() {
        values = new long[16];
        size = 0;
    }
}
