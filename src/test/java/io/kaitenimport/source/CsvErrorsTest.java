package io.kaitenimport.source;


import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Readers that still parse with Commons CSV take the line of a syntax error from its message, and Commons CSV groups
 * the digits in the default locale ("at line: 1,502, position: 30,814"). Past line 999 the line was lost.
 */
class CsvErrorsTest {
    @Test
    void readsTheLineHoweverItsDigitsAreGrouped() {
        assertEquals(7L, CsvErrors.lineIn("Invalid char at line: 7, position: 120"));
        assertEquals(1502L, CsvErrors.lineIn("Invalid character between encapsulated token and delimiter at line: "
                + "1,502, position: 30,814"));
        assertEquals(1502L, CsvErrors.lineIn("... at line: 1.502, position: 30.814"));
        assertEquals(1502L, CsvErrors.lineIn("... at line: 1\u202f502, position: 30\u202f814"));
        assertEquals(1234567L, CsvErrors.lineIn("... at line: 1'234'567, position: 9'999'999"));
        assertNull(CsvErrors.lineIn("no line here"));
    }

    @Test
    void aMessageFromCommonsCsvItselfPastLine999() {
        StringBuilder b = new StringBuilder("email,name\n");
        for (int i = 0; i < 1500; i++) {
            b.append("u").append(i).append("@x.com,User ").append(i).append('\n');
        }
        b.append("bad@x.com,\"unclosed x\"y,z\n");
        Exception e = assertThrows(Exception.class, () -> {
            try (var p = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new StringReader(b.toString()))) {
                p.forEach(r -> { });
            }
        });
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        assertEquals(1502L, CsvErrors.lineIn(message), message);
    }
}
