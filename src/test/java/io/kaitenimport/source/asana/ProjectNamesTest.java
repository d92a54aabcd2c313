package io.kaitenimport.source.asana;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Project names with a comma in an Asana CSV, told from lists of projects by the whole export. */
class ProjectNamesTest {
    @Test
    void piecesNeverListedApartAreOneName() {
        ProjectNames names = ProjectNames.of(List.of("Sales, EMEA", "Sales, EMEA, Marketing", "Marketing"));
        assertEquals(List.of("Sales, EMEA"), names.names("Sales, EMEA"));
        assertEquals(List.of("Sales, EMEA", "Marketing"), names.names("Sales, EMEA, Marketing"));
        assertEquals(List.of(new ProjectNames.Joined("Sales, EMEA", List.of("Sales", "EMEA"))), names.joined());
    }

    @Test
    void aProjectListedAloneAnywhereStaysItsOwn() {
        // the bundled sample's cells: two projects, each also alone
        ProjectNames names = ProjectNames.of(List.of("Product launch", "Product launch, Marketing", "Marketing"));
        assertEquals(List.of("Product launch", "Marketing"), names.names("Product launch, Marketing"));
        assertEquals(List.of(), names.joined());
        // one side alone is enough: "A" is followed by nothing in one cell
        ProjectNames oneSide = ProjectNames.of(List.of("A, B", "A"));
        assertEquals(List.of("A", "B"), oneSide.names("A, B"));
    }

    @Test
    void aNameOfThreePiecesAndLineBreaks() {
        ProjectNames names = ProjectNames.of(List.of("Q3, 2024, EMEA  ", "Q3, 2024, EMEA\nOps"));
        assertEquals(List.of("Q3, 2024, EMEA"), names.names("Q3, 2024, EMEA  "));
        assertEquals(List.of("Q3, 2024, EMEA", "Ops"), names.names("Q3, 2024, EMEA\nOps"));
        // a line break never joins: "EMEA" and "Ops" are separate projects though always together
        assertEquals(List.of(new ProjectNames.Joined("Q3, 2024, EMEA", List.of("Q3", "2024", "EMEA"))),
                names.joined());
    }

    @Test
    void aCellNotSeenBeforeIsSplitAtEveryCommaAndRepeatsGoOnce() {
        ProjectNames names = ProjectNames.of(List.of("A, A"));
        assertEquals(List.of("A"), names.names("A, A"));
        assertEquals(List.of("X", "Y"), names.names("X, Y"));
        assertEquals(List.of(), names.names(null));
    }
}
