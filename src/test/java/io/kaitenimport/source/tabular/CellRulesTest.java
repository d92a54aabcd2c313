package io.kaitenimport.source.tabular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one "yes" rule of every tabular source — the archived field, checkbox custom fields and the Excel layout's
 * Checklists sheet: a typed boolean as it is, a typed number when not zero, else text among {@code true_values}.
 */
class CellRulesTest {
    private static final CellRules RULES = new CellRules(TabularMapping.load(null));

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " yes ", "Y", "1", "x", "X", "да", "Да", "+"})
    void defaultTrueTexts(String text) {
        assertTrue(RULES.truthy(Cell.text(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "false", "no", "0", "2", "done", "нет", "-"})
    void otherTextsAreNo(String text) {
        assertFalse(RULES.truthy(Cell.text(text)));
    }

    @Test
    void typedValuesFollowTheirType() {
        assertTrue(RULES.truthy(new Cell("TRUE", Boolean.TRUE, null)));
        assertFalse(RULES.truthy(new Cell("yes", Boolean.FALSE, null)), "a typed boolean wins over its text");
        assertTrue(RULES.truthy(new Cell("2", 2.0, null)), "a typed number other than zero is yes, as in Excel");
        assertTrue(RULES.truthy(new Cell("0.5", 0.5, null)));
        assertFalse(RULES.truthy(new Cell("0", 0.0, null)));
    }

    @Test
    void theMappingDecidesTheTexts() {
        CellRules custom = new CellRules(new TabularMapping(null, null, null, null, null, null, List.of("done"), null, null));
        assertTrue(custom.truthy(Cell.text("Done")));
        assertFalse(custom.truthy(Cell.text("yes")));
    }

    /** The pattern-based split the hand-written one replaced, kept here as the reference. */
    private static List<String> referenceSplit(String text, String separator, boolean multi) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : CellRules.NEWLINE.split(text)) {
            String[] parts = multi ? line.split(java.util.regex.Pattern.quote(separator)) : new String[] {line};
            for (String p : parts) {
                String v = p.strip();
                if (!v.isEmpty() && !out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Test
    void splitsMultiValueCellsLikeThePatternSplit() {
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {'a', 'b', ',', ';', ' ', '\n', '\r', '|'};
        for (String sep : new String[] {",", ";", " | ", ",,"}) {
            CellRules rules = new CellRules(new TabularMapping(null, sep, null, null, null, null, null, null, null));
            for (int n = 0; n < 5_000; n++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(16);
                for (int i = 0; i < len; i++) {
                    sb.append(alphabet[random.nextInt(alphabet.length)]);
                }
                String text = sb.toString();
                if (text.isBlank() || text.strip().startsWith("[")) {
                    continue;
                }
                for (boolean multi : new boolean[] {true, false}) {
                    assertEquals(referenceSplit(text, sep, multi), rules.split(text, multi),
                            () -> "'" + text.replace("\n", "\\n").replace("\r", "\\r") + "' sep '" + sep + "'");
                }
            }
        }
    }
}
