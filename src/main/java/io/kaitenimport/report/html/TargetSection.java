package io.kaitenimport.report.html;

import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.ReportSection;

import java.io.IOException;
import java.util.List;

/** The pre-flight's "Target" tables (people, custom fields, columns, titles, card types, tags), one table each. */
public final class TargetSection implements Section {
    @Override
    public String id() {
        return "target";
    }

    @Override
    public String title() {
        return "Target company";
    }

    @Override
    public boolean applies(Report r) {
        return !r.sections().isEmpty();
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        for (ReportSection s : r.sections()) {
            h.raw("<h3>").text(s.title()).raw("</h3>\n<table><tr>");
            for (String c : s.columns()) {
                h.raw("<th>").text(c).raw("</th>");
            }
            h.raw("</tr>");
            for (List<String> row : s.rows()) {
                h.raw("<tr>");
                for (String cell : row) {
                    h.raw("<td>").text(cell).raw("</td>");
                }
                h.raw("</tr>");
            }
            h.raw("</table>\n");
        }
    }
}
