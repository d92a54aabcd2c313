package io.kaitenimport.model;

public record CardTimer(String id, String authorId, String cardId, String startedAt, String finishedAt, String comment)
        implements ImportRecord {
    @Override
    public Entity entity() {
        return Entity.CARD_TIMERS;
    }
}
