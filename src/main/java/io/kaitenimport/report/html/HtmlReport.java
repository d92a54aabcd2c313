package io.kaitenimport.report.html;

import io.kaitenimport.issue.Report;
import io.kaitenimport.report.Display;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One self-contained HTML page (inline CSS and SVG, a few lines of inline script, every value escaped) that a
 * migration lead can read in a minute and send on: summary first, then charts, the boards as Kaiten will show
 * them, issues grouped by code, every lost field, and the facts of the run. Each concern is a {@link Section};
 * add a new one to {@link #SECTIONS}.
 */
public final class HtmlReport {
    /** The sections, in page order. */
    public static final List<Section> SECTIONS = List.of(new SummarySection(), new ChartsSection(),
            new BoardsSection(), new TargetSection(), new IssuesSection(), new LossSection(), new FactsSection());

    private HtmlReport() {
    }

    public static void write(Report r, boolean written, OutputStream out) throws IOException {
        HtmlPage.write(r, written, SECTIONS, Display.here(), out);
    }

}
