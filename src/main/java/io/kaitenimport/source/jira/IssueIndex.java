package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;

/**
 * Pass 1: ids, keys, boards, statuses, field shapes and relation references of every issue of every input; no
 * text is kept. Malformed issues are reported here and skipped by both passes; a duplicate issue (same id in
 * several merged files) keeps its first occurrence.
 * <p>
 * Issues are numbered 0, 1, 2 … (card ordinals) in the order pass 1 accepts them; per issue the index holds its id
 * and key bytes in {@link IdTable}s and a few ints and a long in primitive arrays (about 60 bytes for an id of 6
 * digits and a key of 8 characters), no object per issue.
 */
final class IssueIndex implements Relations.Issues {
    /** Where an issue's first occurrence is, and what pass 2 needs of it. */
    record Entry(int ordinal, String key, String boardId, int fileIndex, long index) {
    }

    /** Issue ids; an id's ordinal is its card ordinal. */
    private final IdTable ids = new IdTable();
    /** Keys in the order first seen, and per key ordinal the card ordinal that owns it. */
    private final IdTable keys = new IdTable();
    private final IntArray keyOwner = new IntArray();
    /** Per card ordinal: its key's ordinal (-1 when written without a key) and its board's number. */
    private final IntArray keyOf = new IntArray();
    private final IntArray boardOf = new IntArray();
    private final IdTable boardIds = new IdTable();
    /** Per card ordinal: input file number (high 16 bits) and index in that file (low 48 bits). */
    private final LongArray place = new LongArray();
    private final SourceContext ctx;
    private final BoardPlan boards;
    private final FieldCatalog catalog;
    private final Relations relations;
    private final Malformed malformed;
    private final WorkItems.Names attachmentNames = new WorkItems.Names();

    IssueIndex(SourceContext ctx, BoardPlan boards, FieldCatalog catalog, Relations relations) {
        this.ctx = ctx;
        this.boards = boards;
        this.catalog = catalog;
        this.relations = relations;
        this.malformed = new Malformed(ctx);
    }

