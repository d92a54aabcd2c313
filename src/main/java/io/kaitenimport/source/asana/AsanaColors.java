package io.kaitenimport.source.asana;

import java.util.Locale;
import java.util.Map;

/**
 * Asana's colour names (enum options, tags, projects) → Kaiten's 17-colour palette (1 red, 2 pink, 3 purple,
 * 4 deep purple, 5 indigo, 6 blue, 7 light blue, 8 cyan, 9 teal, 10 green, 11 light green, 12 lime, 13 orange,
 * 14 deep orange, 15 brown, 16 blue grey, 17 yellow). Light and dark shades map to their base colour.
 */
final class AsanaColors {
    private static final Map<String, Integer> PALETTE = Map.ofEntries(Map.entry("red", 1), Map.entry("orange", 14),
            Map.entry("yellow-orange", 13), Map.entry("yellow", 17), Map.entry("yellow-green", 12),
            Map.entry("green", 10), Map.entry("blue-green", 9), Map.entry("aqua", 8), Map.entry("blue", 6),
            Map.entry("indigo", 5), Map.entry("purple", 3), Map.entry("magenta", 4), Map.entry("hot-pink", 2),
            Map.entry("pink", 2), Map.entry("cool-gray", 16), Map.entry("gray", 16), Map.entry("warm-gray", 15),
            Map.entry("brown", 15), Map.entry("teal", 9));

    private AsanaColors() {
    }

    /** The Kaiten colour for an Asana colour name, or null for none / unknown. */
    static Integer kaiten(String asana) {
        if (asana == null) {
            return null;
        }
        String c = asana.strip().toLowerCase(Locale.ROOT).replaceFirst("^(light|dark)-", "");
        return PALETTE.get(c);
    }
}
