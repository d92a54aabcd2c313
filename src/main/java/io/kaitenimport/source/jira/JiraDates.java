package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Dates;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

/** Jira timestamps ({@code 2024-02-12T15:04:05.123+0000}) and dates; an unreadable one is reported, not skipped. */
final class JiraDates {
    private final SourceContext ctx;

    JiraDates(SourceContext ctx) {
        this.ctx = ctx;
    }

    /** ISO UTC with millis, or null when absent or unreadable (then reported and counted under {@code field}). */
    String iso(JsonNode value, String field, Location at) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String iso = Dates.normalize(text);
        if (iso == null) {
            unreadable(text, field, at);
        }
        return iso;
    }

    /** A card date: date-only values keep {@code time_present:false}. */
    CardDate cardDate(JsonNode value, String field, Location at) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        CardDate d = PropertyWriter.cardDate(value);
        if (d == null) {
            unreadable(text, field, at);
        }
        return d;
    }

    /** The value as text; a non-empty object or list is kept as JSON so it is reported as unreadable. */
    private static String text(JsonNode value) {
        return value != null && value.isContainerNode() && !value.isEmpty() ? value.toString()
                : JiraIssues.text(value);
    }

    private void unreadable(String text, String field, Location at) {
        ctx.lost(Loss.of(field, "unreadable date"), IssueCode.SOURCE_VALUE_INVALID, at,
                field + ": '" + text + "' is not a date; left empty");
    }
}
