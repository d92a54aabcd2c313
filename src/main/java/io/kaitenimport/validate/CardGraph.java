package io.kaitenimport.validate;

import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

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

/**
 * The parent/child and blocks/blocked-by links between cards, for the rules that need all cards at once: one-sided
 * relations and parent cycles. Links are kept as pairs of card numbers (from {@link IdIndex}) packed into longs —
 * 8 bytes per declared link, nothing per card — then sorted, so a one-sided link is a pair missing from the other
 * side's sorted array. Only when something is wrong are the few cards involved read again for the exact pointers.
 */
final class CardGraph {
    /** (child, parent) as the child declares it in parent_card_ids. */
    private final LongArray parentsDeclared = new LongArray();
    /** (child, parent) as the parent declares it in child_card_ids. */
    private final LongArray childrenDeclared = new LongArray();
    /** (blocker, blocked) as the blocker declares it in blocks_card_ids. */
    private final LongArray blocksDeclared = new LongArray();
    /** (blocker, blocked) as the blocked card declares it in blocked_by_card_ids. */
    private final LongArray blockedDeclared = new LongArray();

    /** Reads the cards again, for the exact positions of the few links an issue is about. */
    interface Rescan {
        void forEachCard(RecordVisitor visitor);
    }

    interface RecordVisitor {
        void record(String file, long index, JsonNode card);
    }

    /** The link list a field is, for {@link #link}; -1 for a field that is not one (related cards, predecessors). */
    static int side(String field) {
        return switch (field) {
            case "parent_card_ids" -> 0;
            case "child_card_ids" -> 1;
            case "blocks_card_ids" -> 2;
            case "blocked_by_card_ids" -> 3;
            default -> -1;
        };
    }

    /**
     * One link as card {@code me} declares it in the list {@code side} names (see {@link #side}). The reference
     * rules call it while they walk those lists anyway, for the first record of each card id only and never for a
     * card listing itself (that has its own issue), with both cards' numbers already looked up.
     */
    void link(int side, int me, int other) {
        switch (side) {
            case 0 -> parentsDeclared.add(LongArray.pair(me, other));
            case 1 -> childrenDeclared.add(LongArray.pair(other, me));
            case 2 -> blocksDeclared.add(LongArray.pair(me, other));
            case 3 -> blockedDeclared.add(LongArray.pair(other, me));
            default -> throw new IllegalArgumentException("not a link list: " + side);
        }
    }

    /** One-sided link: {@code declarer} lists {@code other} in {@code field}, and {@code other} does not list back. */
    private record OneSided(int declarer, int other, String field, String backField) {
    }

    /** Reports one-sided relations and cycles among the cards that exist. */
    void check(IdIndex index, Rescan rescan, Consumer<Issue> out) {
        parentsDeclared.sortUnique();
        childrenDeclared.sortUnique();
        blocksDeclared.sortUnique();
        blockedDeclared.sortUnique();
        List<OneSided> oneSided = new ArrayList<>();
        // (a, b) pairs: 'a' first; the declarer is b for children/blocked-by lists, a for the others.
        missing(index, childrenDeclared, parentsDeclared, false, "child_card_ids", "parent_card_ids", oneSided);
        missing(index, parentsDeclared, childrenDeclared, true, "parent_card_ids", "child_card_ids", oneSided);
        missing(index, blocksDeclared, blockedDeclared, true, "blocks_card_ids", "blocked_by_card_ids", oneSided);
        missing(index, blockedDeclared, blocksDeclared, false, "blocked_by_card_ids", "blocks_card_ids", oneSided);
        blocksDeclared.clear();
        blockedDeclared.clear();
        List<int[]> cycles = cycles(index);
        if (oneSided.isEmpty() && cycles.isEmpty()) {
            return;
        }
        Set<Integer> wanted = new java.util.HashSet<>();
        oneSided.forEach(o -> wanted.add(o.declarer));
        cycles.forEach(c -> Arrays.stream(c).forEach(wanted::add));
        Map<String, Links> cards = reread(index, rescan, wanted);
        for (OneSided o : oneSided) {
            String id = index.id(Entity.CARDS, o.declarer);
            String other = index.id(Entity.CARDS, o.other);
            Links l = cards.get(id);
            String[] listed = l == null ? new String[0] : l.list(o.field);
            for (int i = 0; i < listed.length; i++) {
                if (other.equals(listed[i])) {
                    out.accept(Issue.of(IssueCode.REF_ASYMMETRIC,
                            Location.record(l.file, l.index, id, "/" + o.field + "/" + i), id, other, o.field,
                            o.backField));
                }
            }
        }
        for (int[] c : cycles) {
            out.accept(cycleIssue(index, cards, c));
        }
    }

