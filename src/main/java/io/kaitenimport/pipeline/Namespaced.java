package io.kaitenimport.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.Entity;
import io.kaitenimport.model.ImportRecord;
import io.kaitenimport.model.MappingEntry;
import io.kaitenimport.model.RawRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink one input of a several-export conversion writes through: every id it makes and every reference to one
 * gets the input's prefix ({@code i2-…}), so two exports cannot collide. People are not prefixed: one registry
 * serves all inputs and a person is the same person in every export. When the inputs share one space
 * ({@code --space}), the first input's space is kept and the others' space ids are redirected to it.
 */
final class Namespaced implements ModelSink {
    /** Which fields hold ids of records of the same input, per entity; '*' walks an array. */
    private static final Map<Entity, List<String[]>> REFS = new EnumMap<>(Entity.class);

    static {
        put(Entity.SPACES, "id", "parent_entity_id");
        put(Entity.FOLDERS, "id", "parent_entity_id");
        put(Entity.BOARDS, "id", "space_id");
        put(Entity.COLUMNS, "id", "board_id");
        put(Entity.CUSTOM_FIELDS, "id");
        put(Entity.CARDS, "id", "column_id", "parent_card_ids/*", "child_card_ids/*", "blocks_card_ids/*",
                "blocked_by_card_ids/*", "related_card_ids/*", "planned_predecessors/*/id", "properties/*/id",
                "history/*/old_value/column_id", "history/*/new_value/column_id");
        put(Entity.COMMENTS, "id", "card_id", "parent_id");
        put(Entity.FILES, "id", "card_id", "custom_field_id");
        put(Entity.CARD_TIMERS, "id", "card_id");
        put(Entity.DOCUMENTS, "id", "parent_entity_id");
        put(Entity.DOCUMENT_FILES, "id", "document_id");
    }

    private static void put(Entity e, String... paths) {
        REFS.put(e, java.util.Arrays.stream(paths).map(p -> p.split("/")).toList());
    }

    /** Space ids redirected to the one shared space; shared by the sinks of all inputs. */
    static final class SharedSpace {
        private final boolean shared;
        private String id;
        private final Map<String, String> aliases = new HashMap<>();

        SharedSpace(boolean shared) {
            this.shared = shared;
        }
    }

    private final ModelSink target;
    private final String prefix;
    private final SharedSpace space;
    private final Map<Entity, Long> counts = new EnumMap<>(Entity.class);

    Namespaced(ModelSink target, String prefix, SharedSpace space) {
        this.target = target;
        this.prefix = prefix;
        this.space = space;
    }

    /** Records this input wrote, per entity (a shared space counts for the input that made it). */
    Map<Entity, Long> counts() {
        return counts;
    }

    @Override
    public void accept(ImportRecord record) throws IOException {
        if (record instanceof MappingEntry m) {
            count(m.entity());
            target.accept(new MappingEntry(m.mappingEntity(), externalId(m.id()), m.kaitenId()));
            return;
        }
        Entity entity = record.entity();
        if (entity == Entity.USERS) {
            count(entity);
            target.accept(record);
            return;
        }
        ObjectNode json = Json.MAPPER.valueToTree(record);
        for (String[] path : REFS.getOrDefault(entity, List.of())) {
            rewrite(json, path, 0);
        }
        String id = json.path("id").asText(null);
        if (entity == Entity.SPACES && space.shared) {
            if (space.id != null) {
                space.aliases.put(id, space.id);
                return; // the inputs share the first input's space
            }
            space.id = id;
        }
        count(entity);
        target.accept(new RawRecord(entity, id, json));
    }

    private void count(Entity e) {
        counts.merge(e, 1L, Long::sum);
    }

    private void rewrite(JsonNode node, String[] path, int at) {
        if (node == null || node.isNull() || at >= path.length) {
            return;
        }
        String step = path[at];
        if (step.equals("*")) {
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (at + 1 == path.length) {
                        JsonNode v = array.get(i);
                        if (v.isTextual() || v.isNumber()) {
                            array.set(i, TextNode.valueOf(mapped(v.asText())));
                        }
                    } else {
                        rewrite(array.get(i), path, at + 1);
                    }
                }
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        JsonNode v = object.get(step);
        if (at + 1 < path.length) {
            rewrite(v, path, at + 1);
        } else if (v != null && (v.isTextual() || v.isNumber())) {
            object.put(step, mapped(v.asText()));
        }
    }

    private String mapped(String id) {
        String p = externalId(id);
        return space.aliases.getOrDefault(p, p);
    }

    @Override
    public String externalId(String localId) {
        return prefix + localId;
    }

    @Override
    public boolean storesFiles() {
        return target.storesFiles();
    }

    @Override
    public String addFile(String folder, String ownerId, String name, Path source) throws IOException {
        return target.addFile(folder, externalId(ownerId), name, source);
    }

    @Override
    public String addFile(String folder, String ownerId, String name, byte[] content) throws IOException {
        return target.addFile(folder, externalId(ownerId), name, content);
    }
}
