package io.kaitenimport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A card with everything the import format can carry. Lists are never null inside the record (empty when absent);
 * the JSON writer omits empty values. Build with {@link #builder(String, String, String)}.
 */
public record Card(
        String id,
        String key,
        String columnId,
        String title,
        String typeName,
        String description,
        String descriptionType,
        String created,
        Boolean archived,
        Boolean asap,
        String ownerId,
        String responsibleId,
        List<String> memberIds,
        CardDate dueDate,
        CardDate plannedStart,
        CardDate plannedEnd,
        String sizeText,
        Double estimateWorkload,
        List<Tag> tags,
        List<Checklist> checklists,
        List<Link> links,
        List<Property> properties,
        List<String> parentCardIds,
        List<String> childCardIds,
        List<String> blocksCardIds,
        List<String> blockedByCardIds,
        List<String> relatedCardIds,
        List<PlannedPredecessor> plannedPredecessors,
        List<HistoryEntry> history) implements ImportRecord {

    public static final int MAX_TITLE = 1024;

    public Card {
        Objects.requireNonNull(id, "id");
        memberIds = copy(memberIds);
        tags = copy(tags);
        checklists = copy(checklists);
        links = copy(links);
        properties = copy(properties);
        parentCardIds = copy(parentCardIds);
        childCardIds = copy(childCardIds);
        blocksCardIds = copy(blocksCardIds);
        blockedByCardIds = copy(blockedByCardIds);
        relatedCardIds = copy(relatedCardIds);
        plannedPredecessors = copy(plannedPredecessors);
        history = copy(history);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @Override
    public Entity entity() {
        return Entity.CARDS;
    }

    public static Builder builder(String id, String columnId, String title) {
        return new Builder(id, columnId, title);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, columnId, title);
        b.key = key;
        b.typeName = typeName;
        b.description = description;
        b.descriptionType = descriptionType;
        b.created = created;
        b.archived = archived;
        b.asap = asap;
        b.ownerId = ownerId;
        b.responsibleId = responsibleId;
        b.memberIds.addAll(memberIds);
        b.dueDate = dueDate;
        b.plannedStart = plannedStart;
        b.plannedEnd = plannedEnd;
        b.sizeText = sizeText;
        b.estimateWorkload = estimateWorkload;
        b.tags.addAll(tags);
        b.checklists.addAll(checklists);
        b.links.addAll(links);
        b.properties.addAll(properties);
        b.parentCardIds.addAll(parentCardIds);
        b.childCardIds.addAll(childCardIds);
        b.blocksCardIds.addAll(blocksCardIds);
        b.blockedByCardIds.addAll(blockedByCardIds);
        b.relatedCardIds.addAll(relatedCardIds);
        b.plannedPredecessors.addAll(plannedPredecessors);
        b.history.addAll(history);
        return b;
    }

    public record Tag(String name) {
        public static final int MAX_NAME = 128;
    }

    public record Link(String url, String description, String created) {
        public static Link of(String url, String description) {
            return new Link(url, description, null);
        }
    }

    public record Checklist(String name, List<ChecklistItem> items) {
        public Checklist {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record ChecklistItem(String text, Double sortOrder, Boolean checked, String created, String checkedAt,
                                String checkedBy, String createdBy, CardDate dueDate, String responsibleId) {
        public static ChecklistItem of(String text, double sortOrder, boolean checked) {
            return new ChecklistItem(text, sortOrder, checked, null, null, null, null, null, null);
        }
    }

    /** A custom property value: string, number, boolean, or a list of option/user ids for select/user fields. */
    public record Property(String id, Object value) {
    }

    public record PlannedPredecessor(String id, Double gap, String gapType) {
    }

    /** Only {@code card_move} is accepted by the importer; old/new values carry the column ids. */
    public record HistoryEntry(String type, String created, String authorId, ColumnRef oldValue, ColumnRef newValue) {
        public static HistoryEntry move(String created, String authorId, String fromColumn, String toColumn) {
            return new HistoryEntry("card_move", created, authorId,
                    fromColumn == null ? null : new ColumnRef(fromColumn), new ColumnRef(toColumn));
        }
    }

    public record ColumnRef(String columnId) {
    }

    /** Mutable builder; adapters fill what their source has. */
    public static final class Builder {
        private final String id;
        private String columnId;
        private String title;
        private String key;
        private String typeName;
        private String description;
        private String descriptionType;
        private String created;
        private Boolean archived;
        private Boolean asap;
        private String ownerId;
        private String responsibleId;
        private final List<String> memberIds = new ArrayList<>();
        private CardDate dueDate;
        private CardDate plannedStart;
        private CardDate plannedEnd;
        private String sizeText;
        private Double estimateWorkload;
        private final List<Tag> tags = new ArrayList<>();
        private final List<Checklist> checklists = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Property> properties = new ArrayList<>();
        private final List<String> parentCardIds = new ArrayList<>();
        private final List<String> childCardIds = new ArrayList<>();
        private final List<String> blocksCardIds = new ArrayList<>();
        private final List<String> blockedByCardIds = new ArrayList<>();
        private final List<String> relatedCardIds = new ArrayList<>();
        private final List<PlannedPredecessor> plannedPredecessors = new ArrayList<>();
        private final List<HistoryEntry> history = new ArrayList<>();

        private Builder(String id, String columnId, String title) {
            this.id = id;
            this.columnId = columnId;
            this.title = title;
        }

        public Builder columnId(String v) { columnId = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder key(String v) { key = v; return this; }
        public Builder typeName(String v) { typeName = v; return this; }
        public Builder description(String text, String type) { description = text; descriptionType = text == null ? null : type; return this; }
        public Builder created(String v) { created = v; return this; }
        public Builder archived(Boolean v) { archived = v; return this; }
        public Builder asap(Boolean v) { asap = v; return this; }
        public Builder ownerId(String v) { ownerId = v; return this; }
        public Builder responsibleId(String v) { responsibleId = v; return this; }
        public Builder dueDate(CardDate v) { dueDate = v; return this; }
        public Builder plannedStart(CardDate v) { plannedStart = v; return this; }
        public Builder plannedEnd(CardDate v) { plannedEnd = v; return this; }
        public Builder sizeText(String v) { sizeText = v; return this; }
        public Builder estimateWorkload(Double v) { estimateWorkload = v; return this; }
        public Builder addMember(String userId) { addUnique(memberIds, userId); return this; }
        public Builder addTag(String name) {
            if (name != null && tags.stream().noneMatch(t -> t.name().equals(name))) {
                tags.add(new Tag(name));
            }
            return this;
        }
        public Builder addChecklist(Checklist v) { checklists.add(v); return this; }
        public Builder addLink(Link v) {
            if (v != null && links.stream().noneMatch(l -> l.url().equals(v.url()))) {
                links.add(v);
            }
            return this;
        }
        public Builder addProperty(Property v) { properties.add(v); return this; }
        public Builder addParent(String cardId) { addUnique(parentCardIds, cardId); return this; }
        public Builder addChild(String cardId) { addUnique(childCardIds, cardId); return this; }
        public Builder addBlocks(String cardId) { addUnique(blocksCardIds, cardId); return this; }
        public Builder addBlockedBy(String cardId) { addUnique(blockedByCardIds, cardId); return this; }
        public Builder addRelated(String cardId) { addUnique(relatedCardIds, cardId); return this; }
        public Builder addPredecessor(PlannedPredecessor v) { plannedPredecessors.add(v); return this; }
        public Builder addHistory(HistoryEntry v) { history.add(v); return this; }

        public String id() { return id; }
        public String columnId() { return columnId; }
        public String title() { return title; }
        public List<String> memberIds() { return memberIds; }
        public List<Tag> tags() { return tags; }
        public List<Link> links() { return links; }
        public List<HistoryEntry> history() { return history; }

        private static void addUnique(List<String> list, String v) {
            if (v != null && !list.contains(v)) {
                list.add(v);
            }
        }

        public Card build() {
            return new Card(id, key, columnId, title, typeName, description, descriptionType, created, archived, asap,
                    ownerId, responsibleId, memberIds, dueDate, plannedStart, plannedEnd, sizeText, estimateWorkload,
                    tags, checklists, links, properties, parentCardIds, childCardIds, blocksCardIds, blockedByCardIds,
                    relatedCardIds, plannedPredecessors, history);
        }
    }
}