    private static void missing(IdIndex index, LongArray declared, LongArray back, boolean declarerFirst,
                                String field, String backField, List<OneSided> into) {
        // Both are sorted: one walk over the two finds the pairs only one side declares.
        int b = 0;
        for (int i = 0; i < declared.size(); i++) {
            long pair = declared.get(i);
            while (b < back.size() && back.get(b) < pair) {
                b++;
            }
            int declarer = declarerFirst ? LongArray.first(pair) : LongArray.second(pair);
            int other = declarerFirst ? LongArray.second(pair) : LongArray.first(pair);
            if ((b == back.size() || back.get(b) != pair) && index.isDefined(Entity.CARDS, other)) {
                into.add(new OneSided(declarer, other, field, backField));
            }
        }
    }

    /** One card's links as written, for the issue texts. */
    private record Links(String file, long index, String[] parents, String[] children, String[] blocks,
                         String[] blockedBy) {
        String[] list(String field) {
            return switch (field) {
                case "parent_card_ids" -> parents;
                case "child_card_ids" -> children;
                case "blocks_card_ids" -> blocks;
                default -> blockedBy;
            };
        }
    }

    private static Map<String, Links> reread(IdIndex index, Rescan rescan, Set<Integer> wanted) {
        Map<String, Links> cards = new HashMap<>();
        rescan.forEachCard((file, position, card) -> {
            String id = Ids.ofRecord(card);
            if (id == null) {
                return;
            }
            int ordinal = index.definedOrdinal(Entity.CARDS, id);
            IdIndex.First first = ordinal < 0 ? null : index.first(Entity.CARDS, ordinal);
            if (first != null && wanted.contains(ordinal) && first.file().equals(file) && first.index() == position) {
                cards.put(id, new Links(file, position, ids(card.get("parent_card_ids")),
                        ids(card.get("child_card_ids")), ids(card.get("blocks_card_ids")),
                        ids(card.get("blocked_by_card_ids"))));
            }
        });
        return cards;
    }

