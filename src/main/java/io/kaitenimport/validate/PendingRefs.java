package io.kaitenimport.validate;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.Entity;

import java.util.EnumMap;
import java.util.Map;

/**
 * References whose target entity has not been read yet (a card's child listed before the child), kept as ints until
 * the end — 16 bytes per occurrence, no Location object per reference: the referred id's number, the record's
 * package-wide sequence, its pointer and the referring record's id number. Ids are numbered in the {@link IdIndex}
 * tables that hold them anyway (a card's forward child is a card id the index will hold), so a forward link to a card
 * costs no second copy of either id.
 */
final class PendingRefs {
    private final Map<Target, IdTable> ids = new EnumMap<>(Target.class);
    private final Map<Target, IntArray> occurrences = new EnumMap<>(Target.class);
    private final IdTable pointers = new IdTable();
    private final IdIndex index;

    PendingRefs(IdIndex index) {
        this.index = index;
    }

    /** @param referrer the entity of the record that holds the reference */
    void add(Target target, String value, Location where, Entity referrer) {
        Entity single = single(target);
        // The referring record's id is in its entity's table already (added before its references are walked).
        int who = where.recordId() == null ? -1 : index.ordinal(referrer, where.recordId());
        add(target, single != null ? index.ordinal(single, value)
                : ids.computeIfAbsent(target, t -> new IdTable()).intern(value),
                where.file(), where.recordIndex() == null ? 0 : where.recordIndex(), where.pointer(), referrer, who);
    }

    /**
     * The same with the numbers known: {@code ref} is the referred id's number in the target's table (a target of
     * one entity) or in this class's own, {@code who} the referring record's id number in its entity's table, or -1.
     */
    void add(Target target, int ref, String file, long position, String pointer, Entity referrer, int who) {
        IntArray o = occurrences.computeIfAbsent(target, t -> new IntArray());
        o.add(ref);
        o.add(index.seq(file, position));
        o.add(pointer == null ? -1 : pointers.intern(pointer));
        o.add(who < 0 ? -1 : referrer.ordinal() << 27 | who);
    }

    private static Entity single(Target target) {
        return target.entities().size() == 1 ? target.entities().get(0) : null;
    }

    interface Unresolved {
        void at(Target target, String value, Location where);
    }

    /** Calls back for every pending reference that no record of the package defines. */
    void check(Unresolved out) {
        Entity[] entities = Entity.values();
        for (Map.Entry<Target, IntArray> e : occurrences.entrySet()) {
            Target target = e.getKey();
            Entity single = single(target);
            IdTable table = ids.get(target);
            IntArray o = e.getValue();
            for (int i = 0; i < o.size(); i += 4) {
                int ref = o.get(i);
                String value = single != null ? index.id(single, ref) : table.get(ref);
                boolean missing = single != null ? !index.isDefined(single, ref) : !index.contains(target, value);
                if (missing) {
                    IdIndex.First at = index.at(o.get(i + 1));
                    int who = o.get(i + 3);
                    String recordId = who < 0 ? null : index.id(entities[who >>> 27], who & ((1 << 27) - 1));
                    Location where = Location.record(at.file(), at.index(), recordId,
                            o.get(i + 2) < 0 ? null : pointers.get(o.get(i + 2)));
                    out.at(target, value, where);
                }
            }
        }
        ids.clear();
        occurrences.clear();
    }
}
