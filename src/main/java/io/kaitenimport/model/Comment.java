package io.kaitenimport.model;

/** A card comment; {@code type} is "markdown" or "html". */
public record Comment(String id, String cardId, String text, String authorId, String authorName, String created,
                      String parentId, String type) implements ImportRecord {
    /** Kaiten rejects comments longer than this (measured on the REST API); longer text is split. */
    public static final int MAX_TEXT = 4096;

    @Override
    public Entity entity() {
        return Entity.COMMENTS;
    }
}
