package io.kaitenimport.validate.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The top-level fields of a record that the streaming walk hands on ({@link CompiledSchema.Records#next}), each
 * with a fixed slot number: a {@link KeptRecord} holds their values in an array by slot, so the rules that read
 * them find a field by number, not by hashing its name. Immutable.
 */
public final class KeptFields implements Iterable<String> {
    private final List<String> names;
    private final Map<String, Integer> slots = new HashMap<>();

    private KeptFields(List<String> names) {
        this.names = names;
        for (int i = 0; i < names.size(); i++) {
            slots.put(names.get(i), i);
        }
    }

    /** The fields in slot order (the order given, each name once). */
    public static KeptFields of(Collection<String> names) {
        return new KeptFields(names.stream().distinct().toList());
    }

    /** The slot of a field, or -1 when it is not kept. */
    public int slot(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    public int size() {
        return names.size();
    }

    String name(int slot) {
        return names.get(slot);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }
}
