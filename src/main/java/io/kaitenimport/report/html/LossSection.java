package io.kaitenimport.report.html;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.report.LossRank;

import java.io.IOException;
import java.util.List;

/** Every lost source field, ranked: content first, then history, then the harmless ones. */
public final class LossSection implements Section {
    @Override
    public String id() {
        return "loss";
    }

    @Override
    public String title() {
        return "Data loss";
    }

    @Override
    public boolean applies(Report r) {
        return !r.losses().isEmpty();
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        List<LossLedger.Entry> ranked = LossRank.ranked(r.losses().entries());
        for (LossRank rank : LossRank.values()) {
            List<LossLedger.Entry> of = ranked.stream().filter(e -> LossRank.of(e) == rank).toList();
            if (of.isEmpty()) {
                continue;
            }
            h.raw("<details class=\"loss-group\"" + (rank == LossRank.CONTENT ? " open" : "") + "><summary><span class=\"sw loss-"
                    + rank.key() + "\"></span> ").text(rank.key() + ": " + rank.meaning()).raw(" — <b>")
                    .num(rank.total(of)).raw("</b> values in ").num(of.size()).raw(" fields</summary>\n")
                    .raw("<table><tr><th>source field</th><th class=\"num\">count</th><th>reason</th><th>first at</th></tr>");
            for (LossLedger.Entry e : of) {
                h.raw("<tr><td>").text(e.sourceField()).raw("</td><td class=\"num\">").num(e.count()).raw("</td><td>")
                        .text(e.reason()).raw("</td><td>").text(e.firstAt().toString()).raw("</td></tr>");
            }
            h.raw("</table></details>\n");
        }
    }
}
