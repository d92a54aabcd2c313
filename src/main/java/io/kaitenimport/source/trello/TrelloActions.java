package io.kaitenimport.source.trello;

import io.kaitenimport.model.Dates;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.compact.IntSort;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.issue.Location;
import io.kaitenimport.source.SourceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Indexes the export's actions by card in one pass, holding action positions, never actions: a card's creation
 * action, its list moves and added attachments are (card, action) pairs sorted once, comments are counted per
 * card, and check states are kept per checklist item id. An action is parsed again from the file
 * ({@link TrelloElements}) when a card asks for it. Trello writes actions newest first, but order is decided by
 * their dates so hand-edited exports work too. Converters mark the actions they carry; {@link #reportUnused} then
 * counts every other action as a loss, so the report says how much history did not make it.
 */
final class TrelloActions {
    static final Set<String> COMMENT = Set.of("commentCard", "copyCommentCard");
    static final Set<String> CREATION = Set.of("createCard", "copyCard", "convertToCardFromCheckItem", "emailCard");

    /** An action and its position in the export's {@code actions}. */
    record Action(int index, JsonNode node) {
    }

    private final TrelloExport export;
    private final TrelloCardIds cards;
    /** Per card ordinal: the creating action (-1 for none) and its time. */
    private final IntArray creation = new IntArray();
    private final LongArray creationWhen = new LongArray();
    private final IntArray comments = new IntArray();
    /** (card ordinal, action) pairs, sorted after the pass. */
    private final LongArray moves = new LongArray();
    private final LongArray addedAttachments = new LongArray();
    private final IdTable checkItems = new IdTable();
    private final IntArray lastCheckState = new IntArray();
    private final LongArray lastCheckWhen = new LongArray();
    private final IdTable deletedAttachments = new IdTable();
    /** Comments a card of the export can carry, and their times: sorted into writing order by {@link #comments}. */
    private final IntArray commentActions = new IntArray();
    private final LongArray commentWhen = new LongArray();
    private final Map<String, String> listNames = new HashMap<>();
    private final Map<String, String> boardNames = new HashMap<>();
    private final Map<String, Integer> boardCreation = new HashMap<>();
    private final BitSet used = new BitSet();

    /** Reads every action once; {@code visit} sees each one too (people and attachment names are collected there). */
    TrelloActions(TrelloExport export, TrelloCardIds cards, Consumer<JsonNode> visit) {
        this.export = export;
        this.cards = cards;
        for (int c = 0; c < cards.size(); c++) {
            creation.add(-1);
            creationWhen.add(0);
            comments.add(0);
        }
        for (int i = 0; i < export.actions.size(); i++) {
            JsonNode a = export.actions.get(i);
            visit.accept(a);
            index(i, a);
        }
        moves.sortUnique();
        addedAttachments.sortUnique();
    }

    private void index(int i, JsonNode a) {
        String type = TrelloExport.text(a, "type");
        JsonNode data = a.path("data");
        String card = TrelloExport.text(data.get("card"), "id");
        for (String k : new String[] {"list", "listAfter", "listBefore"}) {
            String id = TrelloExport.text(data.get(k), "id");
            String name = TrelloExport.text(data.get(k), "name");
            if (id != null && name != null) {
                listNames.putIfAbsent(id, name);
            }
        }
        String board = TrelloExport.text(data.get("board"), "id");
        String boardName = TrelloExport.text(data.get("board"), "name");
        if (board != null && boardName != null) {
            boardNames.putIfAbsent(board, boardName);
        }
        if ("createBoard".equals(type) && board != null) {
            boardCreation.put(board, i);
        }
        if (type == null || card == null) {
            return;
        }
        int c = cards.find(card);
        if (type.equals("updateCheckItemStateOnCard")) {
            String item = TrelloExport.text(data.get("checkItem"), "id");
            if (item != null) {
                int k = checkItems.intern(item);
                long when = millis(a);
                if (k == lastCheckState.size()) {
                    lastCheckState.add(i);
                    lastCheckWhen.add(when);
                } else if (when > lastCheckWhen.get(k)) {
                    lastCheckState.set(k, i);
                    lastCheckWhen.set(k, when);
                }
            }
        } else if (type.equals("deleteAttachmentFromCard")) {
            String att = TrelloExport.text(data.get("attachment"), "id");
            if (att != null) {
                deletedAttachments.intern(att);
            }
        }
        if (c < 0) {
            return; // only cards of the export ask for their actions; reportUnused counts the rest
        }
        if (CREATION.contains(type)) {
            long when = millis(a);
            if (creation.get(c) < 0 || when < creationWhen.get(c)) {
                creation.set(c, i);
                creationWhen.set(c, when);
            }
        } else if (COMMENT.contains(type)) {
            comments.set(c, comments.get(c) + 1);
            if (!data.path("text").asText("").isBlank()) {
                commentActions.add(i);
                commentWhen.add(millis(a));
            }
        } else if (type.equals("updateCard") && data.has("listAfter")) {
            moves.add(LongArray.pair(c, i));
        } else if (type.equals("addAttachmentToCard")) {
            addedAttachments.add(LongArray.pair(c, i));
        }
    }

    private Action action(int i) {
        return i < 0 ? null : new Action(i, export.actions.get(i));
    }

    /** The action that created the card (oldest of createCard, copyCard, …), or null. */
    Action creation(String cardId) {
        int c = cards.find(cardId);
        return c < 0 ? null : action(creation.get(c));
    }

    /** The createBoard action of the board, or null. */
    Action boardCreation(String boardId) {
        Integer i = boardCreation.get(boardId);
        return i == null ? null : action(i);
    }

    /** The board's name as the newest action that mentions it gives it (single-card exports have no board). */
    String boardName(String boardId) {
        return boardNames.get(boardId);
    }

    /** List moves of the card, oldest first. */
    List<Action> moves(String cardId) {
        List<Action> list = ofCard(moves, cardId);
        list.sort(Comparator.comparingLong(a -> millis(a.node())));
        return list;
    }

    private List<Action> ofCard(LongArray pairs, String cardId) {
        List<Action> list = new ArrayList<>();
        int c = cards.find(cardId);
        if (c < 0) {
            return list;
        }
        for (int k = pairs.lowerBound(LongArray.pair(c, 0)); k < pairs.size()
                && LongArray.first(pairs.get(k)) == c; k++) {
            list.add(action(LongArray.second(pairs.get(k))));
        }
        return list;
    }

    /**
     * The action's time in milliseconds (what the ISO form keeps), read without writing an ISO string. Missing or
     * unreadable sorts first.
     */
    private static long millis(JsonNode action) {
        return Dates.parseInstant(TrelloExport.text(action, "date")).map(Instant::toEpochMilli)
                .orElse(Long.MIN_VALUE);
    }

    int commentCount(String cardId) {
        int c = cards.find(cardId);
        return c < 0 ? 0 : comments.get(c);
    }

    /**
     * The non-blank comments of cards of the export in writing order: oldest first by date, then action id, then
     * position. Positions are sorted by time; only actions sharing a time are read again for their ids.
     */
    int[] comments() {
        int n = commentActions.size();
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        IntSort.sort(order, (x, y) -> {
            int byTime = Long.compare(commentWhen.get(x), commentWhen.get(y));
            return byTime != 0 ? byTime : Integer.compare(x, y);
        });
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = commentActions.get(order[k]);
            keys[k] = commentWhen.get(order[k]);
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && keys[to] == keys[from]) {
                to++;
            }
            if (to - from > 1) {
                byId(out, from, to);
            }
            from = to;
        }
        return out;
    }

    /** Sorts a run of equal times by action id (missing ids last), then position. */
    private void byId(int[] out, int from, int to) {
        Map<Integer, String> ids = new HashMap<>();
        List<Integer> run = new ArrayList<>();
        for (int k = from; k < to; k++) {
            run.add(out[k]);
            ids.put(out[k], TrelloExport.text(export.actions.get(out[k]), "id"));
        }
        run.sort(Comparator.comparing((Integer i) -> ids.get(i), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(i -> i));
        for (int k = from; k < to; k++) {
            out[k] = run.get(k - from);
        }
    }

    /** The newest check/uncheck action of a checklist item. */
    Action lastCheckState(String checkItemId) {
        int k = checkItems.find(checkItemId);
        return k < 0 ? null : action(lastCheckState.get(k));
    }

    /** addAttachmentToCard actions of the card for attachments not deleted since, oldest first. */
    List<Action> addedAttachments(String cardId) {
        List<Action> list = new ArrayList<>();
        for (Action a : ofCard(addedAttachments, cardId)) {
            String att = TrelloExport.text(a.node().path("data").get("attachment"), "id");
            if (att == null || deletedAttachments.find(att) < 0) {
                list.add(a);
            }
        }
        list.sort(Comparator.comparingLong(a -> millis(a.node())));
        return list;
    }

    /** Marks the addAttachmentToCard actions whose attachment the card still has: the attachment carries them. */
    void useAttachmentActions(String cardId, Set<String> attachmentIds) {
        for (Action a : ofCard(addedAttachments, cardId)) {
            if (attachmentIds.contains(TrelloExport.text(a.node().path("data").get("attachment"), "id"))) {
                use(a);
            }
        }
    }

    /** A list's name as the newest action that mentions it gives it (for lists missing from the export). */
    String listName(String listId) {
        return listNames.get(listId);
    }

    /** Where an action is in the export, for issues and losses. */
    Location location(Action action) {
        return location(action.index(), action.node());
    }

    private Location location(int i, JsonNode node) {
        return export.at(export.pointer("actions", i), i, TrelloExport.text(node, "id"));
    }

    void use(Action action) {
        if (action != null) {
            used.set(action.index());
        }
    }

    /** Counts every action nothing carried, with the reason it could not be carried. */
    void reportUnused(SourceContext ctx) {
        for (int i = used.nextClearBit(0); i < export.actions.size(); i = used.nextClearBit(i + 1)) {
            JsonNode a = export.actions.get(i);
            String type = TrelloExport.text(a, "type");
            JsonNode data = a.path("data");
            String card = TrelloExport.text(data.get("card"), "id");
            String reason;
            if (type == null) {
                // Trello always writes a type; without one nothing tells what the action did.
                reason = a.isObject() ? "action without a type (unknown action)" : "not an action object";
            } else if (card == null) {
                reason = "board activity (Kaiten imports no board history)";
            } else if (cards.find(card) < 0) {
                reason = "activity of a card that is not in the export";
            } else if ("updateCard".equals(type) && data.has("listAfter")) {
                reason = "move into or out of a list that is not a column of the package";
            } else if ("updateCheckItemStateOnCard".equals(type)) {
                reason = "earlier check/uncheck of a checklist item (only the latest is kept as checked_at/by)";
            } else if (COMMENT.contains(type)) {
                reason = "empty comment";
            } else if ("addAttachmentToCard".equals(type)) {
                reason = "the attachment was deleted from the card later";
            } else {
                reason = "card history other than list moves (Kaiten imports only card_move history)";
            }
            ctx.losses().lost(type == null ? "trello action" : "trello action." + type, reason, location(i, a));
        }
    }
}
