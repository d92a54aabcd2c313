package io.kaitenimport.model;

public record Board(String id, String title, String authorId, String created, String spaceId) implements ImportRecord {
    public static Board of(String id, String title) {
        return new Board(id, title, null, null, null);
    }

    @Override
    public Entity entity() {
        return Entity.BOARDS;
    }
}
