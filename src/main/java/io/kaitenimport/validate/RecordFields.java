package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.KeptFields;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level fields of each entity's records that {@link Integrity} reads: the id, every field a
 * {@link ReferenceRules} path starts at, and the few each entity's own rule needs. The schema walk hands these on
 * as values and skips the rest, so no record is ever held whole. A rule that reads a new field adds it here
 * (IntegrityRulesTest and the differential test fail otherwise).
 */
final class RecordFields {
    private static final Map<Entity, KeptFields> FIELDS = new EnumMap<>(Entity.class);
    /** Per entity: the slot of each reference rule's first field. */
    private static final Map<Entity, int[]> RULE_SLOTS = new EnumMap<>(Entity.class);
    /** Per entity: the fields its own rule in {@link Integrity} reads, besides the id and the references. */
    private static final Map<Entity, Set<String>> OWN = new EnumMap<>(Entity.class);

    static {
        for (Entity e : Entity.values()) {
            Set<String> own = switch (e) {
                case USERS -> Set.of("email");
                case CUSTOM_FIELDS -> Set.of("type", "options");
                case CARDS -> Set.of("properties", "parent_card_ids", "child_card_ids", "blocks_card_ids",
                        "blocked_by_card_ids");
                case FILES, DOCUMENT_FILES -> Set.of("path");
                case DOCUMENTS -> Set.of("path", "parent_entity_id");
                case SPACES, FOLDERS -> Set.of("parent_entity_id");
                case CARD_TIMERS -> Set.of("started_at", "finished_at");
                default -> Set.of(); // references only
            };
            // the id first, then the rules' fields in their order: the slot order of the kept records
            Set<String> fields = new LinkedHashSet<>();
            fields.add("id");
            for (ReferenceRules.Rule rule : ReferenceRules.of(e)) {
                fields.add(rule.field());
            }
            fields.addAll(new java.util.TreeSet<>(own));
            KeptFields kept = KeptFields.of(fields);
            FIELDS.put(e, kept);
            OWN.put(e, own);
            RULE_SLOTS.put(e, ReferenceRules.of(e).stream().mapToInt(r -> kept.slot(r.field())).toArray());
        }
    }

    private RecordFields() {
    }

    static KeptFields of(Entity entity) {
        return FIELDS.get(entity);
    }

    /** The slot of each reference rule's first field, in the rules' order (the caller must not change it). */
    static int[] ruleSlots(Entity entity) {
        return RULE_SLOTS.get(entity);
    }

    /**
     * The slots of the fields that only the given reference rules read (bit i: the entity's rule i): once those
     * rules have run, the rest of the validation needs nothing from them.
     */
    static int[] onlyFor(Entity entity, long rules) {
        List<ReferenceRules.Rule> all = ReferenceRules.of(entity);
        Set<String> needed = new java.util.HashSet<>(OWN.get(entity));
        needed.add("id");
        for (int i = 0; i < all.size(); i++) {
            if ((rules & 1L << i) == 0) {
                needed.add(all.get(i).field());
            }
        }
        Set<Integer> slots = new java.util.TreeSet<>();
        for (int i = 0; i < all.size(); i++) {
            if ((rules & 1L << i) != 0 && !needed.contains(all.get(i).field())) {
                slots.add(of(entity).slot(all.get(i).field()));
            }
        }
        return slots.stream().mapToInt(Integer::intValue).toArray();
    }
}
