package io.kaitenimport.model;

/** A board column; {@code type} is 1 queued, 2 in progress, 3 done. */
public record Column(String id, String title, String boardId, Double sortOrder, Integer type, String created)
        implements ImportRecord {
    public static final int QUEUED = 1;
    public static final int IN_PROGRESS = 2;
    public static final int DONE = 3;

    @Override
    public Entity entity() {
        return Entity.COLUMNS;
    }
}
