package io.kaitenimport.source.tabular;

import io.kaitenimport.model.Card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Card-to-card relations by id, kept symmetric: a parent lists its child and the child its parent, a blocker its
 * blocked card and back, a relation on both cards. Holds ids only.
 */
public final class Relations {
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> blocks = new HashMap<>();
    private final Map<String, List<String>> blockedBy = new HashMap<>();
    private final Map<String, List<String>> related = new HashMap<>();

    /**
     * Adds a relation; returns false (and adds nothing) when a parent link would close a cycle, which no tree can
     * hold — the caller reports it.
     */
    public boolean add(TabularField field, String from, String to) {
        if (field == TabularField.PARENT && isAncestor(from, to)) {
            return false;
        }
        switch (field) {
            case PARENT -> link(parents, children, from, to);
            case BLOCKS -> link(blocks, blockedBy, from, to);
            case BLOCKED_BY -> link(blockedBy, blocks, from, to);
            case RELATED -> link(related, related, from, to);
            default -> throw new IllegalArgumentException(field.toString());
        }
        return true;
    }

    /** Whether {@code candidate} is {@code card} itself or one of its ancestors' descendants reaching it upward. */
    private boolean isAncestor(String card, String newParent) {
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(newParent));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (c.equals(card)) {
                return true;
            }
            if (seen.add(c)) {
                todo.addAll(parents.getOrDefault(c, List.of()));
            }
        }
        return false;
    }

    private static void link(Map<String, List<String>> forward, Map<String, List<String>> back, String from, String to) {
        put(forward, from, to);
        put(back, to, from);
    }

    private static void put(Map<String, List<String>> map, String k, String v) {
        List<String> l = map.computeIfAbsent(k, x -> new ArrayList<>(2));
        if (!l.contains(v)) {
            l.add(v);
        }
    }

    public void apply(String id, Card.Builder b) {
        parents.getOrDefault(id, List.of()).forEach(b::addParent);
        children.getOrDefault(id, List.of()).forEach(b::addChild);
        blocks.getOrDefault(id, List.of()).forEach(b::addBlocks);
        blockedBy.getOrDefault(id, List.of()).forEach(b::addBlockedBy);
        related.getOrDefault(id, List.of()).forEach(b::addRelated);
    }
}
