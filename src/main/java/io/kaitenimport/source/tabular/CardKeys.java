package io.kaitenimport.source.tabular;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;

/**
 * The first pass's card index: every row's card id (numbered by row, 0-based) and the keys references may use —
 * ids and aliases, compared ignoring case. Ids sit in a case-folding {@link IdTable} (UTF-8 bytes in shared
 * chunks, ≈ length + 12 bytes per row, no String or map entry per row), so a 4M-row export keeps ~100 MB of ids
 * instead of a HashMap of Strings.
 */
final class CardKeys {
    private final IdTable ids = new IdTable(true);
    private final IdTable aliases = new IdTable(true);
    private final IntArray aliasCard = new IntArray();

    int size() {
        return ids.size();
    }

    /** Whether an id or alias already claims this key (ignoring case). */
    boolean claimed(String key) {
        return ids.find(key) >= 0 || aliases.find(key) >= 0;
    }

    /** Adds the next row's card id, which the caller made unclaimed; returns its 0-based number. */
    int addCard(String id) {
        int before = ids.size();
        int card = ids.intern(id);
        if (card != before) {
            throw new IllegalStateException("card id already taken: " + id);
        }
        return card;
    }

    /** Another key for a card; ignored when an id or earlier alias has it (the first one wins). */
    void addAlias(String alias, int card) {
        if (!claimed(alias)) {
            aliases.intern(alias);
            aliasCard.add(card);
        }
    }

    /** The card a key names (an id first, then an alias), or -1. */
    int cardOf(String key) {
        int card = ids.find(key);
        if (card >= 0) {
            return card;
        }
        int alias = aliases.find(key);
        return alias < 0 ? -1 : aliasCard.get(alias);
    }

    String id(int card) {
        return ids.get(card);
    }
}
