package io.kaitenimport.model;

public record Folder(String id, String title, String created, String parentEntityId, Double sortOrder)
        implements ImportRecord {
    @Override
    public Entity entity() {
        return Entity.FOLDERS;
    }
}
