package io.kaitenimport.report.html;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.model.Entity;
import io.kaitenimport.report.LossRank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Records per entity, losses per field and issues per code, as inline SVG bar charts. */
public final class ChartsSection implements Section {
    private static final int MAX_BARS = 15;

    @Override
    public String id() {
        return "charts";
    }

    @Override
    public String title() {
        return "Charts";
    }

    @Override
    public boolean applies(Report r) {
        return !r.counts().isEmpty() || !r.losses().isEmpty() || !r.issueCounts().isEmpty();
    }

    @Override
    public void write(Report r, boolean written, Html h) throws IOException {
        h.raw("<div class=\"charts\">\n");
        BarChart records = new BarChart("Records per entity");
        for (Entity e : Entity.values()) {
            Long n = r.counts().get(e);
            if (n != null) {
                records.bar(e.key(), n, "entity");
            }
        }
        if (!records.isEmpty()) {
            records.write(h);
        }
        List<LossLedger.Entry> ranked = LossRank.ranked(r.losses().entries());
        if (!ranked.isEmpty()) {
            BarChart losses = new BarChart("Lost values per source field (top " + Math.min(MAX_BARS, ranked.size())
                    + " of " + ranked.size() + ")");
            ranked.stream().sorted(Comparator.comparingLong(LossLedger.Entry::count).reversed()
                            .thenComparing(LossLedger.Entry::sourceField)).limit(MAX_BARS)
                    .forEach(e -> losses.bar(e.sourceField(), e.count(), "loss-" + LossRank.of(e).key()));
            losses.write(h);
        }
        if (!r.issueCounts().isEmpty()) {
            List<Map.Entry<IssueCode, Long>> codes = new ArrayList<>(r.issueCounts().entrySet());
            codes.sort(Comparator.comparing((Map.Entry<IssueCode, Long> c) -> c.getKey().severity())
                    .thenComparing(Map.Entry.<IssueCode, Long>comparingByValue().reversed()));
            BarChart issues = new BarChart("Issues per code");
            codes.stream().limit(MAX_BARS).forEach(c -> issues.bar(c.getKey().code(), c.getValue(),
                    "sev-" + c.getKey().severity().label()));
            issues.write(h);
        }
        h.raw("<p class=\"legend\"><span class=\"sw loss-content\"></span> content <span class=\"sw loss-history\">"
                + "</span> history <span class=\"sw loss-harmless\"></span> harmless &nbsp; <span class=\"sw sev-error\">"
                + "</span> error <span class=\"sw sev-warning\"></span> warning <span class=\"sw sev-info\"></span> note"
                + "</p>\n</div>\n");
    }
}
