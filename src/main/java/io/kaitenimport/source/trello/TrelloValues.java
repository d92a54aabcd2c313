package io.kaitenimport.source.trello;

import io.kaitenimport.model.Dates;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Small conversions of Trello values: ObjectId times, colours, dates. */
final class TrelloValues {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

    /** Trello's ten documented colours on Kaiten's 1–17 palette; {@code _dark}/{@code _light} fold onto them. */
    private static final Map<String, Integer> PALETTE = Map.of(
            "green", 10, "yellow", 17, "orange", 13, "red", 1, "purple", 3,
            "blue", 6, "sky", 7, "lime", 12, "pink", 2, "black", 16);

    private TrelloValues() {
    }

    /**
     * The creation time hidden in a Trello id: ids are MongoDB ObjectIds whose first 8 hex digits are Unix seconds.
     * Null for ids of another shape (hand-made fixtures).
     */
    static String idTime(String id) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            return null;
        }
        return Dates.iso(Instant.ofEpochSecond(Long.parseLong(id.substring(0, 8), 16)));
    }

    /** Palette index, or null for no colour ("none", null) and for colours Kaiten has no match for. */
    static Integer kaitenColor(String trelloColor) {
        String base = baseColor(trelloColor);
        return base == null ? null : PALETTE.get(base);
    }

    /** {@code blue_dark} → {@code blue}; null for no colour. */
    static String baseColor(String trelloColor) {
        if (trelloColor == null || trelloColor.isBlank() || trelloColor.equalsIgnoreCase("none")) {
            return null;
        }
        return trelloColor.toLowerCase(Locale.ROOT).replaceFirst("_(dark|light)$", "");
    }

    /** Trello writes every timestamp as ISO-8601 UTC; anything else is unreadable (null). */
    static String date(String text) {
        return Dates.normalize(text);
    }
}
