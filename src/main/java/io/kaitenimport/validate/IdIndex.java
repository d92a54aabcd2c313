package io.kaitenimport.validate;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.model.Entity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every id of the package and where it first appeared: the per-record state the validator keeps. Ids sit in
 * compact {@link IdTable}s (UTF-8 bytes in shared chunks, exact comparison) with one int per id for where it was
 * defined, so a million cards with keys like {@code TASK-123456} cost about 28 MB, not a HashMap of Strings and
 * records. A table may also hold ids that were only referred to so far (card links point forward); those count as
 * absent until a record defines them.
 */
final class IdIndex {
    /** Where an id was first seen. */
    record First(String file, long index) {
    }

    private static final int UNDEFINED = -1;

    private final Map<Entity, IdTable> tables = new EnumMap<>(Entity.class);
    private final Map<Entity, IntArray> defined = new EnumMap<>(Entity.class);
    /** Files in the order they were read, with the sequence number of their record 0. */
    private final List<String> files = new ArrayList<>();
    private final IntArray fileStarts = new IntArray();
    private int nextSeq;

    /**
     * Records an id: returns its number in its entity's table when this record defines it, or {@code ~number}
     * (negative) when an earlier record took it already ({@link #first(Entity, int)} says where).
     */
    int add(Entity entity, String id, String file, long index) {
        int ordinal = ordinal(entity, id);
        IntArray at = defined.get(entity);
        if (at.get(ordinal) != UNDEFINED) {
            return ~ordinal;
        }
        at.set(ordinal, seq(file, index));
        return ordinal;
    }

    /** The id's number in its entity's table, adding it (as not yet defined) when new. */
    int ordinal(Entity entity, String id) {
        IdTable t = tables.computeIfAbsent(entity, e -> new IdTable());
        int ordinal = t.intern(id);
        defined.computeIfAbsent(entity, e -> new IntArray()).ensureSize(ordinal + 1, UNDEFINED);
        return ordinal;
    }

    /** The ordinal of an id some record defines, or -1. */
    int definedOrdinal(Entity entity, String id) {
        IdTable t = tables.get(entity);
        int ordinal = t == null ? -1 : t.find(id);
        return ordinal >= 0 && defined.get(entity).get(ordinal) != UNDEFINED ? ordinal : -1;
    }

    boolean isDefined(Entity entity, int ordinal) {
        IntArray at = defined.get(entity);
        return at != null && ordinal >= 0 && ordinal < at.size() && at.get(ordinal) != UNDEFINED;
    }

    /**
     * Whether a record defines the id. For an entity no one adds ids to any more (read before the one being
     * read), several threads may ask at once: lookups write nothing.
     */
    boolean contains(Entity entity, String id) {
        return definedOrdinal(entity, id) >= 0;
    }

    boolean contains(Target target, String id) {
        for (Entity e : target.entityArray()) {
            if (contains(e, id)) {
                return true;
            }
        }
        return false;
    }

    /** Where the record that defined this ordinal sits, or null. */
    First first(Entity entity, int ordinal) {
        return isDefined(entity, ordinal) ? first(defined.get(entity).get(ordinal)) : null;
    }

    String id(Entity entity, int ordinal) {
        return tables.get(entity).get(ordinal);
    }

    /** A package-wide record number: files are read one after another, so (file, index) maps to one int. */
    int seq(String file, long index) {
        if (files.isEmpty() || !files.get(files.size() - 1).equals(file)) {
            files.add(file);
            fileStarts.add(nextSeq);
        }
        long seq = fileStarts.get(fileStarts.size() - 1) + index;
        if (seq >= Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 records in one package");
        }
        nextSeq = Math.max(nextSeq, (int) seq + 1);
        return (int) seq;
    }

    /** The file and index of a package-wide record sequence number. */
    First at(int seq) {
        return first(seq);
    }

    private First first(int seq) {
        int lo = 0;
        int hi = fileStarts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fileStarts.get(mid) <= seq) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new First(files.get(lo), seq - fileStarts.get(lo));
    }
}
