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

    Target(String noun, Entity... entities) {
        this.noun = noun;
        this.entities = List.of(entities);
    }

    /** Fills "does not match any %s in the package". */
    String noun() {
        return noun;
    }

    List<Entity> entities() {
        return entities;
    }
}
