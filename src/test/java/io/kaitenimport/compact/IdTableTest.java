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

    @Test
    void exactTableAgreesWithAHashMapOnRandomText() {
        // ASCII, accented, Cyrillic, astral (surrogate pairs) and lone surrogates, over many resizes
        String alphabet = "aZ09-_ éЖ\u00ff\u0100\ud83d\ude00\ud800";
        java.util.Random r = new java.util.Random(5);
        java.util.Map<String, Integer> oracle = new java.util.HashMap<>();
        IdTable t = new IdTable();
        for (int i = 0; i < 60_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(9); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String id = b.toString();
            // ids are kept as UTF-8, which turns a lone surrogate into '?': that is the id the table knows
            String stored = new String(id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (r.nextBoolean()) {
                Integer expected = oracle.computeIfAbsent(stored, x -> oracle.size());
                assertEquals(expected, t.intern(id), id);
                assertEquals(stored, t.get(expected), id);
            } else {
                assertEquals(oracle.getOrDefault(stored, -1), t.find(id), id);
            }
        }
        assertEquals(oracle.size(), t.size());
    }

    @Test
    void foldingTableMatchesAnyCaseAndKeepsTheFirstSpelling() {
        IdTable t = new IdTable(true);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            assertEquals(i, t.intern((i % 2 == 0 ? "Task-" : "BUG-") + i));
        }
        for (int i = 0; i < n; i += 7) {
            String id = (i % 2 == 0 ? "Task-" : "BUG-") + i;
            assertEquals(i, t.find(id.toUpperCase(java.util.Locale.ROOT)));
            assertEquals(i, t.find(id.toLowerCase(java.util.Locale.ROOT)));
            assertEquals(i, t.intern(id.toLowerCase(java.util.Locale.ROOT)), "no second entry for another case");
            assertEquals(id, t.get(i), "the first spelling is kept");
        }
        assertEquals(n, t.size());
        assertEquals(-1, t.find("task-" + n));
        assertEquals(-1, t.find("Task-1x"));
    }

    @Test
    void foldingBeyondAsciiComparesLikeStringLowerCase() {
        IdTable t = new IdTable(true);
        int cyr = t.intern("Задача-7");
        int kelvin = t.intern("\u212A-1"); // KELVIN SIGN lower-cases to ASCII 'k'
        int ascii = t.intern("plain");
        assertEquals(cyr, t.find("ЗАДАЧА-7"));
        assertEquals(cyr, t.find("задача-7"));
        assertEquals(kelvin, t.find("k-1"), "an ASCII key finds a non-ASCII id that folds to it");
        assertEquals(kelvin, t.find("K-1"));
        assertEquals(ascii, t.find("PLAIN"));
        assertEquals(-1, t.find("k-2"));
        assertEquals(-1, t.find("Задача-8"));
        assertEquals("\u212A-1", t.get(kelvin));
    }
}