    /** Array positions are kept (null for a value that is no id) so pointers name the right element. */
    private static String[] ids(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new String[0];
        }
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Ids.of(array.get(i));
        }
        return out;
    }

    /**
     * Strongly connected components of more than one card in the child → parent graph (both sides' declarations,
     * defined cards only), found with an iterative Tarjan over int arrays of the cards that have parent links.
     */
    private List<int[]> cycles(IdIndex index) {
        // The two sides are sorted and unique already: merged, they are the edges, sorted and unique.
        LongArray up = new LongArray();
        boolean allUp = true;
        boolean allDown = true;
        for (int i = 0, j = 0; i < parentsDeclared.size() || j < childrenDeclared.size(); ) {
            long a = i < parentsDeclared.size() ? parentsDeclared.get(i) : Long.MAX_VALUE;
            long b = j < childrenDeclared.size() ? childrenDeclared.get(j) : Long.MAX_VALUE;
            long p = Math.min(a, b);
            i += a == p ? 1 : 0;
            j += b == p ? 1 : 0;
            int child = LongArray.first(p);
            int parent = LongArray.second(p);
            if (index.isDefined(Entity.CARDS, child) && index.isDefined(Entity.CARDS, parent)) {
                up.add(p);
                allUp &= parent > child;
                allDown &= parent < child;
            }
        }
        if (allUp || allDown) {
            // Every edge goes the same way in card-number order, which no cycle can: nothing to search. This is
            // the usual case (a parent listed before or after all its children, the numbers following the file).
            return List.of();
        }
        Csr graph = Csr.of(up);
        up.clear();
        List<int[]> result = new ArrayList<>();
        for (int[] component : StronglyConnected.components(graph.offsets, graph.targets)) {
            if (component.length > 1) {
                int[] ordinals = new int[component.length];
                for (int i = 0; i < component.length; i++) {
                    ordinals[i] = graph.nodes[component[i]];
                }
                result.add(ordinals);
                graph.keep(component, ordinals, up);
            }
        }
        this.cycleEdges = up;
        return result;
    }

    /** The child → parent edges among cycle members, for the shortest-cycle search. */
    private LongArray cycleEdges;

    /** Compressed sparse rows over the cards that appear in an edge. */
    private record Csr(int[] nodes, int[] offsets, int[] targets) {
        static Csr of(LongArray edges) {
            IntArray all = new IntArray();
            for (int i = 0; i < edges.size(); i++) {
                all.add(LongArray.first(edges.get(i)));
                all.add(LongArray.second(edges.get(i)));
            }
            int[] nodes = new int[all.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = all.get(i);
            }
            Arrays.sort(nodes);
            int n = 0;
            for (int i = 0; i < nodes.length; i++) {
                if (n == 0 || nodes[n - 1] != nodes[i]) {
                    nodes[n++] = nodes[i];
                }
            }
            nodes = Arrays.copyOf(nodes, n);
            int[] offsets = new int[n + 1];
            int[] targets = new int[edges.size()];
            for (int i = 0; i < edges.size(); i++) { // edges are sorted by source, so rows fill in order
                int from = Arrays.binarySearch(nodes, LongArray.first(edges.get(i)));
                offsets[from + 1]++;
                targets[i] = Arrays.binarySearch(nodes, LongArray.second(edges.get(i)));
            }
            for (int i = 0; i < n; i++) {
                offsets[i + 1] += offsets[i];
            }
            return new Csr(nodes, offsets, targets);
        }

        void keep(int[] component, int[] ordinals, LongArray into) {
            Set<Integer> members = new java.util.HashSet<>();
            for (int c : component) {
                members.add(c);
            }
            for (int c : component) {
                for (int e = offsets[c]; e < offsets[c + 1]; e++) {
                    if (members.contains(targets[e])) {
                        into.add(LongArray.pair(nodes[c], nodes[targets[e]]));
                    }
                }
            }
        }
    }

    /**
     * Names the cycle from the card that comes first in the package and declares one of its links, so the
     * issue points at a field the user can edit.
     */
    private Issue cycleIssue(IdIndex index, Map<String, Links> cards, int[] component) {
        Map<String, Set<String>> up = new HashMap<>();
        Set<Integer> inComponent = new java.util.HashSet<>();
        Arrays.stream(component).forEach(inComponent::add);
        for (int i = 0; i < cycleEdges.size(); i++) {
            long p = cycleEdges.get(i);
            if (inComponent.contains(LongArray.first(p))) {
                up.computeIfAbsent(index.id(Entity.CARDS, LongArray.first(p)), k -> new LinkedHashSet<>())
                        .add(index.id(Entity.CARDS, LongArray.second(p)));
            }
        }
        Set<String> members = new LinkedHashSet<>();
        Arrays.stream(component).forEach(o -> members.add(index.id(Entity.CARDS, o)));
        List<String> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> {
            Links x = cards.get(a);
            Links y = cards.get(b);
            int c = x == null || y == null ? 0 : x.file.compareTo(y.file);
            c = c != 0 ? c : Long.compare(x == null ? Long.MAX_VALUE : x.index, y == null ? Long.MAX_VALUE : y.index);
            return c != 0 ? c : a.compareTo(b);
        });
        for (String start : sorted) {
            List<String> path = shortestCycle(up, members, start);
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
        String first = sorted.get(0);
        Links l = cards.get(first);
        return Issue.of(IssueCode.REF_CYCLE, l == null ? Location.NONE : Location.record(l.file, l.index, first, null),
                String.join(" → ", shortestCycle(up, members, first)));
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
