package io.kaitenimport.model;

import java.util.List;
import java.util.Map;

/** A custom property definition; cards refer to it by id in {@code properties}. */
public record CustomField(String id, String type, String name, List<Option> options, List<CatalogField> catalogFields,
                          Map<String, Object> data, String scoreVariant, String voteVariant) implements ImportRecord {
    public CustomField {
        options = options == null ? null : List.copyOf(options);
        catalogFields = catalogFields == null ? null : List.copyOf(catalogFields);
    }

    public static CustomField of(String id, String type, String name) {
        return new CustomField(id, type, name, null, null, null, null, null);
    }

    public static CustomField select(String id, String type, String name, List<Option> options) {
        return new CustomField(id, type, name, options, null, null, null, null);
    }

    @Override
    public Entity entity() {
        return Entity.CUSTOM_FIELDS;
    }

    /** A select option; {@code color} is Kaiten's palette index 1–17. */
    public record Option(String id, String value, Integer color, Double sortOrder) {
    }

    public record CatalogField(String id, String name, Boolean required, Double sortOrder) {
    }
}
