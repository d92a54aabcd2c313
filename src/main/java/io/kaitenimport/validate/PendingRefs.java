package io.kaitenimport.validate;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.issue.Location;

import java.util.EnumMap;
import java.util.Map;

/**
 * References whose target entity has not been read yet (a card's child listed before the child), kept as ints until
 * the end: per occurrence the referred id's number, the record's package-wide sequence, its pointer and its id —
 * 16 bytes, no Location object per reference.
 */
final class PendingRefs {
    private final Map<Target, IdTable> ids = new EnumMap<>(Target.class);
    private final Map<Target, IntArray> occurrences = new EnumMap<>(Target.class);
    private final IdTable pointers = new IdTable();
    private final IdTable referrers = new IdTable();
    private final IdIndex index;

    PendingRefs(IdIndex index) {
        this.index = index;
    }

    void add(Target target, String value, Location where) {
        IntArray o = occurrences.computeIfAbsent(target, t -> new IntArray());
        o.add(ids.computeIfAbsent(target, t -> new IdTable()).intern(value));
        o.add(index.seq(where.file(), where.recordIndex() == null ? 0 : where.recordIndex()));
        o.add(where.pointer() == null ? -1 : pointers.intern(where.pointer()));
        o.add(where.recordId() == null ? -1 : referrers.intern(where.recordId()));
    }

    interface Unresolved {
        void at(Target target, String value, Location where);
    }

    /** Calls back for every pending reference that no record of the package defines. */
    void check(Unresolved out) {
        for (Map.Entry<Target, IntArray> e : occurrences.entrySet()) {
            Target target = e.getKey();
            IdTable table = ids.get(target);
            // Resolve each distinct id once; 1 = missing.
            byte[] missing = new byte[table.size()];
            for (int i = 0; i < missing.length; i++) {
                missing[i] = (byte) (index.contains(target, table.get(i)) ? 0 : 1);
            }
            IntArray o = e.getValue();
            for (int i = 0; i < o.size(); i += 4) {
                if (missing[o.get(i)] == 1) {
                    IdIndex.First at = index.at(o.get(i + 1));
                    Location where = Location.record(at.file(), at.index(),
                            o.get(i + 3) < 0 ? null : referrers.get(o.get(i + 3)),
                            o.get(i + 2) < 0 ? null : pointers.get(o.get(i + 2)));
                    out.at(target, table.get(o.get(i)), where);
                }
            }
        }
        ids.clear();
        occurrences.clear();
    }
}
