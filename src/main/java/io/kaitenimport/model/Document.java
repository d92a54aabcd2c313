package io.kaitenimport.model;

public record Document(String id, String title, String created, String parentEntityId, String path, Double sortOrder,
                       String type) implements ImportRecord {
    @Override
    public Entity entity() {
        return Entity.DOCUMENTS;
    }
}
