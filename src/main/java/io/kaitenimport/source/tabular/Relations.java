package io.kaitenimport.source.tabular;

import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.model.Card;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Card-to-card relations, kept symmetric: a parent lists its child and the child its parent, a blocker its
 * blocked card and back, a relation on both cards. Cards are numbers ({@link CardKeys}, row order); each side of a
 * link is one packed long (card, insertion number) plus one int — no list or map entry per card — sorted once
 * before the cards are written, so every card finds its links in insertion order.
 */
public final class Relations {
    private static final int PARENTS = 0;
    private static final int CHILDREN = 1;
    private static final int BLOCKS = 2;
    private static final int BLOCKED_BY = 3;
    private static final int RELATED = 4;

    private final CardKeys cards;
    /** Built by hand (tests, other presets): unknown ids are numbered here as they come. */
    private final boolean numbersOwnIds;
    private final LongArray[] keys = new LongArray[5];
    private final IntArray[] others = new IntArray[5];
    /** A card's first parent (-1: none); cards with more parents also appear in {@link #moreParents}. */
    private final IntArray firstParent = new IntArray();
    private final Map<Integer, IntArray> moreParents = new HashMap<>();
    /**
     * Union-find over parent links (-1: a root): a parent link between two cards no parent links connect yet
     * cannot close a cycle, so only links inside one tree walk the ancestors — a million-row chain stays linear.
     */
    private final IntArray tree = new IntArray();
    private boolean sorted;
    /** Cards visited by ancestor walks so far (tests check that a chain needs none). */
    long walked;

    /** Relations between cards named by id, numbered as they are first added. */
    public Relations() {
        this(new CardKeys(), true);
    }

    /** Relations between the cards of a first pass. */
    Relations(CardKeys cards) {
        this(cards, false);
    }

    private Relations(CardKeys cards, boolean numbersOwnIds) {
        this.cards = cards;
        this.numbersOwnIds = numbersOwnIds;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new LongArray();
            others[i] = new IntArray();
        }
    }

    /** {@link #add(TabularField, int, int)} by id. */
    public boolean add(TabularField field, String from, String to) {
        return add(field, number(from), number(to));
    }

    private int number(String id) {
        int card = cards.cardOf(id);
        if (card < 0) {
            if (!numbersOwnIds) {
                throw new IllegalArgumentException("no card with id " + id);
            }
            card = cards.addCard(id);
        }
        return card;
    }

    /**
     * Adds a relation; returns false (and adds nothing) when a parent link would close a cycle, which no tree can
     * hold — the caller reports it.
     */
    boolean add(TabularField field, int from, int to) {
        if (field == TabularField.PARENT) {
            if (sameTree(from, to) && isAncestor(from, to)) {
                return false;
            }
            join(from, to);
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

    private boolean sameTree(int a, int b) {
        return a == b || root(a) == root(b);
    }

    private void join(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            tree.set(ra, rb);
        }
    }

    private int root(int card) {
        tree.ensureSize(card + 1, -1);
        int c = card;
        while (tree.get(c) >= 0) {
            int up = tree.get(c);
            if (tree.get(up) >= 0) {
                tree.set(c, tree.get(up)); // path halving keeps the trees shallow
            }
            c = up;
        }
        return c;
    }

    /** Whether {@code card} is {@code newParent} itself or one of its ancestors. */
    private boolean isAncestor(int card, int newParent) {
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(newParent));
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            int c = todo.pop();
            if (c == card) {
                return true;
            }
            if (seen.add(c)) {
                walked++;
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

    /** Puts the relations of the card with this id on it. */
    public void apply(String id, Card.Builder b) {
        int card = cards.cardOf(id);
        if (card >= 0) {
            apply(card, b);
        }
    }

    /** Puts a card's relations on it; cards are expected in row order but any order works. */
    void apply(int card, Card.Builder b) {
        if (!sorted) {
            for (LongArray k : keys) {
                k.sortUnique();
            }
            sorted = true;
        }
        each(PARENTS, card, b::addParent);
        each(CHILDREN, card, b::addChild);
        each(BLOCKS, card, b::addBlocks);
        each(BLOCKED_BY, card, b::addBlockedBy);
        each(RELATED, card, b::addRelated);
    }

    private void each(int kind, int card, Consumer<String> add) {
        LongArray k = keys[kind];
        List<Integer> done = null;
        for (int i = k.lowerBound(LongArray.pair(card, 0)); i < k.size() && LongArray.first(k.get(i)) == card; i++) {
            int other = others[kind].get(LongArray.second(k.get(i)));
            if (done == null) {
                done = new ArrayList<>(2);
            }
            if (!done.contains(other)) { // the same link given twice is written once
                done.add(other);
                add.accept(cards.id(other));
            }
        }
    }
}
