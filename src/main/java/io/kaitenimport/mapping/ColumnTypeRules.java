package io.kaitenimport.mapping;

import io.kaitenimport.model.Column;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides a column's type (1 queued, 2 in progress, 3 done) from its name when the mapping file does not say:
 * English and Russian words for finished and not-yet-started work. Everything else is "in progress".
 */
public final class ColumnTypeRules {
    private static final Pattern DONE = Pattern.compile(
            "(?iU)\\b(done|closed|complete[d]?|finished|resolved|released|deployed|shipped|archived?|cancel+ed|"
                    + "rejected|won'?t ?(do|fix)|готов[оаы]?|выполнен[оаы]?|сделан[оаы]?|закрыт[оаы]?|завершен[оаы]?|"
                    + "завершён[оаы]?|решен[оаы]?|решён[оаы]?|отменен[оаы]?|отменён[оаы]?)\\b");
    private static final Pattern QUEUED = Pattern.compile(
            "(?iU)\\b(backlog|to ?do|todo|open|new|queue[d]?|planned|ideas?|inbox|icebox|selected for development|"
                    + "not started|очередь|бэклог|беклог|новы[ейя]|нов[ао]|открыт[аоы]?|запланирован[оаы]?|"
                    + "к выполнению|сделать|идеи)\\b");

    private static final Pattern IN_PROGRESS = Pattern.compile(
            "(?iU)\\b(in progress|doing|wip|in work|in review|review|testing|in test|qa|in development|"
                    + "в работе|в процессе|делается|на проверке|тестирование|ревью|разработка)\\b");

    /** "Ready for testing", "Готово к разработке": a waiting state before the next stage, not finished work. */
    private static final Pattern READY_FOR = Pattern.compile("(?iU)\\b(ready (for|to)|готов[оаы]? (к|для))\\b");
    private static final Pattern READY_TO_START = Pattern.compile(
            "(?iU)\\b(ready (for|to) (dev|development|start|work)|готов[оаы]? (к|для) (разработке|работе|старту))");
    private static final Pattern NEGATED = Pattern.compile("(?iU)\\b(not|не)\\s+(done|finished|complete|готов|сделан|выполнен)");

    private ColumnTypeRules() {
    }

    /** The type by name, or empty when no rule matches ("in progress" names are a rule too, not the default). */
    public static Optional<Integer> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('_', ' ').replace('-', ' ');
        if (NEGATED.matcher(n).find()) {
            return Optional.empty();
        }
        if (READY_TO_START.matcher(n).find()) {
            return Optional.of(Column.QUEUED);
        }
        if (READY_FOR.matcher(n).find()) {
            return Optional.of(Column.IN_PROGRESS);
        }
        // "in progress" first: "Not done yet" style names are rare, but "Review of closed items" is not done.
        if (IN_PROGRESS.matcher(n).find()) {
            return Optional.of(Column.IN_PROGRESS);
        }
        if (DONE.matcher(n).find()) {
            return Optional.of(Column.DONE);
        }
        if (QUEUED.matcher(n).find()) {
            return Optional.of(Column.QUEUED);
        }
        return Optional.empty();
    }

    /**
     * Mapping file first (exact name, case-insensitive), then the name rules, then {@code fallback}; returns the
     * type and a short description of the rule used for the report.
     */
    public static Decision decide(String name, Map<String, Integer> mapping, int fallback) {
        if (mapping != null) {
            for (Map.Entry<String, Integer> e : mapping.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name.strip())) {
                    return new Decision(e.getValue(), "mapping file");
                }
            }
        }
        return byName(name).map(t -> new Decision(t, "name rule"))
                .orElseGet(() -> new Decision(fallback, "default"));
    }

    public record Decision(int type, String rule) {
    }
}
