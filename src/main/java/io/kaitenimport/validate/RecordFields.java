package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.KeptFields;

import java.util.EnumMap;
import java.util.LinkedHashSet;
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

    static {
        for (Entity e : Entity.values()) {
            // the id first, then the rules' fields in their order: the slot order of the kept records
            Set<String> fields = new LinkedHashSet<>();
            fields.add("id");
            for (ReferenceRules.Rule rule : ReferenceRules.of(e)) {
                fields.add(rule.field());
            }
            switch (e) {
                case USERS -> fields.add("email");
                case CUSTOM_FIELDS -> fields.addAll(Set.of("type", "options"));
                case CARDS -> fields.addAll(Set.of("properties", "parent_card_ids", "child_card_ids",
                        "blocks_card_ids", "blocked_by_card_ids"));
                case FILES, DOCUMENT_FILES -> fields.add("path");
                case DOCUMENTS -> fields.addAll(Set.of("path", "parent_entity_id"));
                case SPACES, FOLDERS -> fields.add("parent_entity_id");
                case CARD_TIMERS -> fields.addAll(Set.of("started_at", "finished_at"));
                default -> {
                    // references only
                }
            }
            FIELDS.put(e, KeptFields.of(fields));
        }
    }

    private RecordFields() {
    }

    static KeptFields of(Entity entity) {
        return FIELDS.get(entity);
    }
}
