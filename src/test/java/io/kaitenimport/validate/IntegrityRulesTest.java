package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Severity;

import io.kaitenimport.issue.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ids and references across records, one test per rule, each on the valid package with one thing broken. */
class IntegrityRulesTest {
    @TempDir
    Path tmp;

    private Report validate(TestPackage pkg) {
        return Check.validate(pkg.writeDir(tmp));
    }

    @Test
    void duplicateIdNamesTheFirstOccurrenceAndComparesNumbersAsStrings() {
        Issue issue = Check.only(validate(TestPackage.valid().add("users", "{\"id\": \"2\", \"email\": \"c@example.com\"}")),
                IssueCode.ID_DUPLICATE);
        Check.at(issue, "users_0.json", 2L, "2", "/id");
        assertEquals("users id '2' is used again (first at record #1 of users_0.json)", issue.message());
    }

    @Test
    void missingIdReplacesTheSchemaError() {
        Issue issue = Check.only(validate(TestPackage.valid().remove("comments", 1, "id")), IssueCode.ID_MISSING);
        Check.at(issue, "comments_0.json", 1L, null, "/id");
    }

    @Test
    void blankIdIsMissing() {
        Issue issue = Check.only(validate(TestPackage.valid().set("comments", 1, "/id", "\" \"")), IssueCode.ID_MISSING);
        Check.at(issue, "comments_0.json", 1L, null, "/id");
    }

