package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pass 1: ids, keys, boards, statuses, field shapes and relation references of every issue of every input; no
 * text is kept. Malformed issues are reported here and skipped by both passes; a duplicate issue (same id in
 * several merged files) keeps its first occurrence.
 */
final class IssueIndex {
    /** Where an issue's first occurrence is, and what pass 2 needs of it. */
    record Entry(String key, String boardId, int fileIndex, long index) {
    }

    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
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
            ctx.issue(IssueCode.SOURCE_STRUCTURE, at, "issue " + (id == null ? "#" + pos.index() : id) + " " + why
                    + "; skipped");
            ctx.losses().lost("jira issues", "malformed issue (" + why + ")", at);
            return;
        }
        String key = JiraIssues.text(issue.get("key"));
        if (JiraIssues.text(issue.get("id")) == null) {
            ctx.issue(IssueCode.SOURCE_STRUCTURE, at, "issue " + key + " has no id; its key is used as the card id");
        }
        Entry first = byId.get(id);
        if (first != null) {
            ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, at, "issue " + id + (key == null ? "" : " (" + key + ")")
                    + " appears again; the first, in input " + (first.fileIndex() + 1) + " #" + first.index()
                    + ", is kept and this one skipped");
            return;
        }
        if (key != null && idByKey.putIfAbsent(key, id) != null) {
            ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, at, "key " + key + " is also issue " + idByKey.get(key)
                    + "; card " + id + " is written without a key");
            key = null;
        }
        JsonNode fields = issue.get("fields");
        Location projectAt = pos.at(id, "/fields/project");
        String board = boards.boardOf(malformed.object(fields.get("project"), "jira fields.project", projectAt),
                projectAt);
        byId.put(id, new Entry(key, board, pos.fileIndex(), pos.index()));
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
        relations.collect(id, fields, pos, JiraIssues.baseUrl(issue), malformed);
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
        Entry e = byId.get(JiraIssues.idOf(issue));
        return e != null && e.fileIndex() == pos.fileIndex() && e.index() == pos.index() ? e : null;
    }

    WorkItems.Names attachmentNames() {
        return attachmentNames;
    }

    String idOfKey(String key) {
        return idByKey.get(key);
    }

    Set<String> ids() {
        return byId.keySet();
    }

    int size() {
        return byId.size();
    }
}
