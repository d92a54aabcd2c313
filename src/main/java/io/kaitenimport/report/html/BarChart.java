package io.kaitenimport.report.html;

import io.kaitenimport.report.Numbers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A horizontal bar chart as inline SVG: no scripts, no external files, readable when printed. */
final class BarChart {
    private static final int LABEL_WIDTH = 270;
    private static final int BAR_WIDTH = 300;
    private static final int ROW = 20;

    record Bar(String label, long value, String cssClass) {
    }

    private final String title;
    private final List<Bar> bars = new ArrayList<>();

    BarChart(String title) {
        this.title = title;
    }

    BarChart bar(String label, long value, String cssClass) {
        bars.add(new Bar(label, value, cssClass));
        return this;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    void write(Html h) throws IOException {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int height = bars.size() * ROW + 8;
        int width = LABEL_WIDTH + BAR_WIDTH + 70;
        h.raw("<figure class=\"chart\"><figcaption>").text(title).raw("</figcaption>");
        h.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\"><title>").text(title).raw("</title>");
        int y = 4;
        for (Bar b : bars) {
            int w = (int) Math.max(b.value() > 0 ? 2 : 0, Math.round((double) b.value() / max * BAR_WIDTH));
            String label = b.label().length() > 38 ? "…" + b.label().substring(b.label().length() - 37) : b.label();
            h.raw("<g class=\"" + b.cssClass() + "\"><title>").text(b.label() + ": " + Numbers.n(b.value()))
                    .raw("</title><text x=\"" + (LABEL_WIDTH - 6) + "\" y=\"" + (y + 14)
                            + "\" text-anchor=\"end\">").text(label).raw("</text><rect x=\"" + LABEL_WIDTH + "\" y=\""
                            + (y + 3) + "\" width=\"" + w + "\" height=\"" + (ROW - 6) + "\" rx=\"2\"/><text x=\""
                            + (LABEL_WIDTH + w + 5) + "\" y=\"" + (y + 14) + "\" class=\"v\">").num(b.value())
                    .raw("</text></g>");
            y += ROW;
        }
        h.raw("</svg></figure>\n");
    }
}
