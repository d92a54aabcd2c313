package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import io.kaitenimport.issue.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportOrderTest {
    @TempDir
    Path tmp;

    private static TestPackage broken() {
        return TestPackage.valid()
                .set("users", 0, "/email", "\"not-an-email\"")
                .set("cards", 1, "/title", "\"\"")
                .set("cards", 0, "/member_ids", "[\"u1\", \"x2\", \"x3\", \"x4\", \"x5\", \"x6\", \"x7\", \"x8\", "
                        + "\"x9\", \"x10\", \"x11\"]")
                .set("comments", 0, "/card_id", "\"k9\"")
                .set("card_timers", 0, "/finished_at", "\"2024-07-22T06:00:00.000Z\"")
                .file("stray.json", "[]");
    }

    @Test
    void issuesAreSortedByFileRecordAndPointer() {
        List<String> order = Check.validate(broken().writeDir(tmp)).issues().stream()
                .map(i -> i.location().file() + " " + i.location().recordIndex() + " " + i.location().pointer())
                .distinct().toList();
        assertEquals(List.of(
                "card_timers_0.json 0 /finished_at",
                "cards_0.json 0 /member_ids/1", "cards_0.json 0 /member_ids/2", "cards_0.json 0 /member_ids/3",
                "cards_0.json 0 /member_ids/4", "cards_0.json 0 /member_ids/5", "cards_0.json 0 /member_ids/6",
                "cards_0.json 0 /member_ids/7", "cards_0.json 0 /member_ids/8", "cards_0.json 0 /member_ids/9",
                "cards_0.json 0 /member_ids/10",
                "cards_0.json 1 /title",
                "comments_0.json 0 /card_id",
                "stray.json null null",
                "users_0.json 0 /email"), order);
    }

    @Test
    void samePackageGivesTheSameReportFromDirectoryAndZip() {
        TestPackage pkg = broken();
        List<String> fromDir = Check.validate(pkg.writeDir(tmp.resolve("d"))).issues().stream()
                .map(Issue::toString).toList();
        List<String> again = Check.validate(tmp.resolve("d")).issues().stream().map(Issue::toString).toList();
        List<String> fromZip = Check.validate(pkg.writeZip(tmp.resolve("p.zip"))).issues().stream()
                .map(Issue::toString).toList();
        assertEquals(fromDir, again);
        assertEquals(fromDir, fromZip);
    }

    @Test
    void collectorKeepsTheFirstIssuesInOrderAndCountsTheRest() {
        IssueCollector collector = new IssueCollector();
        int total = Report.KEEP_PER_CODE + 10;
        for (int i = total - 1; i >= 0; i--) {
            collector.add(IssueCode.ID_MISSING, Location.record("cards_0.json", (long) i, null, "/id"));
        }
        Report report = new Report("validate");
        collector.flushTo(report);
        List<Long> kept = report.issues().stream().map(i -> i.location().recordIndex()).toList();
        assertEquals(java.util.stream.LongStream.range(0, Report.KEEP_PER_CODE).boxed().toList(), kept);
        assertEquals((long) total, report.issueCounts().get(IssueCode.ID_MISSING));
        assertEquals((long) total, report.errors());
    }
}
