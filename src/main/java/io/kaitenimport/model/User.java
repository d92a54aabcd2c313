package io.kaitenimport.model;

/** A person; Kaiten requires a valid email and may send an invitation to it. */
public record User(String id, String email, String fullName) implements ImportRecord {
    @Override
    public Entity entity() {
        return Entity.USERS;
    }
}
