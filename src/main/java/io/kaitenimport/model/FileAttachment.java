package io.kaitenimport.model;

/**
 * A card attachment ({@code files} entity). A local binary is referenced by a {@code ./}-relative {@code path}
 * inside the package; {@code external} files need {@code external_type} gdrive|dropbox and a URL.
 */
public record FileAttachment(String id, String cardId, String name, String authorId, String created, Long size,
                             String path, Boolean external, String externalType, String externalUrl,
                             String customFieldId) implements ImportRecord {
    @Override
    public Entity entity() {
        return Entity.FILES;
    }
}
