package io.kaitenimport.compact;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongSetTest {
    @Test
    void agreesWithAHashSetOverManyPairsAndResizes() {
        LongSet set = new LongSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long v = LongArray.pair(random.nextInt(50_000) - 100, random.nextInt(50_000));
            assertEquals(expected.add(v), set.add(v));
        }
        assertEquals(expected.size(), set.size());
        for (long v : expected) {
            assertTrue(set.contains(v));
        }
        assertFalse(set.contains(LongArray.pair(60_000, 1)));
    }

    @Test
    void holdsTheValueItUsesAsTheFreeMarkerAndZero() {
        LongSet set = new LongSet();
        assertFalse(set.contains(Long.MIN_VALUE));
        assertTrue(set.add(Long.MIN_VALUE));
        assertFalse(set.add(Long.MIN_VALUE));
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.contains(Long.MIN_VALUE));
        assertTrue(set.contains(0));
        assertEquals(2, set.size());
    }
}
