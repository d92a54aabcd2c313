package io.kaitenimport.report.html;

import io.kaitenimport.issue.Report;
import io.kaitenimport.report.Display;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The page around the sections: head with inline style, title, verdict, contents, script. */
public final class HtmlPage {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
            header{background:#1d2330;color:#fff;padding:1em 2em}header h1{margin:0;font-size:1.4em}
            header p{margin:.3em 0 0}.verdict.ok{color:#7ee2a8}.verdict.bad{color:#ff9a9a}
            nav{padding:.5em 2em;background:#e9ecf1}nav a{margin-right:1.2em;color:#1d2330}
            main{padding:0 2em 2em}section{margin-top:1.6em}h2{border-bottom:2px solid #d5dae2;padding-bottom:.2em}
            .boxes{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1em}
            .box{background:#fff;border-radius:8px;padding:.6em 1em;border-top:5px solid #999;box-shadow:0 1px 3px #0002}
            .box h3{margin:.2em 0 .5em}.arrive{border-color:#2e9e5b}.lost{border-color:#d98b00}.fix{border-color:#c62828}
            .counts{list-style:none;padding:0;columns:2}.counts b,.headline b{font-size:1.2em}
            .steps li{margin-bottom:.4em}.fix .fix,span.fix{color:#2a5bd7}
            table{border-collapse:collapse;margin:.5em 0 1em;background:#fff}
            td,th{border:1px solid #d5dae2;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#eef1f5}.num{text-align:right}code{font-family:ui-monospace,monospace}
            .error{color:#b00020}.warning{color:#a15c00}.info{color:#555}
            .badge{display:inline-block;min-width:4.5em;text-align:center;border-radius:3px;color:#fff;font-size:.85em}
            .badge.error{background:#c62828}.badge.warning{background:#d98b00}.badge.info{background:#78808c}
            details.group,details.loss-group{background:#fff;margin:.3em 0;padding:.3em .8em;border-radius:6px;
            box-shadow:0 1px 2px #0001}summary{cursor:pointer}.desc{color:#555;margin:.3em 0}
            .charts{display:flex;flex-wrap:wrap;gap:1em}.chart{background:#fff;margin:0;padding:.5em;border-radius:6px}
            figcaption{font-weight:600;margin-bottom:.3em}svg text{font-size:12px;fill:#1d2330}
            .entity rect{fill:#2e9e5b}.loss-content rect,.sw.loss-content{fill:#d98b00;background:#d98b00}
            .loss-history rect,.sw.loss-history{fill:#8e7cc3;background:#8e7cc3}
            .loss-harmless rect,.sw.loss-harmless{fill:#b8bec8;background:#b8bec8}
            .sev-error rect,.sw.sev-error{fill:#c62828;background:#c62828}
            .sev-warning rect,.sw.sev-warning{fill:#d98b00;background:#d98b00}
            .sev-info rect,.sw.sev-info{fill:#78808c;background:#78808c}
            .sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle}
            .legend{width:100%;color:#555}
            .board{margin-bottom:1.2em}.lanes{display:flex;gap:.6em;overflow-x:auto;padding-bottom:.5em}
            .lane{flex:0 0 190px;background:#e9ecf1;border-radius:6px;padding:.4em;border-top:4px solid #78808c}
            .lane.type-1{border-color:#2a5bd7}.lane.type-2{border-color:#d98b00}.lane.type-3{border-color:#2e9e5b}
            .lane-head{display:flex;justify-content:space-between;font-weight:600;margin-bottom:.3em}
            .lane-head .count{background:#fff;border-radius:9px;padding:0 .5em;font-weight:400}
            .card{background:#fff;border-radius:4px;padding:.3em .45em;margin:.3em 0;box-shadow:0 1px 1px #0002;
            font-size:.92em;overflow-wrap:anywhere}.more{color:#555;font-size:.9em;padding:.2em}
            .filter label{margin-right:1em}
            body:has(#show-error:not(:checked)) .group.sev-error,body:has(#show-warning:not(:checked)) .group.sev-warning,
            body:has(#show-info:not(:checked)) .group.sev-info{display:none}
            """;

    /** Keeps the "N shown" note of the filter current; the filtering itself is CSS and works without it. */
    private static final String SCRIPT = """
            (function(){var f=document.querySelector('.filter');if(!f)return;var o=document.getElementById('shown');
            function u(){var n=0;document.querySelectorAll('.group').forEach(function(d){
            if(getComputedStyle(d).display!=='none')n+=+d.dataset.count;});
            o.textContent='— '+n.toLocaleString('en-US')+' shown';}f.addEventListener('change',u);u();})();
            """;

    private HtmlPage() {
    }

    /** The export's file name for the heading (the full path is in the Run section). */
    private static String shortName(String input) {
        if (input.contains(", ")) {
            return input;
        }
        int slash = Math.max(input.lastIndexOf('/'), input.lastIndexOf('\\'));
        return slash >= 0 && slash < input.length() - 1 ? input.substring(slash + 1) : input;
    }

    public static void write(Report r, boolean written, List<Section> sections, Display display, OutputStream out)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Html h = new Html(w, display);
        String input = r.facts().getOrDefault("input", r.facts().getOrDefault("package", ""));
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>kaiten-import ")
                .text(r.command()).raw(" — ").text(input).raw("</title>\n<style>\n").raw(CSS).raw("</style></head>\n<body>\n");
        h.raw("<header><h1>kaiten-import ").text(r.command()).raw(": ").text(shortName(input)).raw("</h1>");
        boolean ok = r.errors() == 0;
        String verdict = "convert".equals(r.command())
                ? (written ? (ok ? "Package written: " : "Package written WITH errors (--force): ")
                        + r.facts().getOrDefault("output", "") : "Package NOT written: it has validation errors.")
                : ok ? "Package is valid." : "Package is NOT valid.";
        h.raw("<p class=\"verdict " + (ok ? "ok" : "bad") + "\">").text(verdict).raw("</p></header>\n<nav>");
        List<Section> shown = sections.stream().filter(s -> s.applies(r)).toList();
        for (Section s : shown) {
            h.raw("<a href=\"#" + s.id() + "\">").text(s.title()).raw("</a>");
        }
        h.raw("</nav>\n<main>\n");
        for (Section s : shown) {
            h.raw("<section id=\"" + s.id() + "\"><h2>").text(s.title()).raw("</h2>\n");
            s.write(r, written, h);
            h.raw("</section>\n");
        }
        h.raw("</main>\n<script>\n").raw(SCRIPT).raw("</script>\n</body></html>\n");
        w.flush();
    }
}
