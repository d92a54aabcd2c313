package io.kaitenimport.report;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What makes a run fail for CI ({@code --fail-on}). Errors always fail (exit 1); {@code warning} and {@code loss}
 * add warnings and data loss that matters (not the harmless kind, see {@link LossRank}), which fail with exit 5.
 */
public enum FailOn {
    ERROR, WARNING, LOSS;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reasons this report fails under {@code conditions}, as short phrases; empty when it passes. */
    public static java.util.List<String> reasons(Report r, Set<FailOn> conditions) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (r.errors() > 0) {
            out.add(Numbers.count(r.errors(), "error"));
        }
        if (conditions.contains(WARNING) && r.count(Severity.WARNING) > 0) {
            out.add(Numbers.count(r.count(Severity.WARNING), "warning"));
        }
        if (conditions.contains(LOSS)) {
            long lost = lostThatMatters(r.losses());
            if (lost > 0) {
                out.add(Numbers.count(lost, "lost value"));
            }
        }
        return out;
    }

    /** Whether a warning fails the run under these conditions. */
    public static boolean failsOnWarnings(Set<FailOn> conditions) {
        return conditions.contains(WARNING);
    }

    public static long lostThatMatters(LossLedger losses) {
        return losses.entries().stream().filter(e -> LossRank.of(e) != LossRank.HARMLESS)
                .mapToLong(LossLedger.Entry::count).sum();
    }

    public static Set<FailOn> defaults() {
        return EnumSet.of(ERROR);
    }
}
