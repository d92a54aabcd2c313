package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The kept fields of one object record ({@link KeptFields}): an object node to everything that reads it as one,
 * whose values sit in an array by slot instead of a LinkedHashMap of entries. Building one costs an array, and
 * {@link #at} reads a field without hashing its name; the reference rules read every card this way.
 */
public final class KeptRecord extends ObjectNode {
    private final Slots slots;

    KeptRecord(KeptFields fields) {
        this(new Slots(fields));
    }

    private KeptRecord(Slots slots) {
        super(JsonNodeFactory.instance, slots);
        this.slots = slots;
    }

    /** Which fields the slots are. */
    public KeptFields keptFields() {
        return slots.fields;
    }

    /** The value of the field in {@code slot}, or null when the record does not have it. */
    public JsonNode at(int slot) {
        return slots.values[slot];
    }

    /** Forgets the field in {@code slot}: what is no longer needed is not held while the record waits. */
    public void drop(int slot) {
        slots.values[slot] = null;
    }

    void put(int slot, JsonNode value) {
        slots.values[slot] = value;
    }

    /** The map view the object node works on; fields other than the kept ones cannot be set. */
    private static final class Slots extends AbstractMap<String, JsonNode> {
        final KeptFields fields;
        final JsonNode[] values;

        Slots(KeptFields fields) {
            this.fields = fields;
            this.values = new JsonNode[fields.size()];
        }

        @Override
        public JsonNode get(Object key) {
            int slot = key instanceof String s ? fields.slot(s) : -1;
            return slot < 0 ? null : values[slot];
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            int slot = fields.slot(key);
            if (slot < 0) {
                throw new UnsupportedOperationException("'" + key + "' is not a kept field");
            }
            JsonNode old = values[slot];
            values[slot] = value;
            return old;
        }

        @Override
        public JsonNode remove(Object key) {
            int slot = key instanceof String s ? fields.slot(s) : -1;
            if (slot < 0) {
                return null;
            }
            JsonNode old = values[slot];
            values[slot] = null;
            return old;
        }

        @Override
        public int size() {
            int n = 0;
            for (JsonNode v : values) {
                if (v != null) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    return new Iterator<>() {
                        private int next = advance(0);

                        private int advance(int from) {
                            while (from < values.length && values[from] == null) {
                                from++;
                            }
                            return from;
                        }

                        @Override
                        public boolean hasNext() {
                            return next < values.length;
                        }

                        @Override
                        public Entry<String, JsonNode> next() {
                            if (next >= values.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, JsonNode> e = new SimpleImmutableEntry<>(fields.name(next), values[next]);
                            next = advance(next + 1);
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return Slots.this.size();
                }
            };
        }
    }
}
