package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import io.kaitenimport.issue.Issue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The parent/child and blocks/blocked-by links between cards, kept as ids only, for the rules that need all
 * cards at once: one-sided relations and parent cycles.
 */
final class CardGraph {
    private static final String[] NONE = new String[0];

    /** One card's links; cards without any link are not stored at all. */
    private record Links(String file, long index, String[] parents, String[] children, String[] blocks,
                         String[] blockedBy) {
    }

    private final Map<String, Links> cards = new HashMap<>();

    void add(String id, String file, long index, JsonNode card) {
        String[] parents = ids(card.get("parent_card_ids"));
        String[] children = ids(card.get("child_card_ids"));
        String[] blocks = ids(card.get("blocks_card_ids"));
        String[] blockedBy = ids(card.get("blocked_by_card_ids"));
        if (parents.length + children.length + blocks.length + blockedBy.length > 0) {
            cards.putIfAbsent(id, new Links(file, index, parents, children, blocks, blockedBy));
        }
    }

    /** Array positions are kept (null for a value that is no id) so pointers name the right element. */
    private static String[] ids(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return NONE;
        }
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Ids.of(array.get(i));
        }
        return out;
    }

    /** Reports one-sided relations and cycles among the cards that exist. */
    void check(IdIndex index, Consumer<Issue> out) {
        for (Map.Entry<String, Links> e : cards.entrySet()) {
            String id = e.getKey();
            Links l = e.getValue();
            oneSided(index, id, l, l.children, "child_card_ids", Links::parents, "parent_card_ids", out);
            oneSided(index, id, l, l.parents, "parent_card_ids", Links::children, "child_card_ids", out);
            oneSided(index, id, l, l.blocks, "blocks_card_ids", Links::blockedBy, "blocked_by_card_ids", out);
            oneSided(index, id, l, l.blockedBy, "blocked_by_card_ids", Links::blocks, "blocks_card_ids", out);
        }
        cycles(index, out);
    }

    private void oneSided(IdIndex index, String id, Links l, String[] listed, String field,
                          Function<Links, String[]> back, String backField, Consumer<Issue> out) {
        for (int i = 0; i < listed.length; i++) {
            String other = listed[i];
            if (other == null || other.equals(id) || !index.contains(Entity.CARDS, other)) {
                continue; // unresolved and self links have their own issues
            }
            Links o = cards.get(other);
            if (o == null || !Arrays.asList(back.apply(o)).contains(id)) {
                out.accept(Issue.of(IssueCode.REF_ASYMMETRIC,
                        Location.record(l.file, l.index, id, "/" + field + "/" + i), id, other, field, backField));
            }
        }
    }

    /** child → parents, from both sides of the declaration, without self links. */
    private Map<String, Set<String>> parentEdges(IdIndex index) {
        Map<String, Set<String>> up = new HashMap<>();
        for (Map.Entry<String, Links> e : cards.entrySet()) {
            String id = e.getKey();
            for (String p : e.getValue().parents) {
                if (p != null && !p.equals(id) && index.contains(Entity.CARDS, p)) {
                    up.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(p);
                }
            }
            for (String c : e.getValue().children) {
                if (c != null && !c.equals(id) && index.contains(Entity.CARDS, c)) {
                    up.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(id);
                }
            }
        }
        return up;
    }

    private void cycles(IdIndex index, Consumer<Issue> out) {
        Map<String, Set<String>> up = parentEdges(index);
        for (Set<String> component : StronglyConnected.components(up)) {
            if (component.size() > 1) {
                out.accept(cycleIssue(up, component));
            }
        }
    }

    /**
     * Names the cycle from the card that comes first in the package and declares one of its links, so the
     * issue points at a field the user can edit.
     */
    private Issue cycleIssue(Map<String, Set<String>> up, Set<String> component) {
        List<String> members = new ArrayList<>(component);
        members.sort((a, b) -> {
            Links x = cards.get(a);
            Links y = cards.get(b);
            int c = x == null || y == null ? 0 : x.file.compareTo(y.file);
            c = c != 0 ? c : Long.compare(x == null ? Long.MAX_VALUE : x.index, y == null ? Long.MAX_VALUE : y.index);
            return c != 0 ? c : a.compareTo(b);
        });
        for (String start : members) {
            List<String> path = shortestCycle(up, component, start);
            Links l = cards.get(start);
            if (l == null || path.size() < 3) {
                continue;
            }
            String next = path.get(1);
            String previous = path.get(path.size() - 2);
            String pointer = pointer(l.parents, "parent_card_ids", next);
            pointer = pointer != null ? pointer : pointer(l.children, "child_card_ids", previous);
            if (pointer != null) {
                return Issue.of(IssueCode.REF_CYCLE, Location.record(l.file, l.index, start, pointer),
                        String.join(" → ", path) + " (each is a child of the next)");
            }
        }
        String first = members.get(0);
        Links l = cards.get(first);
        return Issue.of(IssueCode.REF_CYCLE, l == null ? Location.NONE : Location.record(l.file, l.index, first, null),
                String.join(" → ", shortestCycle(up, component, first)));
    }

    private static String pointer(String[] ids, String field, String wanted) {
        for (int i = 0; i < ids.length; i++) {
            if (wanted.equals(ids[i])) {
                return "/" + field + "/" + i;
            }
        }
        return null;
    }

    /** Breadth-first from start back to start inside the component: start, …, start. */
    private static List<String> shortestCycle(Map<String, Set<String>> up, Set<String> component, String start) {
        Map<String, String> cameFrom = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : up.getOrDefault(at, Set.of())) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String s = at; !s.equals(start); s = cameFrom.get(s)) {
                        path.add(1, s);
                    }
                    path.add(start);
                    return path;
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return List.of(start);
    }
}
