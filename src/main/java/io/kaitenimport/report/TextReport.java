package io.kaitenimport.report;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;

import io.kaitenimport.model.Entity;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Severity;

import java.io.PrintWriter;
import java.util.Map;

/** The terminal report: what will arrive, what is wrong, what will be lost. */
public final class TextReport {
    private final int maxIssues;

    /** @param maxIssues how many issues to print before summarising the rest per code */
    public TextReport(int maxIssues) {
        this.maxIssues = maxIssues;
    }

    public void render(Report r, PrintWriter out) {
        for (Map.Entry<String, String> f : r.facts().entrySet()) {
            out.printf("%-14s %s%n", f.getKey() + ":", f.getValue());
        }
        out.println();
        out.println("Package contents");
        if (r.counts().isEmpty()) {
            out.println("  (no entity files)");
        }
        for (Entity e : Entity.values()) {
            Long n = r.counts().get(e);
            if (n != null) {
                out.printf("  %-20s %,10d%n", e.key(), n);
            }
        }
        out.println();
        out.printf("Issues: %d error(s), %d warning(s), %d note(s)%n",
                r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO));
        int printed = 0;
        for (Severity s : Severity.values()) {
            for (Issue i : r.issuesOf(s)) {
                if (printed < maxIssues) {
                    out.println("  " + i);
                    printed++;
                }
            }
        }
        long total = r.count(Severity.ERROR) + r.count(Severity.WARNING) + r.count(Severity.INFO);
        if (total > printed) {
            out.printf("  … %,d more; by code:%n", total - printed);
            for (Map.Entry<IssueCode, Long> c : r.issueCounts().entrySet()) {
                out.printf("    %-26s %,10d%n", c.getKey().code(), c.getValue());
            }
            out.println("  (use --report-json for the full list)");
        }
        out.println();
        SectionText.render(r.sections(), out);
        LossLedger losses = r.losses();
        if (losses.isEmpty()) {
            out.println("Data loss: none — every source value has a place in the package.");
        } else {
            out.printf("Data loss: %,d value(s) in %d field(s) cannot be carried into Kaiten%n", losses.total(),
                    losses.entries().size());
            for (LossLedger.Entry e : losses.entries()) {
                String at = e.firstAt().toString();
                out.printf("  %,8d × %s — %s%s%n", e.count(), e.sourceField(), e.reason(),
                        at.isEmpty() ? "" : " (first at " + at + ")");
            }
        }
        out.flush();
    }
}
