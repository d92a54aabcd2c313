package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;

import java.util.List;

/**
 * What a reference may point at: the ids of one or more entities, where the keys of a mapping file count as ids
 * too (a mapped column or field exists in Kaiten already).
 */
enum Target {
    USERS("user", Entity.USERS),
    SPACES("space", Entity.SPACES),
    TREE("space, folder or document", Entity.SPACES, Entity.FOLDERS, Entity.DOCUMENTS),
    BOARDS("board", Entity.BOARDS),
    COLUMNS("column or columns_mapping key", Entity.COLUMNS, Entity.COLUMNS_MAPPING),
    CUSTOM_FIELDS("custom field or properties_mapping key", Entity.CUSTOM_FIELDS, Entity.PROPERTIES_MAPPING),
    CARDS("card", Entity.CARDS),
    COMMENTS("comment", Entity.COMMENTS),
    DOCUMENTS("document", Entity.DOCUMENTS);

    private final String noun;
    private final List<Entity> entities;
    /** The same, for the per-reference loops (no iterator per reference). */
    private final Entity[] array;

    Target(String noun, Entity... entities) {
        this.noun = noun;
        this.entities = List.of(entities);
        this.array = entities;
    }

    /** Fills "does not match any %s in the package". */
    String noun() {
        return noun;
    }

    List<Entity> entities() {
        return entities;
    }

    /** {@link #entities()} as an array the caller must not change. */
    Entity[] entityArray() {
        return array;
    }
}
