package io.kaitenimport.report.html;

import io.kaitenimport.issue.BoardPreview;
import io.kaitenimport.issue.Report;

import java.io.IOException;

/** Each board as Kaiten will show it: columns left to right with card counts and the first cards. */
public final class BoardsSection implements Section {
    @Override
    public String id() {
        return "boards";
    }

    @Override
    public String title() {
        return "Boards";
    }

    @Override
    public boolean applies(Report r) {
        return !r.preview().isEmpty();
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        for (BoardPreview.BoardView b : r.preview().boards()) {
            h.raw("<div class=\"board\"><h3>").text(b.title()).raw(" <small>").num(b.columns().size())
                    .raw(" columns, ").num(b.cards()).raw(" cards</small></h3>\n<div class=\"lanes\">");
            for (BoardPreview.ColumnView c : b.columns()) {
                h.raw("<div class=\"lane type-" + c.type() + "\"><div class=\"lane-head\"><span class=\"lane-title\">")
                        .text(c.title()).raw("</span> <span class=\"count\">").num(c.cards()).raw("</span></div>");
                for (String t : c.firstTitles()) {
                    h.raw("<div class=\"card\">").text(t).raw("</div>");
                }
                if (c.cards() > c.firstTitles().size()) {
                    h.raw("<div class=\"more\">+ ").num(c.cards() - c.firstTitles().size()).raw(" more</div>");
                }
                h.raw("</div>");
            }
            h.raw("</div></div>\n");
        }
        if (r.preview().boardsNotShown() > 0) {
            h.raw("<p>… and ").num(r.preview().boardsNotShown()).raw(" more boards.</p>\n");
        }
    }
}
