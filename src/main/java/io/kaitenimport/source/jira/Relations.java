package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Card;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parent/child and issue-link relations. Pass 1 records every reference (parent, subtasks, issue links, Epic Link
 * candidates) as ids/keys only; {@link #resolve} then matches them against all issues of all inputs, so both sides
 * of each relation are written (a Jira link is listed on both issues, an epic's children only on the children),
 * each link is counted once, and references to issues outside the export become a browse link plus a loss.
 */
final class Relations {
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");

    enum Kind { PARENT, SUBTASK, EPIC, LINK }

    /** One reference as the source states it. */
    record Ref(Kind kind, String fromId, String targetId, String targetKey, String type,
               boolean outward, String verb, String field, String browseUrl, Location where) {
    }

    /** Everything a card gets from relations. */
    static final class Rel {
        final Set<String> parents = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> blocks = new LinkedHashSet<>();
        final Set<String> blockedBy = new LinkedHashSet<>();
        final Set<String> related = new LinkedHashSet<>();
        final List<Card.Link> outside = new ArrayList<>();
    }

    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, Rel> rels = new HashMap<>();

    /**
     * Pass 1: the references of one issue. {@code base} is the site URL for browse links, or null. A parent that is
     * not an object and link or sub-task lists that are not lists of objects are reported and counted, not read.
     */
    void collect(String id, JsonNode fields, IssueStream.Position pos, String base, Malformed malformed) {
        JsonNode parent = malformed.object(fields.get("parent"), "jira fields.parent", pos.at(id, "/fields/parent"));
        if (parent != null) {
            refs.add(ref(Kind.PARENT, id, parent, null, true, "parent", "parent", base, pos, "/fields/parent"));
        }
        JsonNode subtasks = malformed.array(fields.get("subtasks"), "jira fields.subtasks",
                pos.at(id, "/fields/subtasks"));
        for (int i = 0; i < subtasks.size(); i++) {
            if (malformed.element(subtasks.get(i), "jira fields.subtasks", pos.at(id, "/fields/subtasks/" + i))) {
                refs.add(ref(Kind.SUBTASK, id, subtasks.get(i), null, true, "sub-task", "subtasks", base, pos,
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
            refs.add(ref(Kind.LINK, id, l.path(out ? "outwardIssue" : "inwardIssue"),
                    BoardPlan.firstText(type, "name"), out, verb == null ? "linked to" : verb, "issuelinks", base,
                    pos, "/fields/issuelinks/" + i));
        }
        fields.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("customfield_") && e.getValue().isTextual()
                    && ISSUE_KEY.matcher(e.getValue().asText().strip()).matches()) {
                refs.add(new Ref(Kind.EPIC, id, null, e.getValue().asText().strip(), null, true, "epic",
                        e.getKey(), browse(base, e.getValue().asText().strip()), pos.at(id, "/fields/" + e.getKey())));
            }
        });
    }

    private static Ref ref(Kind kind, String from, JsonNode target, String type, boolean out,
                           String verb, String field, String base, IssueStream.Position pos, String pointer) {
        String key = BoardPlan.firstText(target, "key");
        String targetBase = JiraIssues.baseUrl(target);
        return new Ref(kind, from, BoardPlan.firstText(target, "id"), key, type, out, verb, field,
                browse(targetBase != null ? targetBase : base, key), pos.at(from, pointer));
    }

    private static String browse(String base, String key) {
        return base == null || key == null ? null : base + "/browse/" + key;
    }

    /**
     * After pass 1: resolves ids/keys, dedupes, and reports dangling references. {@code idOfKey} maps a key to the
     * id of an issue in the export; {@code known} tells whether an id is one; {@code epicFields} maps the fields
     * planned as Epic Link to their loss-ledger keys.
     */
    void resolve(Function<String, String> idOfKey, Set<String> known, Map<String, String> epicFields,
                 SourceContext ctx) {
        Set<String> pairs = new HashSet<>();
        Set<LinkKey> seenLinks = new HashSet<>();
        for (Ref r : refs) {
            if (r.kind() == Kind.EPIC && !epicFields.containsKey(r.field())) {
                continue;
            }
            String target = r.targetId() != null && known.contains(r.targetId()) ? r.targetId()
                    : r.targetKey() != null ? idOfKey.apply(r.targetKey()) : null;
            String lossKey = r.kind() == Kind.EPIC ? epicFields.get(r.field()) : "jira fields." + r.field();
            String shown = r.targetKey() != null ? r.targetKey() : r.targetId();
            if (shown == null) {
                ctx.lost(Loss.of(lossKey, "names no issue"), IssueCode.SOURCE_STRUCTURE, r.where(),
                        r.field() + " entry names no issue (no id or key);"
                        + " dropped");
                continue;
            }
            if (r.kind() == Kind.LINK && !seenLinks.add(linkKey(r, target, shown))) {
                continue;
            }
            if (target == null) {
                ctx.lost(Loss.of(lossKey, "the other issue is not in the export"),
                        IssueCode.SOURCE_REF_UNRESOLVED, r.where(), r.verb() + " " + shown
                        + ": that issue is not in the export; relation dropped"
                        + (r.browseUrl() != null ? ", card links to it instead" : ""));
                if (r.browseUrl() != null) {
                    rel(r.fromId()).outside.add(Card.Link.of(r.browseUrl(), r.verb() + " " + shown));
                }
                continue;
            }
            if (target.equals(r.fromId())) {
                ctx.losses().lost(lossKey, "refers to the issue itself", r.where());
                continue;
            }
            if (r.kind() == Kind.LINK) {
                link(r, target, pairs, lossKey, ctx);
            } else {
                String parent = r.kind() == Kind.SUBTASK ? r.fromId() : target;
                String child = r.kind() == Kind.SUBTASK ? target : r.fromId();
                if (pairs.add("p:" + parent + ">" + child)) {
                    rel(parent).children.add(child);
                    rel(child).parents.add(parent);
                }
            }
        }
        refs.clear();
    }

    /**
     * One key for a Jira link and its mirror on the other issue: the type and the outward → inward pair, both
     * sides by card id when the other issue is in the export. Link ids are not used: a mirror from another export
     * may lack one, and Jira allows one link per type, direction and pair anyway. An issue outside the export has
     * no mirror here, so its side is the key or id the link names.
     */
    private static LinkKey linkKey(Ref r, String target, String shown) {
        String other = target != null ? target : "?" + shown;
        String out = r.outward() ? r.fromId() : other;
        String in = r.outward() ? other : r.fromId();
        return new LinkKey(r.type() == null ? "" : r.type().toLowerCase(Locale.ROOT), out, in);
    }

    private record LinkKey(String type, String outward, String inward) {
    }

    private void link(Ref r, String target, Set<String> pairs, String lossKey, SourceContext ctx) {
        String out = r.outward() ? r.fromId() : target;
        String in = r.outward() ? target : r.fromId();
        String type = r.type() == null ? "" : r.type().toLowerCase(Locale.ROOT);
        boolean blocks = type.equals("blocks");
        String pair = blocks ? "b:" + out + ">" + in
                : "r:" + (out.compareTo(in) < 0 ? out + "|" + in : in + "|" + out);
        if (!pairs.add(pair)) {
            ctx.losses().lost(lossKey, "the two issues are already linked the same way", r.where());
            return;
        }
        if (blocks) {
            rel(out).blocks.add(in);
            rel(in).blockedBy.add(out);
            return;
        }
        rel(out).related.add(in);
        rel(in).related.add(out);
        if (!type.equals("relates")) {
            ctx.losses().lost("jira issuelinks.type: " + (r.type() == null ? "(none)" : r.type()),
                    "Kaiten has only 'related'; the link type is flattened", r.where());
        }
    }

    private Rel rel(String id) {
        return rels.computeIfAbsent(id, k -> new Rel());
    }

    /** The relations of a card (empty when it has none). */
    Rel of(String id) {
        Rel r = rels.get(id);
        return r == null ? new Rel() : r;
    }
}
