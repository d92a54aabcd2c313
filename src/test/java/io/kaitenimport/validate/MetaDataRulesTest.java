package io.kaitenimport.validate;

import io.kaitenimport.issue.Severity;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetaDataRulesTest {
    private static final String META = "meta-data.json";
    private static final String USERS = "[{\"id\": \"u1\", \"email\": \"a@example.com\"}]";

    @TempDir
    Path tmp;

    private Report validate(String meta) {
        return Check.validate(TestPackage.empty().entity("users", USERS).meta(meta).writeDir(tmp));
    }

    @Test
    void missingMetaData() {
        Path dir = TestPackage.empty().file("users_0.json", USERS).writeDir(tmp);
        java.nio.file.Path meta = dir.resolve(META);
        assertTrue(meta.toFile().delete() || !meta.toFile().exists());
        Issue issue = Check.only(Check.validate(dir), IssueCode.META_MISSING);
        Check.at(issue, null, null, null, null);
    }

    @Test
    void malformedMetaDataGivesLineAndColumn() {
        Issue issue = Check.only(validate("{\n  \"entities\": [\"users\",,]\n}"), IssueCode.META_SCHEMA);
        Check.at(issue, META, null, null, null);
        assertEquals(2L, issue.location().line());
        assertTrue(issue.location().column() > 0);
        assertTrue(issue.message().startsWith("not valid JSON"), issue.message());
    }

    @Test
    void metaDataNotMatchingItsSchema() {
        Issue issue = Check.only(validate("{\"entities\": [\"users\"], \"entities_paths_map\": "
                + "{\"users\": [\"./users_0.json\"]}, \"version\": 2}"), IssueCode.META_SCHEMA);
        Check.at(issue, META, null, null, "/version");
        assertEquals("unknown field 'version'", issue.message());
    }

    @Test
    void metaDataThatIsNotAnObject() {
        Issue issue = Check.single(validate("[]"), IssueCode.META_SCHEMA);
        Check.at(issue, META, null, null, "");
        assertEquals("meta-data.json is an array; expected object", issue.message());
    }

    @Test
    void wrongTypeIsReportedWithoutItsConsequences() {
        // 3 is not a string, and so also not one of the entity names: only the first is worth saying
        Issue issue = Check.only(validate("{\"entities\": [\"users\", 3], \"entities_paths_map\": "
                + "{\"users\": [\"./users_0.json\"]}}"), IssueCode.META_SCHEMA);
        Check.at(issue, META, null, null, "/entities/1");
        assertEquals("entities/1 is an integer; expected string", issue.message());
    }

    @Test
    void unknownEntity() {
        Issue issue = Check.only(validate("{\"entities\": [\"users\", \"tasks\"], \"entities_paths_map\": "
                + "{\"users\": [\"./users_0.json\"], \"tasks\": [\"./users_0.json\"]}}"), IssueCode.META_UNKNOWN_ENTITY);
        Check.at(issue, META, null, null, "/entities/1");
        assertEquals("unknown entity 'tasks'", issue.message());
    }

    @Test
    void listedEntityWithoutPath() {
        Report report = Check.validate(TestPackage.empty().entity("users", USERS).entity("spaces", "[]")
                .meta("{\"entities\": [\"users\", \"spaces\"], \"entities_paths_map\": "
                        + "{\"users\": [\"./users_0.json\"]}}").writeDir(tmp));
        Issue issue = Check.single(report, IssueCode.META_ENTITY_WITHOUT_PATH);
        Check.at(issue, META, null, null, "/entities/1");
        // spaces_0.json is then referenced by nothing, which is worth its own warning
        Check.at(Check.single(report, IssueCode.META_FILE_UNLISTED), "spaces_0.json", null, null, null);
        assertEquals(2, report.issues().size(), Check.dump(report));
    }

    @Test
    void pathForUnlistedEntity() {
        Report report = Check.validate(TestPackage.empty().entity("users", USERS).entity("spaces", "[]")
                .meta("{\"entities\": [\"users\"], \"entities_paths_map\": "
                        + "{\"users\": [\"./users_0.json\"], \"spaces\": [\"./spaces_0.json\"]}}").writeDir(tmp));
        Issue issue = Check.only(report, IssueCode.META_PATH_NOT_LISTED);
        Check.at(issue, META, null, null, "/entities_paths_map/spaces");
    }

    @Test
    void boardsWithoutColumns() {
        Path dir = TestPackage.valid().without("columns").without("columns_mapping").without("cards")
                .without("comments").without("files").without("card_timers").writeDir(tmp);
        Issue issue = Check.only(Check.validate(dir), IssueCode.META_BOARDS_COLUMNS);
        Check.at(issue, META, null, null, "/entities/3");
        assertEquals("'boards' is listed without 'columns'", issue.message());
    }

    @Test
    void pathWithDotDotOrAbsoluteIsUnsafe() {
        Report report = validate("{\"entities\": [\"users\"], \"entities_paths_map\": "
                + "{\"users\": [\"./users_0.json\", \"./../outside.json\", \"/etc/users.json\"]}}");
        assertEquals(2, report.issues().size(), Check.dump(report));
        Issue dotDot = report.issues().get(0);
        Issue absolute = report.issues().get(1);
        assertEquals(IssueCode.META_PATH_UNSAFE, dotDot.code());
        assertEquals(IssueCode.META_PATH_UNSAFE, absolute.code());
        Check.at(dotDot, META, null, null, "/entities_paths_map/users/1");
        Check.at(absolute, META, null, null, "/entities_paths_map/users/2");
    }

    @Test
    void arrayPathWithoutDotSlashIsUnsafe() {
        Issue issue = Check.only(validate("{\"entities\": [\"users\"], \"entities_paths_map\": "
                + "{\"users\": [\"users_0.json\"]}}"), IssueCode.META_PATH_UNSAFE);
        Check.at(issue, META, null, null, "/entities_paths_map/users/0");
        assertEquals("path 'users_0.json' must start with './'", issue.message());
    }

    @Test
    void listedFileMissing() {
        Issue issue = Check.only(validate("{\"entities\": [\"users\"], \"entities_paths_map\": "
                + "{\"users\": [\"./users_0.json\", \"./users_1.json\"]}}"), IssueCode.META_FILE_MISSING);
        Check.at(issue, META, null, null, "/entities_paths_map/users/1");
        assertEquals("file './users_1.json' does not exist", issue.message());
    }

    @Test
    void unreferencedJsonFileIsAWarningButFilesFolderIsIgnored() {
        Path dir = TestPackage.valid().file("notes/extra.json", "[]").file("files/a9/data.json", "{}").writeDir(tmp);
        Issue issue = Check.only(Check.validate(dir), IssueCode.META_FILE_UNLISTED);
        Check.at(issue, "notes/extra.json", null, null, null);
        assertEquals(io.kaitenimport.issue.Severity.WARNING, issue.severity());
    }
}