    void index(JsonNode issue, IssueStream.Position pos) {
        String id = issue.isObject() ? JiraIssues.idOf(issue) : null;
        Location at = pos.at(id, "");
        if (!issue.isObject() || !issue.path("fields").isObject() || id == null) {
            String why = !issue.isObject() ? "is not a JSON object" : id == null ? "has neither id nor key"
                    : "has no 'fields' object";
            ctx.lost(Loss.of("jira issues", "malformed issue (" + why + ")"), IssueCode.SOURCE_STRUCTURE, at,
                    "issue " + (id == null ? "#" + pos.index() : id) + " " + why
                    + "; skipped");
            return;
        }
        String key = JiraIssues.text(issue.get("key"));
        if (JiraIssues.text(issue.get("id")) == null) {
            ctx.issue(IssueCode.SOURCE_STRUCTURE, at, "issue " + key + " has no id; its key is used as the card id");
        }
        int ordinal = ids.size();
        int first = ids.intern(id); // one probe: a new id is numbered here, an old one found
        if (first < ordinal) {
            ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, at, "issue " + id + (key == null ? "" : " (" + key + ")")
                    + " appears again; the first, in input " + (fileOf(first) + 1) + " #" + indexOf(first)
                    + ", is kept and this one skipped");
            return;
        }
        int keyOrdinal = -1;
        if (key != null) {
            int keys0 = keys.size();
            int k = keys.intern(key);
            if (k < keys0) {
                ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, at, "key " + key + " is also issue "
                        + ids.get(keyOwner.get(k)) + "; card " + id + " is written without a key");
                key = null;
            } else {
                keyOrdinal = k;
                keyOwner.add(ordinal);
            }
        }
        JsonNode fields = issue.get("fields");
        Location projectAt = pos.at(id, "/fields/project");
        String board = boards.boardOf(malformed.object(fields.get("project"), "jira fields.project", projectAt),
                projectAt);
        if (pos.fileIndex() >= 1 << 15 || pos.index() >= 1L << 48) {
            throw new IllegalStateException("more than 32768 Jira inputs or 2^48 issues in one");
        }
        keyOf.add(keyOrdinal);
        boardOf.add(board == null ? -1 : boardIds.intern(board));
        place.add((long) pos.fileIndex() << 48 | pos.index());
        Location statusAt = pos.at(id, "/fields/status");
        JsonNode status = malformed.object(fields.get("status"), "jira fields.status", statusAt);
        boards.current(board, JiraIssues.text(status == null ? null : status.get("id")),
                JiraIssues.text(status == null ? null : status.get("name")),
                JiraIssues.text(status == null ? null : status.path("statusCategory").get("key")), statusAt);
        // changelog shapes are reported by pass 2 (History), which reads all of it
        JsonNode changelog = issue.get("changelog");
        JsonNode histories = Malformed.elements(changelog == null ? null : changelog.get("histories"));
        for (int i = 0; i < histories.size(); i++) {
            JsonNode items = Malformed.elements(histories.get(i).get("items"));
            for (int j = 0; j < items.size(); j++) {
                JsonNode item = items.get(j);
                if (item.isObject() && isStatusChange(item)) {
                    String itemAt = "/changelog/histories/" + i + "/items/" + j + "/";
                    historyStatus(board, item, "from", pos.at(id, itemAt + "fromString"));
                    historyStatus(board, item, "to", pos.at(id, itemAt + "toString"));
                }
            }
        }
        catalog.addNames(issue.get("names"), pos.at(id, "/names"));
        catalog.addSchema(issue.get("schema"));
        catalog.observe(fields, pos, id);
        relations.collect(ordinal, id, fields, pos, JiraIssues.baseUrl(issue), malformed);
        if (ctx.common().attachmentsDir() != null) {
            JsonNode attachments = Malformed.elements(fields.get("attachment"));
            for (int i = 0; i < attachments.size(); i++) {
                String name = JiraIssues.text(attachments.get(i).get("filename"));
                if (name != null) {
                    attachmentNames.add(name, WorkItems.attachmentId(attachments.get(i), id, i));
                }
            }
        }
    }

    private void historyStatus(String board, JsonNode item, String side, Location nameAt) {
        String id = JiraIssues.text(item.get(side));
        String name = JiraIssues.text(item.get(side + "String"));
        boards.historical(board, id, name, nameAt);
    }

    static boolean isStatusChange(JsonNode item) {
        return "status".equals(item.path("fieldId").asText(null)) || "status".equalsIgnoreCase(item.path("field")
                .asText("")) && !"custom".equals(item.path("fieldtype").asText(""));
    }

    /** Pass 2: the entry of the issue at this position, or null when pass 1 skipped it. */
    Entry entryAt(JsonNode issue, IssueStream.Position pos) {
        if (!issue.isObject() || !issue.path("fields").isObject()) {
            return null;
        }
        String id = JiraIssues.idOf(issue);
        int ordinal = id == null ? -1 : ids.find(id);
        if (ordinal < 0 || fileOf(ordinal) != pos.fileIndex() || indexOf(ordinal) != pos.index()) {
            return null;
        }
        int key = keyOf.get(ordinal);
        int board = boardOf.get(ordinal);
        return new Entry(ordinal, key < 0 ? null : keys.get(key), board < 0 ? null : boardIds.get(board),
                fileOf(ordinal), indexOf(ordinal));
    }

    private int fileOf(int ordinal) {
        return (int) (place.get(ordinal) >>> 48);
    }

    private long indexOf(int ordinal) {
        return place.get(ordinal) & ((1L << 48) - 1);
    }

    WorkItems.Names attachmentNames() {
        return attachmentNames;
    }

    @Override
    public int ordinalOf(String id) {
        return ids.find(id);
    }

    @Override
    public int ordinalOfKey(String key) {
        int k = keys.find(key);
        return k < 0 ? -1 : keyOwner.get(k);
    }

    @Override
    public String idAt(int ordinal) {
        return ids.get(ordinal);
    }

    int size() {
        return ids.size();
    }
}
