package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import io.kaitenimport.issue.Report;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the validator tests. */
final class Check {
    private Check() {
    }

    static Report validate(Path pkg) {
        Report report = new Report("validate");
        Validator.validate(pkg, report).counts().forEach(report::count);
        return report;
    }

    static Report validate(Path pkg, ZipLimits limits) {
        Report report = new Report("validate");
        new Validator(SchemaCatalog.standard(), limits).run(pkg, report);
        return report;
    }

    static void clean(Report report) {
        assertTrue(report.issues().isEmpty(), () -> "expected no issues, got:\n" + dump(report));
    }

    /** The report's only issue, which must have this code. */
    static Issue only(Report report, IssueCode code) {
        assertEquals(1, report.issues().size(), () -> "expected exactly one " + code.code() + ", got:\n" + dump(report));
        Issue issue = report.issues().get(0);
        assertEquals(code, issue.code(), () -> dump(report));
        assertEquals(code.severity(), issue.severity());
        return issue;
    }

    /** The one issue with this code among possibly others. */
    static Issue single(Report report, IssueCode code) {
        List<Issue> found = report.issues().stream().filter(i -> i.code() == code).toList();
        assertEquals(1, found.size(), () -> "expected exactly one " + code.code() + ", got:\n" + dump(report));
        assertEquals(code.severity(), found.get(0).severity());
        return found.get(0);
    }

    /** Asserts file, record index, record id and pointer of an issue. */
    static void at(Issue issue, String file, Long index, String id, String pointer) {
        Location l = issue.location();
        String where = issue.toString();
        assertEquals(file, l.file(), where);
        assertEquals(index, l.recordIndex(), where);
        assertEquals(id, l.recordId(), where);
        assertEquals(pointer, l.pointer(), where);
    }

    static String dump(Report report) {
        StringBuilder sb = new StringBuilder();
        report.issues().forEach(i -> sb.append("  ").append(i).append('\n'));
        return sb.toString();
    }
}
