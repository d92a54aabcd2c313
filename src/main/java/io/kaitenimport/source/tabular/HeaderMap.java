package io.kaitenimport.source.tabular;


import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which header column feeds which card field or custom field. Names match case-insensitively, ignoring BOMs,
 * surrounding spaces and repeated spaces. Multi-value fields (tags, members, links, relations, checklist) take every
 * column with a matching name, since Jira CSV repeats "Labels" once per label; single-value fields take the first.
 */
final class HeaderMap {
    private static final java.util.Set<TabularField> MULTI = java.util.EnumSet.of(TabularField.TAGS, TabularField.ALIASES,
            TabularField.MEMBERS, TabularField.LINKS, TabularField.PARENT, TabularField.BLOCKS,
            TabularField.BLOCKED_BY, TabularField.RELATED, TabularField.CHECKLIST);

    final List<String> header;
    final Map<TabularField, List<Integer>> fields = new EnumMap<>(TabularField.class);
    final Map<TabularMapping.CustomFieldRule, List<Integer>> custom = new LinkedHashMap<>();
    final BitSet used = new BitSet();

    HeaderMap(List<String> header, TabularMapping mapping) {
        this.header = header;
        // Every card asks for its columns' names (error positions, loss labels): made once here.
        this.names = new String[header.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = header.get(i).replace("\uFEFF", "").strip();
        }
        for (TabularMapping.CustomFieldRule rule : mapping.customFields()) {
            List<Integer> cols = columns(rule.header(), true);
            if (!cols.isEmpty()) {
                custom.put(rule, cols);
                cols.forEach(used::set);
            }
        }
        for (TabularField f : TabularField.values()) {
            for (String name : mapping.fields().of(f)) {
                List<Integer> cols = columns(name, MULTI.contains(f));
                if (!cols.isEmpty()) {
                    fields.put(f, cols);
                    cols.forEach(used::set);
                    break;
                }
            }
        }
    }

    /** Header names compare in any case, with {@code _} and runs of spaces alike ({@code due_date} = {@code Due Date}). */
    static String norm(String s) {
        return s == null ? "" : s.replace("\uFEFF", "").replace('_', ' ').strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** Whether the export has a column of this name. */
    boolean present(String name) {
        String n = norm(name);
        return header.stream().anyMatch(h -> norm(h).equals(n));
    }

    private List<Integer> columns(String name, boolean all) {
        List<Integer> out = new ArrayList<>();
        String n = norm(name);
        for (int i = 0; i < header.size(); i++) {
            if (!used.get(i) && norm(header.get(i)).equals(n)) {
                out.add(i);
                if (!all) {
                    break;
                }
            }
        }
        return out;
    }

    /** The first column no mapping uses and whose header is not blank, or -1. */
    int firstUnused() {
        for (int i = 0; i < header.size(); i++) {
            if (!used.get(i) && !norm(header.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    void assign(TabularField f, int column) {
        fields.put(f, List.of(column));
        used.set(column);
    }

    boolean has(TabularField f) {
        return fields.containsKey(f);
    }

    int first(TabularField f) {
        return fields.get(f).get(0);
    }

    List<Integer> all(TabularField f) {
        return fields.getOrDefault(f, List.of());
    }

    String name(int column) {
        return column < names.length ? names[column] : "#" + (column + 1);
    }

    private final String[] names;

    /** A description of what fed what, for the report. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<TabularField, List<Integer>> e : fields.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey().key()).append(" ← ");
            List<String> names = e.getValue().stream().map(this::name).distinct().toList();
            sb.append(names.size() == 1 ? "'" + names.get(0) + "'" : names.toString());
            if (e.getValue().size() > 1) {
                sb.append(" ×").append(e.getValue().size());
            }
        }
        for (Map.Entry<TabularMapping.CustomFieldRule, List<Integer>> e : custom.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append("custom field ").append(e.getKey().type()).append(" ← '")
                    .append(name(e.getValue().get(0))).append('\'');
        }
        return sb.toString();
    }
}
