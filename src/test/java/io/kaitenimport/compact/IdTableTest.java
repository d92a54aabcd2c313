package io.kaitenimport.compact;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdTableTest {
    @Test
    void numbersIdsInOrderAndFindsThemExactly() {
        IdTable t = new IdTable();
        int n = 300_000; // several chunks' worth and many resizes
        for (int i = 0; i < n; i++) {
            assertEquals(i, t.intern("TASK-" + i));
        }
        assertEquals(n, t.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i, t.intern("TASK-" + i), "interning again gives the same number");
            assertEquals(i, t.find("TASK-" + i));
            assertEquals("TASK-" + i, t.get(i));
        }
        assertEquals(-1, t.find("TASK-" + n));
        assertEquals(-1, t.find("task-1"), "exact, case-sensitive comparison");
    }

    @Test
    void keepsUnicodeLongAndEmptyIds() {
        IdTable t = new IdTable();
        String longId = "карточка-".repeat(200);
        int a = t.intern(longId);
        int b = t.intern("");
        int c = t.intern("Задача 7");
        assertEquals(longId, t.get(a));
        assertEquals("", t.get(b));
        assertEquals("Задача 7", t.get(c));
        assertEquals(c, t.find("Задача 7"));
    }
}
