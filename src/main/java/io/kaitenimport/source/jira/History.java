package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Card;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Changelog status changes → {@code card_move} history between the board's status columns; the rest is counted. */
final class History {
    private final SourceContext ctx;
    private final BoardPlan boards;
    private final JiraDates dates;
    private final Malformed malformed;

    History(SourceContext ctx, BoardPlan boards, JiraDates dates, Malformed malformed) {
        this.ctx = ctx;
        this.boards = boards;
        this.dates = dates;
        this.malformed = malformed;
    }

    void moves(JsonNode issue, String boardId, String cardId, Card.Builder card, IssueStream.Position pos) {
        JsonNode changelog = malformed.object(issue.get("changelog"), "jira changelog", pos.at(cardId, "/changelog"));
        if (changelog == null) {
            return;
        }
        JsonNode raw = changelog.get("histories");
        JsonNode histories = malformed.array(raw, "jira changelog.histories", pos.at(cardId, "/changelog/histories"));
        // a malformed list is counted as such, not again as truncated
        boolean listed = raw == null || raw.isNull() || raw.isArray();
        long total = listed && changelog.path("total").canConvertToLong() ? changelog.get("total").asLong()
                : histories.size();
        if (total > histories.size()) {
            ctx.losses().lost("jira changelog.histories", "not in the export (embedded changelog truncated; fetch"
                    + " /issue/{id}/changelog)", total - histories.size(), pos.at(cardId, "/changelog"));
        }
        List<Card.HistoryEntry> moves = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            JsonNode h = histories.get(i);
            Location at = pos.at(cardId, "/changelog/histories/" + i);
            if (!malformed.element(h, "jira changelog.histories", at)) {
                continue;
            }
            String created = dates.iso(h.get("created"), "jira changelog.created", at);
            String author = null;
            boolean authorResolved = false;
            JsonNode items = malformed.array(h.get("items"), "jira changelog.items", JiraIssues.below(at, "/items"));
            for (int j = 0; j < items.size(); j++) {
                JsonNode item = items.get(j);
                if (!malformed.element(item, "jira changelog.items", JiraIssues.below(at, "/items/" + j))) {
                    continue;
                }
                if (!IssueIndex.isStatusChange(item)) {
                    ctx.losses().lost("jira changelog.items", "only status changes become card history", at);
                    continue;
                }
                String toId = JiraIssues.text(item.get("to"));
                String toName = JiraIssues.text(item.get("toString"));
                String to = toId == null && toName == null ? null : boards.columnOf(boardId, toId, toName);
                if (created == null || to == null) {
                    ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "status change without a readable date or"
                            + " target status; dropped");
                    ctx.losses().lost("jira changelog.items", "status change without date or target status", at);
                    continue;
                }
                if (!authorResolved) {
                    author = ctx.users().author(malformed.person(h.get("author"), "jira changelog.author",
                            JiraIssues.below(at, "/author")), "jira changelog.author", at);
                    authorResolved = true;
                }
                if (author == null) {
                    // Kaiten requires an author on every history event (official cards schema).
                    ctx.losses().lost("jira changelog.items", "card history needs an author with an email (add "
                            + "them to --users, or --unmapped-users placeholder:EMAIL)", at);
                    continue;
                }
                String fromId = JiraIssues.text(item.get("from"));
                String fromName = JiraIssues.text(item.get("fromString"));
                String from = fromId == null && fromName == null ? null : boards.columnOf(boardId, fromId, fromName);
                moves.add(Card.HistoryEntry.move(created, author, from, to));
            }
        }
        // Embedded changelogs come oldest-first from Server and some Cloud endpoints, newest-first from others.
        moves.sort(Comparator.comparing(Card.HistoryEntry::created));
        moves.forEach(card::addHistory);
    }
}
