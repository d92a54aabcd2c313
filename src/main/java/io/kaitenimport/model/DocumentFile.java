package io.kaitenimport.model;

public record DocumentFile(String id, String documentId, String path, String name) implements ImportRecord {
    @Override
    public Entity entity() {
        return Entity.DOCUMENT_FILES;
    }
}