    /** entity, record, where to write the bad id, its JSON, the expected pointer, record id, and what was expected. */
    @ParameterizedTest(name = "{0}#{1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "columns|0|/board_id|`b9`|/board_id|c1|board",
        "boards|0|/space_id|`s9`|/space_id|b1|space",
        "boards|0|/author_id|`u9`|/author_id|b1|user",
        "spaces|0|/parent_entity_id|`x9`|/parent_entity_id|s1|space, folder or document",
        "folders|0|/parent_entity_id|`x9`|/parent_entity_id|f1|space, folder or document",
        "documents|0|/parent_entity_id|`x9`|/parent_entity_id|d1|space, folder or document",
        "document_files|0|/document_id|`d9`|/document_id|df1|document",
        "cards|0|/column_id|`c9`|/column_id|k1|column or columns_mapping key",
        "cards|0|/owner_id|`u9`|/owner_id|k1|user",
        "cards|0|/responsible_id|9|/responsible_id|k1|user",
        "cards|0|/member_ids/2|`u9`|/member_ids/2|k1|user",
        "cards|0|/checklists/0/items/0/checked_by|`u9`|/checklists/0/items/0/checked_by|k1|user",
        "cards|0|/checklists/0/items/0/created_by|`u9`|/checklists/0/items/0/created_by|k1|user",
        "cards|0|/checklists/0/items/0/responsible_id|`u9`|/checklists/0/items/0/responsible_id|k1|user",
        "cards|0|/history/0/author_id|`u9`|/history/0/author_id|k1|user",
        "cards|0|/history/0/old_value/column_id|`c9`|/history/0/old_value/column_id|k1|column or columns_mapping key",
        "cards|0|/history/0/new_value/column_id|`c9`|/history/0/new_value/column_id|k1|column or columns_mapping key",
        "cards|0|/properties/3/id|`cf9`|/properties/3/id|k1|custom field or properties_mapping key",
        "cards|0|/properties/0/value/1|`o9`|/properties/0/value/1|k1|option of custom field 'cf1'",
        "cards|0|/properties/2/value/1|`u9`|/properties/2/value/1|k1|user",
        "cards|1|/parent_card_ids/1|`k9`|/parent_card_ids/1|k2|card",
        "cards|0|/child_card_ids/1|`k9`|/child_card_ids/1|k1|card",
        "cards|0|/blocks_card_ids/1|`k9`|/blocks_card_ids/1|k1|card",
        "cards|1|/blocked_by_card_ids/1|`k9`|/blocked_by_card_ids/1|k2|card",
        "cards|1|/related_card_ids/1|`k9`|/related_card_ids/1|k2|card",
        "cards|1|/planned_predecessors/1|{`id`: `k9`}|/planned_predecessors/1/id|k2|card",
        "comments|0|/card_id|`k9`|/card_id|m1|card",
        "comments|1|/parent_id|`m9`|/parent_id|m2|comment",
        "comments|0|/author_id|`u9`|/author_id|m1|user",
        "files|0|/card_id|`k9`|/card_id|a1|card",
        "files|0|/author_id|`u9`|/author_id|a1|user",
        "files|0|/custom_field_id|`cf9`|/custom_field_id|a1|custom field or properties_mapping key",
        "card_timers|0|/card_id|`k9`|/card_id|t1|card",
        "card_timers|0|/author_id|`u9`|/author_id|t1|user",
    })
    void unresolvedReference(String entity, int index, String setAt, String json, String pointer, String id,
                             String noun) {
        String value = json.replace('`', '"');
        Issue issue = Check.only(validate(TestPackage.valid().set(entity, index, setAt, value)),
                IssueCode.REF_UNRESOLVED);
        Check.at(issue, entity + "_0.json", (long) index, id, pointer);
        String bad = value.startsWith("{") ? "k9" : value.replace("\"", "");
        assertEquals(pointer.substring(1) + " '" + bad + "' does not match any " + noun + " in the package",
                issue.message());
    }

    @Test
    void cardReferringToItself() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/child_card_ids/1", "\"k1\"")),
                IssueCode.REF_SELF);
        Check.at(issue, "cards_0.json", 0L, "k1", "/child_card_ids/1");
        assertEquals("card refers to itself in child_card_ids", issue.message());
    }

    @Test
    void parentChildCycle() {
        Issue issue = Check.only(validate(TestPackage.valid()
                        .set("cards", 0, "/parent_card_ids", "[\"k2\"]")
                        .set("cards", 1, "/child_card_ids", "[\"k1\"]")),
                IssueCode.REF_CYCLE);
        Check.at(issue, "cards_0.json", 0L, "k1", "/parent_card_ids/0");
        assertEquals("parent links form a cycle: k1 → k2 → k1 (each is a child of the next)", issue.message());
    }

    @Test
    void longerCycleIsReportedOnce() {
        Report report = validate(TestPackage.valid()
                .add("cards", "{\"id\": \"k3\", \"column_id\": \"c1\", \"title\": \"Three\", \"parent_card_ids\": [\"k2\"]}")
                .set("cards", 0, "/parent_card_ids", "[\"k3\"]"));
        Issue issue = Check.single(report, IssueCode.REF_CYCLE);
        Check.at(issue, "cards_0.json", 0L, "k1", "/parent_card_ids/0");
        assertEquals("parent links form a cycle: k1 → k3 → k2 → k1 (each is a child of the next)", issue.message());
    }

    /**
     * k1 is k2's parent and k3's child, and k3 comes last: the parent links go both ways in file order, so the
     * cycle search runs (when they all go one way it is skipped, as no cycle can), and finds none.
     */
    @Test
    void parentsBeforeAndAfterTheirChildrenAreNoCycle() {
        Check.clean(validate(TestPackage.valid()
                .add("cards", "{\"id\": \"k3\", \"column_id\": \"c1\", \"title\": \"Three\", \"child_card_ids\": [\"k1\"]}")
                .set("cards", 0, "/parent_card_ids", "[\"k3\"]")));
    }

    /** The same three with the last link turned round: now a cycle, found among links that mostly go one way. */
    @Test
    void cycleAmongLinksBothWays() {
        Issue issue = Check.single(validate(TestPackage.valid()
                .add("cards", "{\"id\": \"k3\", \"column_id\": \"c1\", \"title\": \"Three\", \"parent_card_ids\": [\"k2\"], \"child_card_ids\": [\"k1\"]}")
                .set("cards", 0, "/parent_card_ids", "[\"k3\"]")
                .set("cards", 1, "/child_card_ids", "[\"k3\"]")), IssueCode.REF_CYCLE);
        assertEquals("parent links form a cycle: k1 → k3 → k2 → k1 (each is a child of the next)", issue.message());
    }

    @Test
    void oneSidedParentChild() {
        Issue issue = Check.only(validate(TestPackage.valid().remove("cards", 1, "parent_card_ids")),
                IssueCode.REF_ASYMMETRIC);
        Check.at(issue, "cards_0.json", 0L, "k1", "/child_card_ids/0");
        assertEquals(Severity.WARNING, issue.severity());
        assertEquals("card 'k1' lists 'k2' in child_card_ids, but that card does not list it back in parent_card_ids",
                issue.message());
    }

    @Test
    void oneSidedBlocks() {
        Issue issue = Check.only(validate(TestPackage.valid().remove("cards", 0, "blocks_card_ids")),
                IssueCode.REF_ASYMMETRIC);
        Check.at(issue, "cards_0.json", 1L, "k2", "/blocked_by_card_ids/0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1|`3`|/properties/1/value|properties/1/value must be a number for number field 'cf2'; it is a string '3'",
        "1|[3]|/properties/1/value|properties/1/value must be a number for number field 'cf2'; it is an array [3]",
        "0|`o1`|/properties/0/value|properties/0/value must be an array of option ids for select field 'cf1'; it is a string 'o1'",
        "2|`2`|/properties/2/value|properties/2/value must be an array of user ids for user field 'cf3'; it is a string '2'",
    })
    void propertyValueNotFittingItsField(int property, String json, String pointer, String message) {
        Issue issue = Check.only(validate(TestPackage.valid()
                        .set("cards", 0, "/properties/" + property + "/value", json.replace('`', '"'))),
                IssueCode.PROPERTY_VALUE);
        Check.at(issue, "cards_0.json", 0L, "k1", pointer);
        assertEquals(message, issue.message());
    }

    @Test
    void timerEndingBeforeItStarts() {
        Issue issue = Check.only(validate(TestPackage.valid()
                        .set("card_timers", 0, "/finished_at", "\"2024-07-22T06:59:59.000Z\"")),
                IssueCode.TIMER_ORDER);
        Check.at(issue, "card_timers_0.json", 0L, "t1", "/finished_at");
        assertEquals("finished_at 2024-07-22T06:59:59.000Z is before started_at 2024-07-22T07:00:00.000Z",
                issue.message());
    }

    @Test
    void twoUsersWithOneEmailIgnoringCase() {
        Issue issue = Check.only(validate(TestPackage.valid()
                        .add("users", "{\"id\": \"u3\", \"email\": \"ANN@Example.com\"}")),
                IssueCode.USER_EMAIL_DUPLICATE);
        Check.at(issue, "users_0.json", 2L, "u3", "/email");
        assertEquals(Severity.WARNING, issue.severity());
        assertEquals("email 'ANN@Example.com' is also user 'u1'", issue.message());
    }

    @Test
    void attachmentBinaryMissing() {
        Issue issue = Check.only(validate(TestPackage.valid().set("files", 0, "/path", "\"./files/a1/gone.png\"")),
                IssueCode.FILE_PATH_MISSING);
        Check.at(issue, "files_0.json", 0L, "a1", "/path");
        assertEquals("path './files/a1/gone.png' is not in the package", issue.message());
    }

    @Test
    void documentFileBinaryMissing() {
        Issue issue = Check.only(validate(TestPackage.valid()
                        .set("document_files", 0, "/path", "\"./files/df1/gone.pdf\"")),
                IssueCode.FILE_PATH_MISSING);
        Check.at(issue, "document_files_0.json", 0L, "df1", "/path");
    }

    @Test
    void documentBodyMissing() {
        Issue issue = Check.only(validate(TestPackage.valid()
                        .set("documents", 0, "/path", "\"./documents/d1/gone.md\"")),
                IssueCode.DOCUMENT_PATH_MISSING);
        Check.at(issue, "documents_0.json", 0L, "d1", "/path");
        assertEquals("path './documents/d1/gone.md' is not in the package", issue.message());
    }

    @Test
    void documentBodyOutsideThePackageIsASchemaError() {
        Report report = validate(TestPackage.valid().set("documents", 0, "/path", "\"./../secret.md\""));
        org.junit.jupiter.api.Assertions.assertTrue(report.issues().stream().anyMatch(i ->
                i.code() == IssueCode.SCHEMA_FORMAT && "/path".equals(i.location().pointer())), Check.dump(report));
        org.junit.jupiter.api.Assertions.assertTrue(report.issues().stream().anyMatch(i ->
                i.code() == IssueCode.DOCUMENT_PATH_MISSING), Check.dump(report));
    }

    @Test
    void folderAndDocumentParentCycle() {
        Issue issue = Check.only(validate(TestPackage.valid().set("folders", 0, "/parent_entity_id", "\"d1\"")),
                IssueCode.REF_CYCLE);
        Check.at(issue, "folders_0.json", 0L, "f1", "/parent_entity_id");
        assertEquals("parent links form a cycle: f1 → d1 → f1", issue.message());
    }

    @Test
    void documentIsItsOwnParent() {
        Issue issue = Check.only(validate(TestPackage.valid().set("documents", 0, "/parent_entity_id", "\"d1\"")),
                IssueCode.REF_CYCLE);
        assertEquals("parent links form a cycle: d1 → d1", issue.message());
    }
}
