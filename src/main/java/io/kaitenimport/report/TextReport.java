package io.kaitenimport.report;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;
import io.kaitenimport.model.Entity;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The terminal report, short enough to read (about 40 lines on a big export): what will arrive, issues by code,
 * the data losses that matter most, and what to do next. Every detail is in {@code --report-json/-html}; paths
 * are shown relative to the working directory.
 */
public final class TextReport {
    /** Lines per list (issue codes, lost fields) before "… N more". */
    static final int LIST_LINES = 8;
    private static final int WIDTH = 150;

    private final int maxIssues;
    private final Display display;

    /** @param maxIssues how many single issues (errors first) to print below the summary by code */
    public TextReport(int maxIssues) {
        this(maxIssues, Display.here());
    }

    public TextReport(int maxIssues, Display display) {
        this.maxIssues = maxIssues;
        this.display = display;
    }

    public void render(Report r, PrintWriter out) {
        facts(r, out);
        contents(r, out);
        issues(r, out);
        SectionText.render(r.sections(), out);
        losses(r, out);
        nextSteps(r, out);
        out.flush();
    }

    private void facts(Report r, PrintWriter out) {
        for (Map.Entry<String, String> f : r.facts().entrySet()) {
            out.println(line(String.format("%-14s %s", f.getKey() + ":", display.text(f.getValue()))));
        }
    }

    private void contents(Report r, PrintWriter out) {
        out.println();
        List<String> parts = new ArrayList<>();
        for (Entity e : Entity.values()) {
            Long n = r.counts().get(e);
            if (n != null) {
                parts.add(Numbers.n(n) + " " + entityName(e, n));
            }
        }
        out.println(parts.isEmpty() ? "Package contents: (no entity files)" : wrap("Package contents: ", parts));
    }

    private void issues(Report r, PrintWriter out) {
        out.println();
        long total = r.count(Severity.ERROR) + r.count(Severity.WARNING) + r.count(Severity.INFO);
        out.printf("Issues: %s, %s, %s%n", Numbers.count(r.count(Severity.ERROR), "error"),
                Numbers.count(r.count(Severity.WARNING), "warning"), Numbers.count(r.count(Severity.INFO), "note"));
        if (total == 0) {
            return;
        }
        List<Map.Entry<IssueCode, Long>> codes = new ArrayList<>(r.issueCounts().entrySet());
        codes.sort(Comparator.comparing((Map.Entry<IssueCode, Long> c) -> c.getKey().severity())
                .thenComparing(Map.Entry.<IssueCode, Long>comparingByValue().reversed())
                .thenComparing(c -> c.getKey().code()));
        int shown = 0;
        for (Map.Entry<IssueCode, Long> c : codes) {
            if (shown++ == LIST_LINES) {
                out.printf("  … %s more%n", Numbers.count(codes.size() - LIST_LINES, "code"));
                break;
            }
            Issue first = r.issues().stream().filter(i -> i.code() == c.getKey()).findFirst().orElse(null);
            String where = first == null ? "" : display.location(first.location(), input(r));
            String at = where.isEmpty() ? "" : " — first at " + where;
            // A code seen once shows its message (it says more than the title); a frequent one its title.
            boolean once = c.getValue() == 1 && first != null;
            String what = once ? (where.isEmpty() ? "" : where + ": ") + display.text(first.message())
                    : c.getKey().title() + at;
            out.println(line(String.format("  %-7s %-24s %7s  %s", label(c.getKey().severity()),
                    c.getKey().code(), Numbers.n(c.getValue()), what)));
        }
        List<Issue> sample = sample(r, maxIssues);
        if (!sample.isEmpty()) {
            out.println("First issues (--max-issues N for more, --report-json FILE for all):");
        }
        for (Issue i : sample) {
            String where = display.location(i.location(), input(r));
            // Single issues are the details asked for: printed whole, never cut.
            out.println("  " + label(i.severity()) + " " + i.code().code() + (where.isEmpty() ? "" : " at " + where)
                    + ": " + display.text(i.message()));
        }
    }

