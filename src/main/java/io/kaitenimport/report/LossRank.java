package io.kaitenimport.report;

import io.kaitenimport.issue.LossLedger;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much a lost field matters to the people who will work in Kaiten. Content (text, people, values, files) comes
 * first; activity history next; order, layout and preferences are harmless and are not summed into the headline
 * (nobody misses Trello's {@code card.pos} when 1,282 comments are at stake).
 */
public enum LossRank {
    CONTENT("content", "values people wrote or rely on"),
    HISTORY("history", "activity and change history"),
    HARMLESS("harmless", "order, layout, preferences and subscriptions");

    /** Last segments of a source field that only carry order, layout or per-user preferences. */
    private static final Set<String> HARMLESS_FIELDS = Set.of("pos", "sortorder", "rank", "subscribed", "starred",
            "prefs", "cover", "color", "colour", "coordinates", "stickers", "plugindata", "cardfront", "email",
            "duereminder", "badges.attachments", "url", "watches", "votes", "idmembersvoted");

    private final String key;
    private final String meaning;

    LossRank(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public static LossRank of(LossLedger.Entry e) {
        String field = e.sourceField().toLowerCase(Locale.ROOT);
        String reason = e.reason().toLowerCase(Locale.ROOT);
        if (reason.contains("without email")) {
            return CONTENT;
        }
        if (field.contains(" action.") || field.contains("changelog") || field.contains("history")
                || reason.contains("history") || reason.contains("activity")) {
            return HISTORY;
        }
        String last = field.substring(field.lastIndexOf('.') + 1).strip();
        String lastTwo = field.contains(".") ? field.substring(field.lastIndexOf('.', field.lastIndexOf('.') - 1) + 1)
                : last;
        if (HARMLESS_FIELDS.contains(last) || HARMLESS_FIELDS.contains(lastTwo) || reason.contains("no card order")
                || reason.contains("no checklist position")) {
            return HARMLESS;
        }
        return CONTENT;
    }

    /** Entries most worth reading first: content before history before harmless, then by count, then by name. */
    public static List<LossLedger.Entry> ranked(List<LossLedger.Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(LossRank::of)
                .thenComparing(Comparator.comparingLong(LossLedger.Entry::count).reversed())
                .thenComparing(LossLedger.Entry::sourceField)).toList();
    }

    /** Values of this rank lost in all. */
    public long total(List<LossLedger.Entry> entries) {
        return entries.stream().filter(e -> of(e) == this).mapToLong(LossLedger.Entry::count).sum();
    }
}
