package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Every id of the package and where it first appeared: the only per-record state the validator keeps, so memory
 * grows with the number of records, never with their size.
 */
final class IdIndex {
    /** Where an id was first seen; the file name instance is shared by all records of a file. */
    record First(String file, long index) {
    }

    private final Map<Entity, Map<String, First>> ids = new EnumMap<>(Entity.class);

    /** Records an id; returns the earlier occurrence when the id was already taken, else null. */
    First add(Entity entity, String id, String file, long index) {
        return ids.computeIfAbsent(entity, e -> new HashMap<>()).putIfAbsent(id, new First(file, index));
    }

    boolean contains(Entity entity, String id) {
        Map<String, First> m = ids.get(entity);
        return m != null && m.containsKey(id);
    }

    boolean contains(Target target, String id) {
        for (Entity e : target.entities()) {
            if (contains(e, id)) {
                return true;
            }
        }
        return false;
    }

    First first(Entity entity, String id) {
        Map<String, First> m = ids.get(entity);
        return m == null ? null : m.get(id);
    }
}