    /**
     * Up to {@code max} issues, errors first, taking one of each code in turn so that one noisy code does not fill
     * the screen with near-identical lines. Notes are left to the files.
     */
    static List<Issue> sample(Report r, int max) {
        List<Issue> out = new ArrayList<>();
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING)) {
            Map<IssueCode, java.util.Deque<Issue>> byCode = new java.util.TreeMap<>();
            for (Issue i : r.issuesOf(s)) {
                byCode.computeIfAbsent(i.code(), k -> new java.util.ArrayDeque<>()).add(i);
            }
            while (out.size() < max && byCode.values().stream().anyMatch(q -> !q.isEmpty())) {
                for (java.util.Deque<Issue> q : byCode.values()) {
                    if (!q.isEmpty() && out.size() < max) {
                        out.add(q.poll());
                    }
                }
            }
        }
        return out;
    }

    private static String input(Report r) {
        return r.facts().get("input");
    }

    private void losses(Report r, PrintWriter out) {
        out.println();
        LossLedger ledger = r.losses();
        if (ledger.isEmpty()) {
            out.println("convert".equals(r.command())
                    ? "Data loss: none — every source value has a place in the package."
                    : "Data loss: not measured (a package has no source to compare with; `convert` reports it).");
            return;
        }
        List<LossLedger.Entry> entries = ledger.entries();
        long content = LossRank.CONTENT.total(entries);
        long history = LossRank.HISTORY.total(entries);
        long harmless = LossRank.HARMLESS.total(entries);
        StringBuilder head = new StringBuilder("Data loss: ").append(Numbers.count(content, "value"))
                .append(" of content");
        if (history > 0) {
            head.append(", ").append(Numbers.count(history, "history event"));
        }
        if (harmless > 0) {
            head.append("; ").append(Numbers.n(harmless)).append(" harmless (order, layout) not counted");
        }
        out.println(head);
        List<LossLedger.Entry> ranked = LossRank.ranked(entries).stream()
                .filter(e -> LossRank.of(e) != LossRank.HARMLESS).toList();
        for (int k = 0; k < Math.min(LIST_LINES, ranked.size()); k++) {
            LossLedger.Entry e = ranked.get(k);
            String at = display.location(e.firstAt(), input(r));
            out.println(line(String.format("  %8s × %s — %s%s", Numbers.n(e.count()), field(e), e.reason(),
                    at.isEmpty() ? "" : " (first at " + at + ")")));
        }
        if (ranked.size() > LIST_LINES) {
            out.printf("  … and %s (all in --report-html / --report-json)%n",
                    Numbers.count(ranked.size() - LIST_LINES, "more field"));
        }
    }

    private void nextSteps(Report r, PrintWriter out) {
        List<NextSteps.Step> steps = NextSteps.of(r);
        if (steps.isEmpty()) {
            return;
        }
        out.println();
        out.println("Next steps");
        int n = 0;
        for (NextSteps.Step s : steps) {
            if (n == 6) {
                out.printf("  … %s more in --report-html%n", Numbers.count(steps.size() - 6, "step"));
                break;
            }
            out.println(line(String.format("  %d. %s", ++n, display.text(s.toString()))));
        }
    }

    /** The source field without the file name that its "first at" position repeats. */
    private String field(LossLedger.Entry e) {
        String f = e.sourceField();
        String file = e.firstAt().file();
        if (file != null && f.startsWith(file + " ")) {
            return f.substring(file.length() + 1);
        }
        return display.text(f);
    }

    /** {@code boards} → {@code 1 board}, {@code custom_properties} → {@code 1 custom property}. */
    public static String entityName(Entity e, long n) {
        String plural = e.key().replace('_', ' ');
        if (n != 1) {
            return plural;
        }
        return plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
                : plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String label(Severity s) {
        return s == Severity.INFO ? "note" : s.label();
    }

    private static String line(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 1) + "…";
    }

    private static String wrap(String head, List<String> parts) {
        StringBuilder sb = new StringBuilder(head);
        int lineStart = 0;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i) + (i < parts.size() - 1 ? "," : "");
            if (sb.length() - lineStart + p.length() + 1 > 100) {
                sb.append('\n').append("  ");
                lineStart = sb.length() - 2;
            } else if (i > 0) {
                sb.append(' ');
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
