package io.kaitenimport.source.asana;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project names in the {@code Projects} cells of an Asana CSV. Asana joins a task's projects with ", ", so a
 * project named "Sales, EMEA" cannot be told from two projects in one cell. Across the whole export it can: pieces
 * that are never listed apart — the one always followed by the other, the other always preceded by the one — are
 * one name. A project listed alone anywhere stays a project of its own ("Launch, Marketing" beside "Marketing").
 * Computed from the distinct cells after the first read, so every row of the export gets the same answer.
 */
final class ProjectNames {
    /** One name made of several pieces: the CSV did not say, so the report does. */
    record Joined(String name, List<String> pieces) {
    }

    private final Map<String, List<String>> byCell = new HashMap<>();
    private final List<Joined> joined = new ArrayList<>();

    private ProjectNames() {
    }

    /** @param cells the distinct non-blank {@code Projects} cells, in the order the rows first give them */
    static ProjectNames of(Collection<String> cells) {
        Map<String, List<Span>> pieces = new LinkedHashMap<>();
        Map<String, Set<String>> after = new HashMap<>();
        Map<String, Set<String>> before = new HashMap<>();
        for (String cell : cells) {
            List<Span> spans = spans(cell);
            pieces.put(cell, spans);
            for (int i = 0; i < spans.size(); i++) {
                String p = spans.get(i).text(cell);
                after.computeIfAbsent(p, k -> new HashSet<>()).add(
                        i + 1 < spans.size() && spans.get(i).comma ? spans.get(i + 1).text(cell) : null);
                before.computeIfAbsent(p, k -> new HashSet<>()).add(
                        i > 0 && spans.get(i - 1).comma ? spans.get(i - 1).text(cell) : null);
            }
        }
        ProjectNames names = new ProjectNames();
        Set<String> reported = new HashSet<>();
        for (Map.Entry<String, List<Span>> e : pieces.entrySet()) {
            String cell = e.getKey();
            List<Span> spans = e.getValue();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < spans.size(); ) {
                int j = i;
                while (j + 1 < spans.size() && spans.get(j).comma
                        && Set.of(spans.get(j + 1).text(cell)).equals(after.get(spans.get(j).text(cell)))
                        && Set.of(spans.get(j).text(cell)).equals(before.get(spans.get(j + 1).text(cell)))) {
                    j++;
                }
                String name = cell.substring(spans.get(i).from, spans.get(j).to);
                if (j > i && reported.add(name)) {
                    List<String> parts = new ArrayList<>();
                    for (int k = i; k <= j; k++) {
                        parts.add(spans.get(k).text(cell));
                    }
                    names.joined.add(new Joined(name, parts));
                }
                if (!out.contains(name)) {
                    out.add(name);
                }
                i = j + 1;
            }
            names.byCell.put(cell, out);
        }
        return names;
    }

    /** The project names of a cell (given to {@link #of}, else split at every comma), in its order, each once. */
    List<String> names(String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> known = byCell.get(cell);
        return known != null ? known : AsanaCsv.split(cell);
    }

    /** The names made of several pieces, each once, in the order of {@link #of}. */
    List<Joined> joined() {
        return joined;
    }

    /** A piece of a cell between separators, stripped; {@code comma} when a comma (not a line break) follows it. */
    private record Span(int from, int to, boolean comma) {
        String text(String cell) {
            return cell.substring(from, to);
        }
    }

    private static List<Span> spans(String cell) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == ',' || cell.charAt(i) == '\n') {
                int from = start;
                int to = i;
                while (from < to && Character.isWhitespace(cell.charAt(from))) {
                    from++;
                }
                while (to > from && Character.isWhitespace(cell.charAt(to - 1))) {
                    to--;
                }
                if (to > from) {
                    out.add(new Span(from, to, i < cell.length() && cell.charAt(i) == ','));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
