package io.kaitenimport.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** IntSort agrees with a boxed stable sort, so positions sorted by key keep their order among equal keys. */
class IntSortTest {
    @Test
    void sortsLikeAStableBoxedSort() {
        Random random = new Random(42);
        for (int n : new int[] {0, 1, 2, 3, 7, 64, 1000, 4097}) {
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = random.nextInt(10);
            }
            int[] order = new int[n];
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                boxed[i] = i;
            }
            IntSort.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
            Arrays.sort(boxed, Comparator.comparingInt(i -> keys[i]));
            assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), order, "n=" + n);
        }
    }
}
