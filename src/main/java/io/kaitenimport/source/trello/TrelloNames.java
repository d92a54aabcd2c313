package io.kaitenimport.source.trello;

import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

/** Fits board, list, label, field and option names into Kaiten's length limits, reporting every change. */
final class TrelloNames {
    /** Board, column, tag, custom-field and option names. */
    static final int MAX_NAME = 128;
    /** Checklist names. */
    static final int MAX_CHECKLIST = 1024;

    private TrelloNames() {
    }

    /** The name stripped to one line; blank → {@code fallback}; too long → cut, reported and counted as a loss. */
    static String fit(SourceContext ctx, String raw, String fallback, int max, String field, Location where) {
        String name = raw == null ? "" : raw.strip().replaceAll("[\\r\\n]+", " ");
        if (name.isEmpty()) {
            return fallback;
        }
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        String cut = name.substring(0, name.offsetByCodePoints(0, max - 1)) + "…";
        ctx.lost(Loss.of(field, "cut to Kaiten's " + max + "-character limit"), IssueCode.SOURCE_TITLE, where,
                field + " has " + name.codePointCount(0, name.length())
                + " characters (max " + max + "); cut to '" + cut + "'");
        return cut;
    }
}
