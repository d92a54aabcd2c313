package io.kaitenimport.compact;

import java.util.Arrays;

/** A growable int array: no boxing, one object however many values. */
public final class IntArray {
    private int[] values = new int[16];
    private int size;

    public void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = v;
    }

    public int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    public void set(int i, int v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        values[i] = v;
    }

    /** Grows to {@code n} values, new ones set to {@code fill}. */
    public void ensureSize(int n, int fill) {
        while (size < n) {
            add(fill);
        }
    }

    public int size() {
        return size;
    }
}
