package io.kaitenimport.issue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {
    private static final Template NOT_A = IssueCode.SOURCE_VALUE_INVALID.template(
            "{field}: '{value}' cannot be read as a {type}; '{value}' left empty");

    @Test
    void partsAreNamedAndFilledInOrderOfFirstAppearance() {
        assertEquals(List.of("field", "value", "type"), NOT_A.parts());
        assertEquals("Due: '31.02' cannot be read as a date; '31.02' left empty", NOT_A.format("Due", "31.02", "date"));
        assertEquals(NOT_A.format("Due", "31.02", "date"),
                NOT_A.format(Map.of("type", "date", "value", "31.02", "field", "Due")));
    }

    @Test
    void valuesAreNeverReadAsTemplateSyntax() {
        assertEquals("x: '{type} $1 \\ %s' cannot be read as a n; '{type} $1 \\ %s' left empty",
                NOT_A.format("x", "{type} $1 \\ %s", "n"));
    }

    @Test
    void missingPartsAreABug() {
        assertThrows(IllegalArgumentException.class, () -> NOT_A.format("Due", "x"));
        assertThrows(IllegalArgumentException.class, () -> NOT_A.format(Map.of("field", "Due")));
    }

    @Test
    void anIssueOfATemplateHasItsCodeAndSeverity() {
        Issue i = NOT_A.at(Location.file("t.csv"), "Due", "x", "date");
        assertEquals(IssueCode.SOURCE_VALUE_INVALID, i.code());
        assertEquals(Severity.WARNING, i.severity());
        assertTrue(i.message().startsWith("Due: 'x'"));
    }

    @Test
    void catalogDefaultsUseNamedPartsOnly() {
        for (IssueCode c : IssueCode.values()) {
            assertFalse(c.template().text().contains("%"), c + ": " + c.template());
        }
        assertEquals("cards id 'k1' is used again (first at record #3 of cards_0.json)",
                IssueCode.ID_DUPLICATE.format("cards", "k1", 3, "cards_0.json"));
    }

    @Test
    void reportAndCountAsLostIsOneStepAtOnePosition() {
        Report report = new Report("convert");
        Location at = Location.cell("t.csv", 4, 2L, "Due");
        report.lost(NOT_A.at(at, "Due", "x", "date"), Loss.of("t.csv column 'Due'", "unreadable date value", 2));
        assertEquals(1, report.issues().size());
        LossLedger.Entry e = report.losses().entries().get(0);
        assertEquals(2, e.count());
        assertEquals(at, e.firstAt());
    }
}
