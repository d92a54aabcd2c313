package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.Location;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.KeptRecord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cross-record rules. Records arrive one at a time (the scanner reads referred-to entities first); each gives
 * up its id and references and is then forgotten. A reference is checked at once when every entity it may point
 * to has been read, and kept until {@link #finish()} otherwise (card-to-card links, comment threads).
 */
final class Integrity {
    private final IdIndex index = new IdIndex();
    private final CardGraph graph = new CardGraph();
    private final TreeGraph tree = new TreeGraph();
    private final PropertyValues properties;
    private final Map<String, String> emails = new HashMap<>();
    private final Set<Entity> unread;
    private final PendingRefs pending = new PendingRefs(index);
    private final List<String> cardFiles = new ArrayList<>();
    private final PackageReader reader;
    private final Consumer<Issue> out;

    /** @param toRead the entities the scanner will feed; the others count as read (and empty) from the start */
    Integrity(Set<Entity> toRead, PackageReader reader, Consumer<Issue> out) {
        this.unread = toRead.isEmpty() ? EnumSet.noneOf(Entity.class) : EnumSet.copyOf(toRead);
        this.reader = reader;
        this.out = out;
        this.properties = new PropertyValues(this);
    }

    /** The entity of the record being read: pending references remember who made them. */
    private Entity reading;
    /** Where the record being read is, for the locations of its references. */
    private String file;
    private long position;
    private String id;
    /** The number of the record's id in its entity's table, or -1 without an id. */
    private int idOrdinal;
    /** Whether the record is the first with its id (a later one is a duplicate and adds no card links). */
    private boolean firstOfId;
    private final int[] stars = new int[4];
    private final JsonNode[] tops = new JsonNode[ReferenceRules.maxRules()];
    private final ReferenceRules.Visit reference = this::reference;

    /** One id a reference rule found in the record being read; its Location is built only when it is needed. */
    private void reference(JsonNode value, ReferenceRules.Rule rule, int[] indexes) {
        String ref = Ids.of(value);
        if (ref == null) {
            return; // not an id: a schema type issue
        }
        Target target = rule.target();
        if (reading == Entity.CARDS && target == Target.CARDS) {
            if (ref.equals(id)) {
                out.accept(Issue.of(IssueCode.REF_SELF, where(rule, indexes), rule.field()));
            } else {
                cardLink(ref, rule, indexes);
            }
            return;
        }
        if (!index.contains(target, ref)) {
            missing(target, ref, where(rule, indexes));
        }
    }

    /**
     * A card's reference to another card, read while cards stream past: the other card is numbered once (a later
     * card is numbered as not yet defined), and that number serves the pending check, and the card graph for the
     * four link lists.
     */
    private void cardLink(String ref, ReferenceRules.Rule rule, int[] indexes) {
        int other = index.ordinal(Entity.CARDS, ref);
        if (!index.isDefined(Entity.CARDS, other)) {
            pending.add(Target.CARDS, other, file, position, ReferenceRules.pointer(rule, indexes), Entity.CARDS,
                    idOrdinal);
        }
        if (firstOfId && rule.cardLink() >= 0) {
            graph.link(rule.cardLink(), idOrdinal, other);
        }
    }

    private Location where(ReferenceRules.Rule rule, int[] indexes) {
        return Location.record(file, position, id, ReferenceRules.pointer(rule, indexes));
    }

    /** The rules of the entity being read that the reading threads check ({@link #settle}). */
    private long settled;

    /**
     * Starts an entity's records. Returns the bits of its reference rules (bit i: rule i of
     * {@link ReferenceRules#of}) whose every target entity is read already: those tables no longer change, so the
     * reading threads check these references themselves with a {@link SettledCheck}, beside each other, and
     * {@link #record} leaves them out. Call it before the entity's first record, on the thread that hands them on.
     */
    long settle(Entity entity) {
        List<ReferenceRules.Rule> rules = ReferenceRules.of(entity);
        long bits = 0;
        for (int i = 0; i < rules.size(); i++) {
            boolean read = true;
            for (Entity e : rules.get(i).target().entityArray()) {
                read &= !unread.contains(e);
            }
            if (read) {
                bits |= 1L << i;
            }
        }
        settled = bits;
        return bits;
    }

    /**
     * One reading thread's check of the settled references ({@link #settle}) of its records: it only looks ids up
     * in tables nobody adds to any more, so several may run at once, and its issues go with the record's own.
     */
    final class SettledCheck implements ReferenceRules.Visit {
        private final Entity entity;
        private final long rules;
        private final JsonNode[] tops = new JsonNode[ReferenceRules.maxRules()];
        private final int[] stars = new int[4];
        private String file;
        private long position;
        private JsonNode record;
        private List<Issue> into;

        /** The kept fields only these rules read, dropped once they have run. */
        private final int[] done;

        SettledCheck(Entity entity, long rules) {
            this.entity = entity;
            this.rules = rules;
            this.done = RecordFields.onlyFor(entity, rules);
        }

        void check(String file, long position, JsonNode record, List<Issue> into) {
            if (rules == 0) {
                return;
            }
            this.file = file;
            this.position = position;
            this.record = record;
            this.into = into;
            ReferenceRules.eachOf(entity, record, rules, tops, stars, this);
            if (record instanceof KeptRecord kept && kept.keptFields() == RecordFields.of(entity)) {
                for (int slot : done) {
                    kept.drop(slot);
                }
            }
        }

        @Override
        public void at(JsonNode value, ReferenceRules.Rule rule, int[] indexes) {
            String ref = Ids.of(value);
            if (ref != null && !index.contains(rule.target(), ref)) {
                Location where = Location.record(file, position, Ids.ofRecord(record),
                        ReferenceRules.pointer(rule, indexes));
                into.add(unresolved(rule.target(), ref, where));
            }
        }
    }

    private static Issue unresolved(Target target, String value, Location where) {
        return Issue.of(IssueCode.REF_UNRESOLVED, where, SchemaErrors.field(where.pointer()), value, target.noun());
    }

    void record(Entity entity, String file, long position, JsonNode record) {
        reading = entity;
        if (!record.isObject()) {
            return; // the schema reports a record that is not an object
        }
        String id = Ids.ofRecord(record);
        firstOfId = false;
        idOrdinal = -1;
        if (id == null) {
            out.accept(Issue.of(IssueCode.ID_MISSING, Location.record(file, position, null, "/id")));
        } else {
            int added = index.add(entity, id, file, position);
            firstOfId = added >= 0;
            idOrdinal = firstOfId ? added : ~added;
            if (!firstOfId) {
                IdIndex.First first = index.first(entity, idOrdinal);
                out.accept(Issue.of(IssueCode.ID_DUPLICATE, Location.record(file, position, id, "/id"),
                        entity.key(), id, first.index(), first.file()));
            }
        }
        this.file = file;
        this.position = position;
        this.id = id;
        ReferenceRules.eachOf(entity, record, ~settled, tops, stars, reference);
        switch (entity) {
            case USERS -> email(record, file, position, id);
            case CUSTOM_FIELDS -> properties.field(id, record);
            case CARDS -> {
                properties.card(record, file, position, id);
                if (cardFiles.isEmpty() || !cardFiles.get(cardFiles.size() - 1).equals(file)) {
                    cardFiles.add(file);
                }
            }
            case FILES, DOCUMENT_FILES -> binary(record, file, position, id, IssueCode.FILE_PATH_MISSING);
            case DOCUMENTS -> {
                binary(record, file, position, id, IssueCode.DOCUMENT_PATH_MISSING);
                parent(record, file, position, id);
            }
            case SPACES, FOLDERS -> parent(record, file, position, id);
            case CARD_TIMERS -> timer(record, file, position, id);
            default -> {
                // no rule of its own
            }
        }
    }

    /** The keys of a mapping file are ids of columns or fields that already exist in Kaiten. */
    void mapping(Entity entity, String file, JsonNode object) {
        for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
            index.add(entity, keys.next(), file, 0);
        }
    }

    void done(Entity entity) {
        unread.remove(entity);
        settled = 0;
    }

    void finish() {
        pending.check((target, value, where) -> out.accept(unresolved(target, value, where)));
        graph.check(index, visitor -> {
            for (String f : cardFiles) {
                EntityScanner.forEachRecord(reader, f, visitor);
            }
        }, out);
        tree.check(out);
    }

    private void parent(JsonNode record, String file, long position, String id) {
        String parent = Ids.of(record.get("parent_entity_id"));
        if (parent != null) {
            tree.add(id, parent, Location.record(file, position, id, "/parent_entity_id"));
        }
    }

    void resolve(Target target, String value, Location where) {
        if (!index.contains(target, value)) {
            missing(target, value, where);
        }
    }

    /**
     * A reference to an id no record read so far defines: unresolved when every entity it may point to has been
     * read, else kept (as ints, see PendingRefs) until the end, as a later record may define it.
     */
    private void missing(Target target, String value, Location where) {
        for (Entity e : target.entityArray()) {
            if (unread.contains(e)) {
                pending.add(target, value, where, reading);
                return;
            }
        }
        out.accept(unresolved(target, value, where));
    }

    void report(Issue issue) {
        out.accept(issue);
    }

    private void email(JsonNode user, String file, long position, String id) {
        JsonNode email = user.get("email");
        if (email == null || !email.isTextual() || email.asText().isBlank()) {
            return;
        }
        String key = email.asText().trim().toLowerCase(Locale.ROOT);
        String first = emails.putIfAbsent(key, id == null ? "#" + position : id);
        if (first != null) {
            out.accept(Issue.of(IssueCode.USER_EMAIL_DUPLICATE, Location.record(file, position, id, "/email"),
                    email.asText(), first));
        }
    }

    private void binary(JsonNode record, String file, long position, String id, IssueCode missing) {
        JsonNode path = record.get("path");
        if (path != null && path.isTextual() && !path.asText().isBlank() && !reader.exists(path.asText())) {
            out.accept(Issue.of(missing, Location.record(file, position, id, "/path"),
                    path.asText()));
        }
    }

    private void timer(JsonNode timer, String file, long position, String id) {
        JsonNode started = timer.get("started_at");
        JsonNode finished = timer.get("finished_at");
        if (started == null || finished == null || !started.isTextual() || !finished.isTextual()) {
            return;
        }
        Integer order = Ids.compareTimes(started.asText(), finished.asText());
        if (order != null && order > 0) {
            out.accept(Issue.of(IssueCode.TIMER_ORDER, Location.record(file, position, id, "/finished_at"),
                    finished.asText(), started.asText()));
        }
    }
}
