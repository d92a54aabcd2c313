package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.model.Column;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trello lists → Kaiten columns, left to right by {@code pos}. Archived lists follow the --archived-lists policy:
 * {@code keep} keeps the column and archives its cards; {@code drop-column} writes no column and puts its cards,
 * archived, into the first open column. Cards whose list is not in the export get a column of their own named
 * after the list when an action names it (this is also how a single-card export gets its one column).
 * Types: mapping file, then name rules, then position among the OPEN lists (first queued, last done, the rest in
 * progress); an archived list no rule names is "in progress" — archived lists usually sit at the end of the
 * export, and an old "Up next" list must not become the board's done column.
 */
final class TrelloColumns {
    static final String KEEP = "keep";
    static final String DROP_COLUMN = "drop-column";
    static final String NO_LIST = "trello-no-list";

    /** Where cards of a Trello list go, and whether being in that list archives them. */
    record Placement(String columnId, boolean archives, boolean dropped, boolean synthetic) {
    }

    private final Map<String, Placement> placements = new HashMap<>();
    private final Set<String> columnIds = new HashSet<>();

    Placement placement(String listId) {
        return placements.get(listId == null ? NO_LIST : listId);
    }

    /** Column ids in the package, for resolving card_move history. */
    boolean isColumn(String id) {
        return columnIds.contains(id);
    }

    static TrelloColumns emit(SourceContext ctx, ModelSink sink, TrelloExport export, TrelloCardIds cards,
                              TrelloActions actions, TrelloMapping mapping, String policy, String boardId)
            throws IOException {
        TrelloColumns plan = new TrelloColumns();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < export.lists.size(); i++) {
            if (TrelloExport.text(export.lists.get(i), "id") == null) {
                ctx.lost(Loss.of("trello list", "list without an id"),
                        IssueCode.SOURCE_STRUCTURE, export.at(export.pointer("lists", i)), "list without id; skipped");
            } else {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> export.lists.get(i).path("pos").asDouble(Double.MAX_VALUE)));
        boolean anyOpen = order.stream().anyMatch(i -> !TrelloExport.flag(export.lists.get(i), "closed"));
        boolean drop = policy.equals(DROP_COLUMN) && anyOpen;
        if (policy.equals(DROP_COLUMN) && !anyOpen && !order.isEmpty()) {
            ctx.issue(IssueCode.SOURCE_RULE, export.at("/lists"),
                    "--archived-lists drop-column: every list is archived, so they are kept as columns");
        }
        List<Integer> kept = order.stream().filter(i -> !drop || !TrelloExport.flag(export.lists.get(i), "closed"))
                .toList();
        List<Integer> open = kept.stream().filter(i -> !TrelloExport.flag(export.lists.get(i), "closed")).toList();
        int sort = 0;
        for (int i : kept) {
            JsonNode list = export.lists.get(i);
            String id = TrelloExport.text(list, "id");
            boolean closed = TrelloExport.flag(list, "closed");
            int fallback = closed ? Column.IN_PROGRESS : i == open.get(0) ? Column.QUEUED
                    : i == open.get(open.size() - 1) ? Column.DONE : Column.IN_PROGRESS;
            Location where = export.at(export.pointer("lists", i), i, id);
            plan.column(ctx, sink, mapping, boardId, id, TrelloExport.text(list, "name"), fallback, ++sort, where);
            plan.placements.put(id, new Placement(id, closed, false, false));
            if (closed) {
                ctx.losses().lost("trello list.closed", "Kaiten columns cannot be archived; the column is kept and"
                        + " its cards are archived", where);
            }
            TrelloKeys.lostListKeys(ctx, list, where);
        }
        String firstOpen = kept.isEmpty() ? null : TrelloExport.text(export.lists.get(kept.get(0)), "id");
        for (int i : order) {
            JsonNode list = export.lists.get(i);
            String id = TrelloExport.text(list, "id");
            if (!plan.placements.containsKey(id)) {
                Location where = export.at(export.pointer("lists", i), i, id);
                plan.placements.put(id, new Placement(firstOpen, true, true, false));
                ctx.lost(Loss.of("trello list", "archived list dropped (--archived-lists drop-column)"),
                        IssueCode.SOURCE_RULE, where, "archived list '" + TrelloExport.text(list, "name")
                        + "' dropped (--archived-lists drop-column); its cards go archived into the first column");
                TrelloKeys.lostListKeys(ctx, list, where);
            }
        }
        // Lists the cards point at but the export does not hold: one column each, typed "queued" for triage.
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : cards.firstCardOfList().entrySet()) {
            if (!plan.placements.containsKey(e.getKey())) {
                missing.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Integer> e : missing.entrySet()) {
            String id = e.getKey();
            String name = actions.listName(id);
            if (name == null) {
                name = mapping.unknownList().replace("{id}", id.equals(NO_LIST) ? "none" : id);
            }
            Location where = export.card(e.getValue(), TrelloExport.text(export.cards.get(e.getValue()), "id"));
            plan.column(ctx, sink, mapping, boardId, id, name, Column.QUEUED, ++sort, where);
            plan.placements.put(id, new Placement(id, false, false, true));
        }
        return plan;
    }

    private void column(SourceContext ctx, ModelSink sink, TrelloMapping mapping, String boardId, String id,
                        String rawName, int fallback, int sortOrder, Location where) throws IOException {
        String name = TrelloNames.fit(ctx, rawName, "Untitled list", TrelloNames.MAX_NAME, "trello list.name", where);
        ColumnTypeRules.Decision d = ColumnTypeRules.decide(name, mapping.columns(), fallback);
        ctx.issue(IssueCode.SOURCE_RULE, where, "column '" + name + "' is type " + d.type() + " (" + d.rule() + ")");
        sink.accept(new Column(id, name, boardId, (double) sortOrder, d.type(), TrelloValues.idTime(id)));
        columnIds.add(id);
    }
}
