package io.kaitenimport.report.html;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;
import io.kaitenimport.model.Entity;
import io.kaitenimport.report.LossRank;
import io.kaitenimport.report.NextSteps;
import io.kaitenimport.report.Numbers;

import java.io.IOException;
import java.util.List;

/** What will arrive, what is lost, what must be fixed — in that order, with the fix for each. */
public final class SummarySection implements Section {
    private static final int TOP = 5;

    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        h.raw("<div class=\"boxes\">\n<div class=\"box arrive\"><h3>What will arrive</h3>");
        if (r.counts().isEmpty()) {
            h.raw("<p>Nothing: no package records.</p>");
        } else {
            h.raw("<ul class=\"counts\">");
            for (Entity e : Entity.values()) {
                Long n = r.counts().get(e);
                if (n != null) {
                    h.raw("<li><b>").num(n).raw("</b> ").text(io.kaitenimport.report.TextReport.entityName(e, n)).raw("</li>");
                }
            }
            h.raw("</ul>");
        }
        h.raw("</div>\n<div class=\"box lost\"><h3>What is lost</h3>");
        List<LossLedger.Entry> entries = r.losses().entries();
        if (entries.isEmpty()) {
            h.raw("<p>").text("convert".equals(r.command()) ? "Nothing: every source value has a place."
                    : "Not measured for a package (convert reports it).").raw("</p>");
        } else {
            h.raw("<p class=\"headline\"><b>").num(LossRank.CONTENT.total(entries)).raw("</b> values of content");
            long history = LossRank.HISTORY.total(entries);
            if (history > 0) {
                h.raw(", <b>").num(history).raw("</b> history events");
            }
            long harmless = LossRank.HARMLESS.total(entries);
            if (harmless > 0) {
                h.raw("<br><small>").num(harmless).raw(" harmless (order, layout, preferences) not counted</small>");
            }
            h.raw("</p><ol>");
            List<LossLedger.Entry> top = LossRank.ranked(entries).stream()
                    .filter(e -> LossRank.of(e) != LossRank.HARMLESS).limit(TOP).toList();
            for (LossLedger.Entry e : top) {
                h.raw("<li><b>").num(e.count()).raw("</b> × ").text(e.sourceField()).raw(" <small>— ")
                        .text(e.reason()).raw("</small></li>");
            }
            h.raw("</ol>");
        }
        h.raw("</div>\n<div class=\"box fix\"><h3>What must be fixed</h3>");
        List<NextSteps.Step> steps = NextSteps.of(r);
        if (steps.isEmpty()) {
            h.raw("<p>Nothing. ").text(written ? "The package is ready to import." : "").raw("</p>");
        } else {
            h.raw("<ol class=\"steps\">");
            for (NextSteps.Step s : steps) {
                h.raw("<li class=\"sev-" + s.severity().label() + "\">").text(s.found()).raw("<br><span class=\"fix\">→ ")
                        .text(s.fix()).raw("</span></li>");
            }
            h.raw("</ol>");
        }
        h.raw("</div>\n</div>\n");
        h.raw("<p class=\"tally\">Issues: <b class=\"error\">").text(Numbers.count(r.count(Severity.ERROR), "error"))
                .raw("</b>, <b class=\"warning\">").text(Numbers.count(r.count(Severity.WARNING), "warning"))
                .raw("</b>, <b class=\"info\">").text(Numbers.count(r.count(Severity.INFO), "note")).raw("</b></p>\n");
    }
}
