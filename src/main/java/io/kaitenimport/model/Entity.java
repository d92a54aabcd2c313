package io.kaitenimport.model;

import java.util.Optional;

/**
 * The 14 entities of a Kaiten import package, in the order they are listed in {@code meta-data.json}:
 * things that are referred to come before the things that refer to them.
 */
public enum Entity {
    USERS("users"),
    SPACES("spaces"),
    FOLDERS("folders"),
    BOARDS("boards"),
    COLUMNS("columns"),
    CUSTOM_FIELDS("custom_fields"),
    CARDS("cards"),
    COMMENTS("comments"),
    FILES("files"),
    CARD_TIMERS("card_timers"),
    DOCUMENTS("documents"),
    DOCUMENT_FILES("document_files"),
    PROPERTIES_MAPPING("properties_mapping"),
    COLUMNS_MAPPING("columns_mapping");

    private final String key;

    Entity(String key) {
        this.key = key;
    }

    /** The snake_case plural name used in {@code meta-data.json} and in file names. */
    public String key() {
        return key;
    }

    /** Mapping entities are one JSON object per file ({@code {"external": internal}}), not an array of records. */
    public boolean isMapping() {
        return this == PROPERTIES_MAPPING || this == COLUMNS_MAPPING;
    }

    public static Optional<Entity> byKey(String key) {
        for (Entity e : values()) {
            if (e.key.equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
