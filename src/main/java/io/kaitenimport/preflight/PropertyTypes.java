package io.kaitenimport.preflight;


import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of which package custom-field type may reuse which existing REST property type. The seed lists
 * neither type set; this follows kaiten-import-format.md §3.8: import types use REST names, and a package
 * {@code multi_select} is a REST {@code select} with {@code multi_select: true} (seed L7457).
 */
final class PropertyTypes {
    /**
     * package type → REST type; select/multi_select also need the matching multi_select flag. Only the types our
     * custom_fields schema allows: checkbox, url, email and phone are not import types (issue 14). A package
     * {@code string} (what a url or email field becomes) may also reuse a url, email or phone property: their REST
     * values are strings too (S6: "value can be a null, number, string, array or object").
     */
    private static final Map<String, String> REST = Map.ofEntries(
            Map.entry("string", "string"), Map.entry("number", "number"), Map.entry("date", "date"),
            Map.entry("user", "user"), Map.entry("select", "select"),
            Map.entry("multi_select", "select"), Map.entry("catalog", "catalog"), Map.entry("vote", "vote"),
            Map.entry("collective_vote", "collective_vote"), Map.entry("collective_score", "collective_score"));

    /** REST property types whose values are plain strings, so a package string field can fill them. */
    private static final java.util.Set<String> TEXT_LIKE = java.util.Set.of("url", "email", "phone");

    private PropertyTypes() {
    }

    /** Empty when the package type is one this table does not know (the caller reports it, never guesses). */
    static Optional<Boolean> compatible(String packageType, TargetSnapshot.Property p) {
        String pt = packageType == null ? "" : packageType.toLowerCase(Locale.ROOT);
        String rest = REST.get(pt);
        if (rest == null) {
            return Optional.empty();
        }
        if (rest.equals("string") && TEXT_LIKE.contains(String.valueOf(p.type()).toLowerCase(Locale.ROOT))) {
            return Optional.of(true);
        }
        if (!rest.equalsIgnoreCase(p.type())) {
            return Optional.of(false);
        }
        if (rest.equals("select")) {
            return Optional.of(pt.equals("multi_select") == p.multiSelect());
        }
        return Optional.of(true);
    }

    static boolean isSelect(String packageType) {
        return "select".equals(packageType) || "multi_select".equals(packageType);
    }

    /** How an existing property's type reads in messages: {@code select (multi)} for multi-selects. */
    static String describe(TargetSnapshot.Property p) {
        return p.type() + ("select".equals(p.type()) ? p.multiSelect() ? " (multi_select)" : " (single)" : "");
    }

    /** Names match after trimming, collapsing inner whitespace and ignoring case — never fuzzier than that. */
    static String normalize(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The seed does not list condition values; 'active' (or none) is read as active, anything else is reported. */
    static boolean active(String condition) {
        return condition == null || condition.equalsIgnoreCase("active");
    }
}
