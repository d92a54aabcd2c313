package io.kaitenimport.compact;

/** A stable sort of an int array by a comparator of ints: orders positions of millions of records without boxing. */
public final class IntSort {
    /** Compares two ints (typically positions whose keys live in compact arrays). */
    @FunctionalInterface
    public interface Comparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    /** Merge sort: stable, O(n log n), one scratch array of the same length. */
    public static void sort(int[] a, Comparator c) {
        if (a.length < 2) {
            return;
        }
        int[] src = a;
        int[] dst = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length; lo += 2 * width) {
                int mid = Math.min(lo + width, a.length);
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = c.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, a.length);
        }
    }
}
