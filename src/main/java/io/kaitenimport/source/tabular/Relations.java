package io.kaitenimport.source.tabular;

import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.mapping.TabularField;
import io.kaitenimport.model.Card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Card-to-card relations by card number (row order, see {@link CardKeys}), kept symmetric: a parent lists its
 * child and the child its parent, a blocker its blocked card and back, a relation on both cards. Each side of a
 * link is one packed long (card, insertion number) plus one int — no list or map entry per card — sorted once
 * before the cards are written, so every card finds its links in insertion order.
 */
final class Relations {
    private static final int PARENTS = 0;
    private static final int CHILDREN = 1;
    private static final int BLOCKS = 2;
    private static final int BLOCKED_BY = 3;
    private static final int RELATED = 4;

    private final LongArray[] keys = new LongArray[5];
    private final IntArray[] others = new IntArray[5];
    /** A card's first parent (-1: none); cards with more parents also appear in {@link #moreParents}. */
    private final IntArray firstParent = new IntArray();
    private final Map<Integer, IntArray> moreParents = new HashMap<>();
    private boolean sorted;

    Relations() {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new LongArray();
            others[i] = new IntArray();
        }
    }

    /**
     * Adds a relation; returns false (and adds nothing) when a parent link would close a cycle, which no tree can
     * hold — the caller reports it.
     */
    boolean add(TabularField field, int from, int to) {
        if (field == TabularField.PARENT && isAncestor(from, to)) {
            return false;
        }
        switch (field) {
            case PARENT -> link(PARENTS, CHILDREN, from, to);
            case BLOCKS -> link(BLOCKS, BLOCKED_BY, from, to);
            case BLOCKED_BY -> link(BLOCKED_BY, BLOCKS, from, to);
            case RELATED -> link(RELATED, RELATED, from, to);
            default -> throw new IllegalArgumentException(field.toString());
        }
        return true;
    }

    /** Whether {@code card} is {@code newParent} itself or one of its ancestors. */
    private boolean isAncestor(int card, int newParent) {
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(newParent));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            int c = todo.pop();
            if (c == card) {
                return true;
            }
            if (seen.add(c)) {
                if (c < firstParent.size() && firstParent.get(c) >= 0) {
                    todo.add(firstParent.get(c));
                }
                IntArray more = moreParents.get(c);
                for (int i = 0; more != null && i < more.size(); i++) {
                    todo.add(more.get(i));
                }
            }
        }
        return false;
    }

    private void link(int forward, int back, int from, int to) {
        put(forward, from, to);
        put(back, to, from);
    }

    private void put(int kind, int card, int other) {
        sorted = false;
        keys[kind].add(LongArray.pair(card, others[kind].size()));
        others[kind].add(other);
        if (kind == PARENTS) {
            firstParent.ensureSize(card + 1, -1);
            if (firstParent.get(card) < 0) {
                firstParent.set(card, other);
            } else {
                moreParents.computeIfAbsent(card, c -> new IntArray()).add(other);
            }
        }
    }

    /** Puts a card's relations on it; cards are expected in row order but any order works. */
    void apply(int card, Card.Builder b, CardKeys ids) {
        if (!sorted) {
            for (LongArray k : keys) {
                k.sortUnique();
            }
            sorted = true;
        }
        each(PARENTS, card, ids, b::addParent);
        each(CHILDREN, card, ids, b::addChild);
        each(BLOCKS, card, ids, b::addBlocks);
        each(BLOCKED_BY, card, ids, b::addBlockedBy);
        each(RELATED, card, ids, b::addRelated);
    }

    private void each(int kind, int card, CardKeys ids, java.util.function.Consumer<String> add) {
        LongArray k = keys[kind];
        List<Integer> done = null;
        for (int i = k.lowerBound(LongArray.pair(card, 0)); i < k.size() && LongArray.first(k.get(i)) == card; i++) {
            int other = others[kind].get(LongArray.second(k.get(i)));
            if (done == null) {
                done = new ArrayList<>(2);
            }
            if (!done.contains(other)) { // the same link given twice is written once
                done.add(other);
                add.accept(ids.id(other));
            }
        }
    }
}
