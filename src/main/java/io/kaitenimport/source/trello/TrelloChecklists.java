package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;

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
    private final Map<String, List<Integer>> byCard = new HashMap<>();

    TrelloChecklists(SourceContext ctx, TrelloExport export, TrelloPeople people, TrelloActions actions) {
        this.ctx = ctx;
        this.export = export;
        this.people = people;
        this.actions = actions;
        for (int i = 0; i < export.checklists.size(); i++) {
            String card = TrelloExport.text(export.checklists.get(i), "idCard");
            byCard.computeIfAbsent(card == null && export.singleCard ? TrelloExport.text(export.root, "id") : card,
                    k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> list : byCard.values()) {
            list.sort(Comparator.comparingDouble(i -> export.checklists.get(i).path("pos").asDouble(0)));
        }
    }

    void add(String cardId, Card.Builder b) {
        for (int i : byCard.getOrDefault(cardId, List.of())) {
            JsonNode cl = export.checklists.get(i);
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
        JsonNode state = id == null ? null : actions.lastCheckState(id);
        if (checked && state != null && "complete".equals(TrelloExport.text(state.path("data").get("checkItem"),
                "state"))) {
            actions.use(state);
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
    void reportOrphans(Set<String> cardIds) {
        for (int i = 0; i < export.checklists.size(); i++) {
            JsonNode cl = export.checklists.get(i);
            String card = TrelloExport.text(cl, "idCard");
            if (card == null && export.singleCard || card != null && cardIds.contains(card)) {
                continue;
            }
            Location where = export.at(export.pointer("checklists", i) + "/idCard", i, TrelloExport.text(cl, "id"));
            ctx.lost(Loss.of("trello checklist", "checklist of a card that is not in the export"),
                    IssueCode.SOURCE_REF_UNRESOLVED, where, "checklist '" + TrelloExport.text(cl, "name")
                    + "' belongs to card '" + card + "', which is not in the export; dropped");
            ctx.losses().lost(LOST_ITEMS, "item of a checklist whose card is not in the export",
                    TrelloExport.count(cl.get("checkItems")), where);
        }
    }
}
