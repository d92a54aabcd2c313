package io.kaitenimport.report.html;

import io.kaitenimport.issue.Report;

import java.io.IOException;
import java.util.Map;

/** The facts of the run: input, source kind, encoding and dialect, output. */
public final class FactsSection implements Section {
    @Override
    public String id() {
        return "run";
    }

    @Override
    public String title() {
        return "Run";
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        h.raw("<table class=\"facts\">");
        for (Map.Entry<String, String> f : r.facts().entrySet()) {
            h.raw("<tr><th>").text(f.getKey()).raw("</th><td>").text(f.getValue()).raw("</td></tr>");
        }
        if ("convert".equals(r.command())) {
            h.raw("<tr><th>package written</th><td>" + (written ? "yes" : "no") + "</td></tr>");
        }
        h.raw("</table>\n");
    }
}
