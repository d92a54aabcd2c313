package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Board-wide {@code checklists} (each with an {@code idCard}) → card checklists, checklists and items in
 * {@code pos} order. Checked items get checked_at/checked_by from their newest updateCheckItemStateOnCard action.
 */
final class TrelloChecklists {
    /** Items of checklists whose card is not in the export (the test of counts relies on this name). */
    static final String LOST_ITEMS = "trello checklist.checkItems";

    private final SourceContext ctx;
    private final TrelloExport export;
    private final TrelloPeople people;
    private final TrelloActions actions;
    private final TrelloCardIds cards;
    /** (card ordinal, checklist position) pairs, sorted: a card's checklists in export order. */
    private final LongArray byCard = new LongArray();
    /** Checklists whose card is not in the export. */
    private final IntArray orphans = new IntArray();

    TrelloChecklists(SourceContext ctx, TrelloExport export, TrelloPeople people, TrelloActions actions,
                     TrelloCardIds cards) {
        this.ctx = ctx;
        this.export = export;
        this.people = people;
        this.actions = actions;
        this.cards = cards;
        String root = TrelloExport.text(export.root, "id");
        for (int i = 0; i < export.checklists.size(); i++) {
            String card = TrelloExport.text(export.checklists.get(i), "idCard");
            int c = cards.find(card == null && export.singleCard ? root : card);
            if (c >= 0) {
                byCard.add(LongArray.pair(c, i));
            } else if (!(card == null && export.singleCard)) {
                orphans.add(i);
            }
        }
        byCard.sortUnique();
    }

    void add(String cardId, Card.Builder b) {
        int c = cards.find(cardId);
        List<Integer> mine = new ArrayList<>();
        for (int k = c < 0 ? byCard.size() : byCard.lowerBound(LongArray.pair(c, 0)); k < byCard.size()
                && LongArray.first(byCard.get(k)) == c; k++) {
            mine.add(LongArray.second(byCard.get(k)));
        }
        Map<Integer, JsonNode> nodes = new HashMap<>();
        mine.forEach(i -> nodes.put(i, export.checklists.get(i)));
        mine.sort(Comparator.comparingDouble(i -> nodes.get(i).path("pos").asDouble(0)));
        for (int i : mine) {
            JsonNode cl = nodes.get(i);
            String pointer = export.pointer("checklists", i);
            Location where = export.at(pointer, i, TrelloExport.text(cl, "id"));
            String name = TrelloNames.fit(ctx, TrelloExport.text(cl, "name"), "Checklist", TrelloNames.MAX_CHECKLIST,
                    "trello checklist.name", where);
            if (cl.has("pos")) {
                ctx.losses().lost("trello checklist.pos", "the import has no checklist position (the checklists are"
                        + " written in pos order)", where);
            }
            List<Integer> order = new ArrayList<>();
            JsonNode items = TrelloExport.elements(ctx, cl, "checkItems", LOST_ITEMS, where);
            for (int j = 0; j < items.size(); j++) {
                order.add(j);
            }
            order.sort(Comparator.comparingDouble(j -> items.get(j).path("pos").asDouble(0)));
            List<Card.ChecklistItem> out = new ArrayList<>();
            for (int j : order) {
                out.add(item(items.get(j), where.withPointer(pointer + "/checkItems/" + j)));
            }
            b.addChecklist(new Card.Checklist(name, out));
        }
    }

    private Card.ChecklistItem item(JsonNode it, Location where) {
        String id = TrelloExport.text(it, "id");
        String text = TrelloExport.text(it, "name");
        if (text == null) {
            ctx.issue(IssueCode.SOURCE_VALUE_INVALID, where, "checklist item without text; written as '(empty)'");
            text = "(empty)";
        }
        boolean checked = "complete".equals(TrelloExport.text(it, "state"));
        String checkedAt = null;
        String checkedBy = null;
        TrelloActions.Action last = id == null ? null : actions.lastCheckState(id);
        JsonNode state = last == null ? null : last.node();
        if (checked && state != null && "complete".equals(TrelloExport.text(state.path("data").get("checkItem"),
                "state"))) {
            actions.use(last);
            checkedAt = TrelloValues.date(TrelloExport.text(state, "date"));
            checkedBy = people.author(state, "trello action.updateCheckItemStateOnCard.idMemberCreator", where);
        }
        String rawDue = TrelloExport.text(ctx, it, "due", "trello checkItem.due", where);
        String due = TrelloValues.date(rawDue);
        if (due == null && rawDue != null) {
            ctx.lost(Loss.of("trello checkItem.due", "unreadable date"), IssueCode.SOURCE_VALUE_INVALID, where,
                    "unreadable due date " + it.get("due"));
        }
        if (!TrelloExport.isEmpty(it.get("dueReminder"))) {
            ctx.losses().lost("trello checkItem.dueReminder", "Kaiten import has no due-date reminders", where);
        }
        String responsible = people.resolve(TrelloExport.text(it, "idMember"), "trello checkItem.idMember", where);
        Double pos = it.has("pos") && it.get("pos").isNumber() ? it.get("pos").asDouble() : null;
        return new Card.ChecklistItem(text, pos, checked, TrelloValues.idTime(id), checkedAt, checkedBy, null,
                due == null ? null : CardDate.dateTime(due), responsible);
    }

    /** Checklists whose card is not in the export: reported, their items counted as lost. */
    void reportOrphans() {
        for (int k = 0; k < orphans.size(); k++) {
            int i = orphans.get(k);
            JsonNode cl = export.checklists.get(i);
            String card = TrelloExport.text(cl, "idCard");
            Location where = export.at(export.pointer("checklists", i) + "/idCard", i, TrelloExport.text(cl, "id"));
            ctx.lost(Loss.of("trello checklist", "checklist of a card that is not in the export"),
                    IssueCode.SOURCE_REF_UNRESOLVED, where, "checklist '" + TrelloExport.text(cl, "name")
                    + "' belongs to card '" + card + "', which is not in the export; dropped");
            ctx.losses().lost(LOST_ITEMS, "item of a checklist whose card is not in the export",
                    TrelloExport.count(cl.get("checkItems")), where);
        }
    }
}
