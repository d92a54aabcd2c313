package io.kaitenimport.source.tabular;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;

import java.util.List;

/**
 * The non-blank reference cells (parent, blocks, blocked by, related) the first pass sees, kept until every card
 * id is known: four ints and a long per cell, the cell text in a shared {@link IdTable} (the same parent key
 * written on many rows is stored once). No object per reference.
 */
final class RawRefs {
    static final List<TabularField> FIELDS = List.of(TabularField.PARENT, TabularField.BLOCKS,
            TabularField.BLOCKED_BY, TabularField.RELATED);

    private final IntArray ints = new IntArray();
    private final LongArray lines = new LongArray();
    private final IdTable texts = new IdTable();

    /** One reference cell: the row's card number (0-based), its line, field, 0-based column and text. */
    record Ref(int card, long line, TabularField field, int column, String text) {
    }

    void add(int card, long line, TabularField field, int column, String text) {
        ints.add(card);
        ints.add(FIELDS.indexOf(field));
        ints.add(column);
        ints.add(texts.intern(text));
        lines.add(line);
    }

    int size() {
        return lines.size();
    }

    Ref get(int i) {
        int at = i * 4;
        return new Ref(ints.get(at), lines.get(i), FIELDS.get(ints.get(at + 1)), ints.get(at + 2),
                texts.get(ints.get(at + 3)));
    }
}
