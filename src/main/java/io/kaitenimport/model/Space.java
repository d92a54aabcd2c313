package io.kaitenimport.model;

public record Space(String id, String title, String created, String parentEntityId, Double sortOrder, String key)
        implements ImportRecord {
    public static Space of(String id, String title) {
        return new Space(id, title, null, null, null, null);
    }

    @Override
    public Entity entity() {
        return Entity.SPACES;
    }
}
