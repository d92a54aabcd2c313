package io.kaitenimport.issue;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the source had and the package cannot carry, per source field. Every adapter writes here instead of
 * dropping a value, so the report can say "42 × Trello votes: Kaiten has no votes on cards".
 */
public final class LossLedger {
    private final Map<Key, Entry> entries = new TreeMap<>(
            java.util.Comparator.comparing(Key::sourceField).thenComparing(Key::reason));

    private record Key(String sourceField, String reason) {
    }

    /** One occurrence of a lost value. */
    public void lost(String sourceField, String reason, Location where) {
        lost(sourceField, reason, 1, where);
    }

    /** {@code count} occurrences at once (for example comments missing from a capped export). */
    public void lost(String sourceField, String reason, long count, Location where) {
        if (count <= 0) {
            return;
        }
        String field = Abbreviate.text(sourceField);
        String why = Abbreviate.text(reason);
        entries.compute(new Key(field, why), (k, e) -> e == null
                ? new Entry(field, why, count, where == null ? Location.NONE : where)
                : new Entry(e.sourceField(), e.reason(), e.count() + count, e.firstAt()));
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public long total() {
        return entries.values().stream().mapToLong(Entry::count).sum();
    }

    public long count(String sourceField) {
        return entries.values().stream().filter(e -> e.sourceField().equals(sourceField)).mapToLong(Entry::count).sum();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A field of the source that lost {@code count} values, why, and where it first happened. */
    public record Entry(String sourceField, String reason, long count, Location firstAt) {
    }
}
