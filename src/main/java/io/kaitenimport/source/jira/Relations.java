package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.compact.LongSet;
import io.kaitenimport.model.Card;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parent/child and issue-link relations. Pass 1 records every reference (parent, subtasks, issue links, Epic Link
 * candidates) in a {@link RefSpill} (memory, then a temp file); {@link #resolve} then matches them against all issues
 * of all inputs, so both sides of each relation are written (a Jira link is listed on both issues, an epic's children
 * only on the children), each link is counted once, and references to issues outside the export become a browse link
 * plus a loss.
 * <p>
 * What stays on the heap for pass 2 is ids, not objects: one {@code (card, sequence|kind)} long and one int (the
 * other card) per side of each relation, sorted by card. A card's lists come out in the order the references were
 * resolved, as insertion-ordered sets would give them.
 */
final class Relations implements Closeable {
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");

    enum Kind { PARENT, SUBTASK, EPIC, LINK }

    /** One reference as the source states it; {@code from} is the card ordinal of the issue stating it. */
    record Ref(Kind kind, int from, String targetId, String targetKey, String type,
               boolean outward, String verb, String field, String browseUrl, Location where) {
    }

    /** Everything a card gets from relations. */
    static final class Rel {
        final List<String> parents = new ArrayList<>();
        final List<String> children = new ArrayList<>();
        final List<String> blocks = new ArrayList<>();
        final List<String> blockedBy = new ArrayList<>();
        final List<String> related = new ArrayList<>();
        final List<Card.Link> outside = new ArrayList<>();
    }

    /** The issues references are resolved against: card ordinals (0, 1, 2 … in pass-1 order) and their ids. */
    interface Issues {
        /** The ordinal of the issue with this id, or -1. */
        int ordinalOf(String id);

        /** The ordinal of the issue with this key, or -1. */
        int ordinalOfKey(String key);

        String idAt(int ordinal);
    }

    /** Edge kinds in the low bits of an edge's second half. */
    private static final int PARENT = 0;
    private static final int CHILD = 1;
    private static final int BLOCKS = 2;
    private static final int BLOCKED_BY = 3;
    private static final int RELATED = 4;
    private static final int OUTSIDE = 5;
    private static final int KIND_BITS = 3;
    private static final int MAX_EDGES = Integer.MAX_VALUE >>> KIND_BITS;

    private final RefSpill refs;
    /** {@code pair(card, sequence << 3 | kind)}, sorted by card after {@link #resolve}. */
    private final LongArray edges = new LongArray();
    /** Per sequence: the other card's ordinal, or for OUTSIDE the index of the link in the two arrays below. */
    private final IntArray others = new IntArray();
    /** Outside links: url and description, as ordinals in {@link #texts}. */
    private final IntArray outsideUrl = new IntArray();
    private final IntArray outsideText = new IntArray();
    private final IdTable texts = new IdTable();
    private Issues issues;

    Relations() {
        this.refs = new RefSpill();
    }

    /**
     * Pass 1: the references of issue {@code id} (card ordinal {@code from}). {@code base} is the site URL for
     * browse links, or null. A parent that is not an object and link or sub-task lists that are not lists of objects
     * are reported and counted, not read.
     */
    void collect(int from, String id, JsonNode fields, IssueStream.Position pos, String base, Malformed malformed) {
        JsonNode parent = malformed.object(fields.get("parent"), "jira fields.parent", pos.at(id, "/fields/parent"));
        if (parent != null) {
            refs.add(ref(Kind.PARENT, from, id, parent, null, true, "parent", "parent", base, pos, "/fields/parent"));
        }
        JsonNode subtasks = malformed.array(fields.get("subtasks"), "jira fields.subtasks",
                pos.at(id, "/fields/subtasks"));
        for (int i = 0; i < subtasks.size(); i++) {
            if (malformed.element(subtasks.get(i), "jira fields.subtasks", pos.at(id, "/fields/subtasks/" + i))) {
                refs.add(ref(Kind.SUBTASK, from, id, subtasks.get(i), null, true, "sub-task", "subtasks", base, pos,
                        "/fields/subtasks/" + i));
            }
        }
        JsonNode links = malformed.array(fields.get("issuelinks"), "jira fields.issuelinks",
                pos.at(id, "/fields/issuelinks"));
        for (int i = 0; i < links.size(); i++) {
            JsonNode l = links.get(i);
            if (!malformed.element(l, "jira fields.issuelinks", pos.at(id, "/fields/issuelinks/" + i))) {
                continue;
            }
            boolean out = l.has("outwardIssue");
            JsonNode type = l.path("type");
            String verb = BoardPlan.firstText(type, out ? "outward" : "inward", "name");
            refs.add(ref(Kind.LINK, from, id, l.path(out ? "outwardIssue" : "inwardIssue"),
                    BoardPlan.firstText(type, "name"), out, verb == null ? "linked to" : verb, "issuelinks", base,
                    pos, "/fields/issuelinks/" + i));
        }
        fields.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("customfield_") && e.getValue().isTextual()
                    && ISSUE_KEY.matcher(e.getValue().asText().strip()).matches()) {
                refs.add(new Ref(Kind.EPIC, from, null, e.getValue().asText().strip(), null, true, "epic",
                        e.getKey(), browse(base, e.getValue().asText().strip()), pos.at(id, "/fields/" + e.getKey())));
            }
        });
    }

    private static Ref ref(Kind kind, int from, String fromId, JsonNode target, String type, boolean out,
                           String verb, String field, String base, IssueStream.Position pos, String pointer) {
        String key = BoardPlan.firstText(target, "key");
        String targetBase = JiraIssues.baseUrl(target);
        return new Ref(kind, from, BoardPlan.firstText(target, "id"), key, type, out, verb, field,
                browse(targetBase != null ? targetBase : base, key), pos.at(fromId, pointer));
    }

    private static String browse(String base, String key) {
        return base == null || key == null ? null : base + "/browse/" + key;
    }

    /**
     * After pass 1: resolves ids/keys, dedupes, and reports dangling references. {@code epicFields} maps the fields
     * planned as Epic Link to their loss-ledger keys.
     */
    void resolve(Issues issues, Map<String, String> epicFields, SourceContext ctx) throws IOException {
        this.issues = issues;
        Resolver r = new Resolver(epicFields, ctx);
        refs.drain(r::resolve);
        edges.sortUnique();
    }

    /** The state of one resolve run: the dedupe sets live only as long as it does. */
    private final class Resolver {
        private final Map<String, String> epicFields;
        private final SourceContext ctx;
        private final LongSet parentPairs = new LongSet();
        private final LongSet relatedPairs = new LongSet();
        /** Links seen, per lower-cased type: {@code pair(outward side, inward side)}. */
        private final Map<String, LongSet> seenLinks = new HashMap<>();
        /** Issues outside the export, by the key or id a link names: negative sides in {@link #seenLinks}. */
        private final IdTable outsideSides = new IdTable();

        Resolver(Map<String, String> epicFields, SourceContext ctx) {
            this.epicFields = epicFields;
            this.ctx = ctx;
        }

        void resolve(Ref r) {
            if (r.kind() == Kind.EPIC && !epicFields.containsKey(r.field())) {
                return;
            }
            int target = r.targetId() != null ? issues.ordinalOf(r.targetId()) : -1;
            if (target < 0 && r.targetKey() != null) {
                target = issues.ordinalOfKey(r.targetKey());
            }
            String lossKey = r.kind() == Kind.EPIC ? epicFields.get(r.field()) : "jira fields." + r.field();
            String shown = r.targetKey() != null ? r.targetKey() : r.targetId();
            if (shown == null) {
                ctx.lost(Loss.of(lossKey, "names no issue"), IssueCode.SOURCE_STRUCTURE, r.where(),
                        r.field() + " entry names no issue (no id or key);"
                        + " dropped");
                return;
            }
            if (r.kind() == Kind.LINK && !firstLink(r, target, shown)) {
                return;
            }
            if (target < 0) {
                ctx.lost(Loss.of(lossKey, "the other issue is not in the export"),
                        IssueCode.SOURCE_REF_UNRESOLVED, r.where(), r.verb() + " " + shown
                        + ": that issue is not in the export; relation dropped"
                        + (r.browseUrl() != null ? ", card links to it instead" : ""));
                if (r.browseUrl() != null) {
                    outsideUrl.add(texts.intern(r.browseUrl()));
                    outsideText.add(texts.intern(r.verb() + " " + shown));
                    edge(r.from(), OUTSIDE, outsideUrl.size() - 1);
                }
                return;
            }
            if (target == r.from()) {
                ctx.losses().lost(lossKey, "refers to the issue itself", r.where());
                return;
            }
            if (r.kind() == Kind.LINK) {
                link(r, target, lossKey);
            } else {
                int parent = r.kind() == Kind.SUBTASK ? r.from() : target;
                int child = r.kind() == Kind.SUBTASK ? target : r.from();
                if (parentPairs.add(LongArray.pair(parent, child))) {
                    edge(parent, CHILD, child);
                    edge(child, PARENT, parent);
                }
            }
        }

        /**
         * Whether this is the first time the link is seen: one key for a Jira link and its mirror on the other
         * issue, the type and the outward → inward pair, both sides by card when the other issue is in the export.
         * Link ids are not used: a mirror from another export may lack one, and Jira allows one link per type,
         * direction and pair anyway. An issue outside the export has no mirror here, so its side is the key or id
         * the link names.
         */
        private boolean firstLink(Ref r, int target, String shown) {
            int other = target >= 0 ? target : -1 - outsideSides.intern(shown);
            int out = r.outward() ? r.from() : other;
            int in = r.outward() ? other : r.from();
            String type = r.type() == null ? "" : r.type().toLowerCase(Locale.ROOT);
            return seenLinks.computeIfAbsent(type, t -> new LongSet()).add(LongArray.pair(out, in));
        }

        private void link(Ref r, int target, String lossKey) {
            int out = r.outward() ? r.from() : target;
            int in = r.outward() ? target : r.from();
            String type = r.type() == null ? "" : r.type().toLowerCase(Locale.ROOT);
            boolean blocks = type.equals("blocks");
            // A "blocks" link here is always new: firstLink let it through for this very type and pair. A related
            // link can still repeat under another type or in the other direction.
            boolean first = blocks || relatedPairs.add(LongArray.pair(Math.min(out, in), Math.max(out, in)));
            if (!first) {
                ctx.losses().lost(lossKey, "the two issues are already linked the same way", r.where());
                return;
            }
            if (blocks) {
                edge(out, BLOCKS, in);
                edge(in, BLOCKED_BY, out);
                return;
            }
            edge(out, RELATED, in);
            edge(in, RELATED, out);
            if (!type.equals("relates")) {
                ctx.losses().lost("jira issuelinks.type: " + (r.type() == null ? "(none)" : r.type()),
                        "Kaiten has only 'related'; the link type is flattened", r.where());
            }
        }
    }

    private void edge(int card, int kind, int other) {
        int seq = others.size();
        if (seq >= MAX_EDGES) {
            throw new IllegalStateException("more than " + MAX_EDGES + " Jira relations");
        }
        others.add(other);
        edges.add(LongArray.pair(card, seq << KIND_BITS | kind));
    }

    /** The relations of the card with this ordinal (empty when it has none). */
    Rel of(int card) {
        Rel rel = new Rel();
        for (int i = edges.lowerBound(LongArray.pair(card, 0)); i < edges.size(); i++) {
            long e = edges.get(i);
            if (LongArray.first(e) != card) {
                break;
            }
            int kind = LongArray.second(e) & ((1 << KIND_BITS) - 1);
            int other = others.get(LongArray.second(e) >>> KIND_BITS);
            switch (kind) {
                case PARENT -> rel.parents.add(issues.idAt(other));
                case CHILD -> rel.children.add(issues.idAt(other));
                case BLOCKS -> rel.blocks.add(issues.idAt(other));
                case BLOCKED_BY -> rel.blockedBy.add(issues.idAt(other));
                case RELATED -> rel.related.add(issues.idAt(other));
                default -> rel.outside.add(Card.Link.of(texts.get(outsideUrl.get(other)),
                        texts.get(outsideText.get(other))));
            }
        }
        return rel;
    }

    /** Deletes the pass-1 temp file if {@link #resolve} did not run (a failed conversion). */
    @Override
    public void close() throws IOException {
        refs.close();
    }
}
