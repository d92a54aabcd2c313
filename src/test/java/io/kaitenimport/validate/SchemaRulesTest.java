package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entity files: container shape, well-formed JSON, and each schema keyword family with its own code. */
class SchemaRulesTest {
    private static final String CARDS = "cards_0.json";

    @TempDir
    Path tmp;

    private Report validate(TestPackage pkg) {
        return Check.validate(pkg.writeDir(tmp));
    }

    @Test
    void entityFileThatIsNotAnArray() {
        Path dir = TestPackage.valid().writeDir(tmp);
        TestPackage.empty().file("comments_0.json", "{\"id\": \"m1\"}").writeDirInto(dir);
        Issue issue = Check.only(Check.validate(dir), IssueCode.FILE_NOT_ARRAY);
        Check.at(issue, "comments_0.json", null, null, "");
        assertEquals("expected a JSON array of comments records (found an object)", issue.message());
    }

    @Test
    void mappingFileThatIsNotAnObject() {
        Path dir = TestPackage.valid().writeDir(tmp);
        TestPackage.empty().file("columns_mapping_0.json", "[]").writeDirInto(dir);
        Report report = Check.validate(dir);
        Issue issue = Check.single(report, IssueCode.FILE_NOT_ARRAY);
        Check.at(issue, "columns_mapping_0.json", null, null, "");
        // the card in the mapped column now points at nothing
        Check.at(Check.single(report, IssueCode.REF_UNRESOLVED), CARDS, 1L, "k2", "/column_id");
    }

    @Test
    void malformedJsonGivesRecordIndexLineAndColumn() {
        Path dir = TestPackage.valid().writeDir(tmp);
        TestPackage.empty().file("comments_0.json", "[\n{\"id\": \"m1\", \"card_id\": \"k1\", \"text\": \"a\"},\n"
                + "{\"id\": \"m2\", \"card_id\": \"k1\" \"text\": \"b\"}\n]").writeDirInto(dir);
        Report report = Check.validate(dir);
        Issue issue = Check.single(report, IssueCode.FILE_MALFORMED_JSON);
        Check.at(issue, "comments_0.json", 1L, null, null);
        assertEquals(3L, issue.location().line());
        assertEquals(30L, issue.location().column()); // the quote of "text", where a comma was due
    }

    @Test
    void contentAfterTheArrayIsMalformed() {
        Path dir = TestPackage.valid().writeDir(tmp);
        TestPackage.empty().file("card_timers_0.json", "[]\n[]").writeDirInto(dir);
        Issue issue = Check.only(Check.validate(dir), IssueCode.FILE_MALFORMED_JSON);
        Check.at(issue, "card_timers_0.json", null, null, null);
        assertEquals(2L, issue.location().line());
        assertEquals("malformed JSON: unexpected content after the end of the array", issue.message());
    }

    @Test
    void requiredFieldMissing() {
        Issue issue = Check.only(validate(TestPackage.valid().remove("cards", 1, "title")), IssueCode.SCHEMA_REQUIRED);
        Check.at(issue, CARDS, 1L, "k2", "/title");
        assertEquals("required field 'title' is missing", issue.message());
    }

    @Test
    void nestedRequiredFieldNamesItsParent() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/tags/0", "{}")),
                IssueCode.SCHEMA_REQUIRED);
        Check.at(issue, CARDS, 0L, "k1", "/tags/0/name");
        assertEquals("required field 'name' is missing in tags/0", issue.message());
    }

    @Test
    void wrongType() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/archived", "\"yes\"")),
                IssueCode.SCHEMA_TYPE);
        Check.at(issue, CARDS, 0L, "k1", "/archived");
        assertEquals("archived is a string; expected boolean", issue.message());
    }

    @Test
    void valueNotInEnum() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/description_type", "\"text\"")),
                IssueCode.SCHEMA_ENUM);
        Check.at(issue, CARDS, 0L, "k1", "/description_type");
        assertTrue(issue.message().startsWith("description_type is 'text'; allowed values are markdown, html"),
                issue.message());
    }

    @Test
    void textTooLong() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 1, "/title", "\"" + "x".repeat(1300) + "\"")),
                IssueCode.SCHEMA_LENGTH);
        Check.at(issue, CARDS, 1L, "k2", "/title");
        assertEquals("title is 1,300 characters; the maximum is 1024", issue.message());
    }

    @Test
    void badDateTimeFormat() {
        Issue issue = Check.only(validate(TestPackage.valid().set("comments", 0, "/created", "\"2024-13-01 10:00\"")),
                IssueCode.SCHEMA_FORMAT);
        Check.at(issue, "comments_0.json", 0L, "m1", "/created");
        assertEquals("created is not a valid date-time: '2024-13-01 10:00'", issue.message());
    }

    @Test
    void badEmailFormat() {
        Report report = validate(TestPackage.valid().set("users", 0, "/email", "\"ann at example\""));
        // both the "format" and the schema's stricter "pattern" reject it, and both are format issues
        assertTrue(report.issues().stream().allMatch(i -> i.code() == IssueCode.SCHEMA_FORMAT), Check.dump(report));
        Issue first = report.issues().get(0);
        Check.at(first, "users_0.json", 0L, "u1", "/email");
    }

    @Test
    void dateObjectAcceptsDateOrDateTimeAndSaysSoOnce() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/due_date/value", "\"26.07.2024\"")),
                IssueCode.SCHEMA_FORMAT);
        Check.at(issue, CARDS, 0L, "k1", "/due_date/value");
        assertEquals("due_date/value is not a valid date or date-time: '26.07.2024'", issue.message());
    }

    @Test
    void unknownField() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/titel", "\"typo\"")),
                IssueCode.SCHEMA_UNKNOWN_FIELD);
        Check.at(issue, CARDS, 0L, "k1", "/titel");
        assertEquals("unknown field 'titel'", issue.message());
    }

    @Test
    void otherKeyword() {
        Issue issue = Check.only(validate(TestPackage.valid().set("cards", 0, "/estimate_workload", "-1")),
                IssueCode.SCHEMA_OTHER);
        Check.at(issue, CARDS, 0L, "k1", "/estimate_workload");
    }

    @Test
    void mappingFileIsCheckedAsOneObject() {
        Issue issue = Check.only(validate(TestPackage.valid().entity("properties_mapping", "{\"pm1\": \"fourteen\"}")),
                IssueCode.SCHEMA_TYPE);
        Check.at(issue, "properties_mapping_0.json", null, null, "/pm1");
        assertEquals("pm1 is a string; expected integer", issue.message());
    }

    @Test
    void recordThatIsNotAnObject() {
        Issue issue = Check.only(validate(TestPackage.valid().add("comments", "\"hello\"")), IssueCode.SCHEMA_TYPE);
        Check.at(issue, "comments_0.json", 2L, null, "");
        assertEquals("the record is a string; expected object", issue.message());
    }
}
