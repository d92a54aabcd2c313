package io.kaitenimport.report.html;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Issues grouped by code, errors first, each group collapsible. The severity filter is pure CSS ({@code :has()}
 * on the check boxes), so it works with scripts off; a few lines of script only keep the "shown" count current.
 */
public final class IssuesSection implements Section {
    @Override
    public String id() {
        return "issues";
    }

    @Override
    public String title() {
        return "Issues";
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        if (r.issueCounts().isEmpty()) {
            h.raw("<p>No issues.</p>\n");
            return;
        }
        h.raw("<form class=\"filter\" aria-label=\"filter by severity\">Show: ");
        for (Severity s : Severity.values()) {
            h.raw("<label><input type=\"checkbox\" id=\"show-" + s.label() + "\" checked> <span class=\"" + s.label()
                    + "\">" + (s == Severity.INFO ? "notes" : s.label() + "s") + "</span> (").num(r.count(s))
                    .raw(")</label> ");
        }
        h.raw("<output id=\"shown\"></output></form>\n");
        List<Map.Entry<IssueCode, Long>> codes = new ArrayList<>(r.issueCounts().entrySet());
        codes.sort(Comparator.comparing((Map.Entry<IssueCode, Long> c) -> c.getKey().severity())
                .thenComparing(Map.Entry.<IssueCode, Long>comparingByValue().reversed()));
        for (Map.Entry<IssueCode, Long> c : codes) {
            IssueCode code = c.getKey();
            List<Issue> kept = r.issues().stream().filter(i -> i.code() == code).toList();
            String sev = code.severity().label();
            h.raw("<details class=\"group sev-" + sev + "\"" + (code.severity() == Severity.ERROR ? " open" : "")
                    + " data-count=\"" + c.getValue() + "\"><summary><span class=\"badge " + sev + "\">"
                    + (code.severity() == Severity.INFO ? "note" : sev) + "</span> <code>").text(code.code())
                    .raw("</code> ").text(code.title()).raw(" <b>").num(c.getValue()).raw("</b></summary>\n<p class=\"desc\">")
                    .text(code.description()).raw("</p><table><tr><th>where</th><th>message</th></tr>");
            for (Issue i : kept) {
                h.raw("<tr><td>").text(i.location().toString()).raw("</td><td>").text(i.message()).raw("</td></tr>");
            }
            h.raw("</table>");
            if (c.getValue() > kept.size()) {
                h.raw("<p>… ").num(c.getValue() - kept.size()).raw(" more not kept in the report.</p>");
            }
            h.raw("</details>\n");
        }
    }
}
