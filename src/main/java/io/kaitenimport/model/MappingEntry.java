package io.kaitenimport.model;

import java.util.Objects;

/**
 * One pair of {@code properties_mapping} or {@code columns_mapping}: an external id of this package that should
 * reuse an existing Kaiten object (by its internal integer id) instead of creating a new one.
 */
public record MappingEntry(Entity mappingEntity, String id, long kaitenId) implements ImportRecord {
    public MappingEntry {
        Objects.requireNonNull(mappingEntity);
        if (!mappingEntity.isMapping()) {
            throw new IllegalArgumentException(mappingEntity + " is not a mapping entity");
        }
    }

    @Override
    public Entity entity() {
        return mappingEntity;
    }
}
