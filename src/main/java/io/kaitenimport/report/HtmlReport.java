package io.kaitenimport.report;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;

import io.kaitenimport.model.Entity;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One self-contained HTML page (inline CSS, no scripts, every value escaped) from the same report model. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(Report r, boolean written, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>kaiten-import report</title>\n"
                + "<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                + "margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}"
                + "th{background:#f3f3f3}.error{color:#b00020}.warning{color:#a15c00}.info{color:#555}"
                + "code{font-family:ui-monospace,monospace}.num{text-align:right}</style></head><body>\n");
        w.write("<h1>kaiten-import " + esc(r.command()) + "</h1>\n<table>");
        for (Map.Entry<String, String> f : r.facts().entrySet()) {
            w.write("<tr><th>" + esc(f.getKey()) + "</th><td>" + esc(f.getValue()) + "</td></tr>");
        }
        if ("convert".equals(r.command())) {
            w.write("<tr><th>package written</th><td>" + (written ? "yes" : "no") + "</td></tr>");
        }
        w.write("</table>\n<h2>Package contents</h2>\n<table><tr><th>entity</th><th>records</th></tr>");
        for (Entity e : Entity.values()) {
            Long n = r.counts().get(e);
            if (n != null) {
                w.write("<tr><td><code>" + e.key() + "</code></td><td class=\"num\">" + n + "</td></tr>");
            }
        }
        w.write("</table>\n<h2>Issues: " + r.count(Severity.ERROR) + " errors, " + r.count(Severity.WARNING)
                + " warnings, " + r.count(Severity.INFO) + " notes</h2>\n");
        w.write("<table><tr><th>severity</th><th>code</th><th>where</th><th>message</th></tr>");
        for (Issue i : r.issues()) {
            w.write("<tr class=\"" + i.severity().label() + "\"><td>" + i.severity().label() + "</td><td><code>"
                    + esc(i.code().code()) + "</code></td><td>" + esc(i.location().toString()) + "</td><td>"
                    + esc(i.message()) + "</td></tr>");
        }
        w.write("</table>\n");
        for (io.kaitenimport.issue.ReportSection s : r.sections()) {
            w.write("<h2>" + esc(s.title()) + "</h2>\n<table><tr>");
            for (String c : s.columns()) {
                w.write("<th>" + esc(c) + "</th>");
            }
            w.write("</tr>");
            for (java.util.List<String> row : s.rows()) {
                w.write("<tr>");
                for (String cell : row) {
                    w.write("<td>" + esc(cell) + "</td>");
                }
                w.write("</tr>");
            }
            w.write("</table>\n");
        }
        w.write("<h2>Data loss: " + r.losses().total() + " values</h2>\n");
        w.write("<table><tr><th>source field</th><th>count</th><th>reason</th><th>first at</th></tr>");
        for (LossLedger.Entry e : r.losses().entries()) {
            w.write("<tr><td>" + esc(e.sourceField()) + "</td><td class=\"num\">" + e.count() + "</td><td>"
                    + esc(e.reason()) + "</td><td>" + esc(e.firstAt().toString()) + "</td></tr>");
        }
        w.write("</table>\n</body></html>\n");
        w.flush();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
