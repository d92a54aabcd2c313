package io.kaitenimport.source.tabular;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.mapping.TabularField;

import java.util.List;

/**
 * The reference cells (parent, blocks, blocked by, related) the first pass sees, kept until every card id is known:
 * five ints per cell and the cell text in a shared {@link IdTable} (the same parent key written on many rows is
 * stored once). No object per reference.
 */
final class RawRefs {
    static final List<TabularField> FIELDS = List.of(TabularField.PARENT, TabularField.BLOCKS,
            TabularField.BLOCKED_BY, TabularField.RELATED);

    private final IntArray ints = new IntArray();
    private final IdTable texts = new IdTable();

    /** One reference cell: the row's card number (1-based), its line, field, 0-based column and text. */
    record Ref(int ordinal, long line, TabularField field, int column, String text) {
    }

    void add(int ordinal, long line, TabularField field, int column, String text) {
        ints.add(ordinal);
        ints.add((int) Math.min(line, Integer.MAX_VALUE));
        ints.add(FIELDS.indexOf(field));
        ints.add(column);
        ints.add(texts.intern(text));
    }

    int size() {
        return ints.size() / 5;
    }

    Ref get(int i) {
        int at = i * 5;
        return new Ref(ints.get(at), ints.get(at + 1), FIELDS.get(ints.get(at + 2)), ints.get(at + 3),
                texts.get(ints.get(at + 4)));
    }
}
