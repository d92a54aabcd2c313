package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.Location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indexes the export's actions (at most the newest 1000) by card, holding references into the tree. Trello writes
 * them newest first, but order is decided by their dates so hand-edited exports work too.
 * Converters mark the actions they carry; {@link #reportUnused} then counts every other action as a loss, so the
 * report says how much history did not make it.
 */
final class TrelloActions {
    static final Set<String> COMMENT = Set.of("commentCard", "copyCommentCard");
    static final Set<String> CREATION = Set.of("createCard", "copyCard", "convertToCardFromCheckItem", "emailCard");

    private final TrelloExport export;
    private final Map<String, JsonNode> creation = new HashMap<>();
    private final Map<String, List<JsonNode>> moves = new HashMap<>();
    private final Map<String, Integer> comments = new HashMap<>();
    private final Map<String, JsonNode> lastCheckState = new HashMap<>();
    private final Map<String, List<JsonNode>> addedAttachments = new HashMap<>();
    private final Map<String, String> listNames = new HashMap<>();
    private final Map<String, String> boardNames = new HashMap<>();
    private final Map<String, JsonNode> boardCreation = new HashMap<>();
    private final Set<String> deletedAttachments = new HashSet<>();
    private final Set<JsonNode> used = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<JsonNode, Integer> index = new IdentityHashMap<>();

    TrelloActions(TrelloExport export) {
        this.export = export;
        for (JsonNode a : export.actions) {
            index.put(a, index.size());
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
                boardCreation.put(board, a);
            }
            if (type == null || card == null) {
                continue;
            }
            if (CREATION.contains(type)) {
                creation.merge(card, a, (old, now) -> when(now).compareTo(when(old)) < 0 ? now : old);
            } else if (COMMENT.contains(type)) {
                comments.merge(card, 1, Integer::sum);
            } else if (type.equals("updateCard") && data.has("listAfter")) {
                moves.computeIfAbsent(card, k -> new ArrayList<>()).add(a);
            } else if (type.equals("updateCheckItemStateOnCard")) {
                String item = TrelloExport.text(data.get("checkItem"), "id");
                if (item != null) {
                    lastCheckState.merge(item, a, (old, now) -> when(now).compareTo(when(old)) > 0 ? now : old);
                }
            } else if (type.equals("addAttachmentToCard")) {
                addedAttachments.computeIfAbsent(card, k -> new ArrayList<>()).add(a);
            } else if (type.equals("deleteAttachmentFromCard")) {
                String att = TrelloExport.text(data.get("attachment"), "id");
                if (att != null) {
                    deletedAttachments.add(att);
                }
            }
        }
    }

    /** The action that created the card (oldest of createCard, copyCard, …), or null. */
    JsonNode creation(String cardId) {
        return creation.get(cardId);
    }

    /** The createBoard action of the board, or null. */
    JsonNode boardCreation(String boardId) {
        return boardCreation.get(boardId);
    }

    /** The board's name as the newest action that mentions it gives it (single-card exports have no board). */
    String boardName(String boardId) {
        return boardNames.get(boardId);
    }

    /** List moves of the card, oldest first. */
    List<JsonNode> moves(String cardId) {
        List<JsonNode> list = new ArrayList<>(moves.getOrDefault(cardId, List.of()));
        list.sort(Comparator.comparing(TrelloActions::when));
        return list;
    }

    /** The action's time as a sortable ISO string; "" when missing or unreadable. */
    static String when(JsonNode action) {
        String iso = TrelloValues.date(TrelloExport.text(action, "date"));
        return iso == null ? "" : iso;
    }

    int commentCount(String cardId) {
        return comments.getOrDefault(cardId, 0);
    }

    /** The newest check/uncheck action of a checklist item. */
    JsonNode lastCheckState(String checkItemId) {
        return lastCheckState.get(checkItemId);
    }

    /** addAttachmentToCard actions of the card for attachments not deleted since, oldest first. */
    List<JsonNode> addedAttachments(String cardId) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode a : addedAttachments.getOrDefault(cardId, List.of())) {
            if (!deletedAttachments.contains(TrelloExport.text(a.path("data").get("attachment"), "id"))) {
                list.add(a);
            }
        }
        list.sort(Comparator.comparing(TrelloActions::when));
        return list;
    }

    /** Marks the addAttachmentToCard actions whose attachment the card still has: the attachment carries them. */
    void useAttachmentActions(String cardId, Set<String> attachmentIds) {
        for (JsonNode a : addedAttachments.getOrDefault(cardId, List.of())) {
            if (attachmentIds.contains(TrelloExport.text(a.path("data").get("attachment"), "id"))) {
                use(a);
            }
        }
    }

    /** A list's name as the newest action that mentions it gives it (for lists missing from the export). */
    String listName(String listId) {
        return listNames.get(listId);
    }

    /** Where an action is in the export, for issues and losses. */
    Location location(JsonNode action) {
        Integer i = index.get(action);
        return i == null ? export.at("/actions") : export.at(export.pointer("actions", i), i, TrelloExport.text(action, "id"));
    }

    void use(JsonNode action) {
        if (action != null) {
            used.add(action);
        }
    }

    /** Counts every action nothing carried, with the reason it could not be carried. */
    void reportUnused(SourceContext ctx, Set<String> cardIds) {
        for (int i = 0; i < export.actions.size(); i++) {
            JsonNode a = export.actions.get(i);
            if (used.contains(a)) {
                continue;
            }
            String type = TrelloExport.text(a, "type");
            JsonNode data = a.path("data");
            String card = TrelloExport.text(data.get("card"), "id");
            String reason;
            if (type == null) {
                // Trello always writes a type; without one nothing tells what the action did.
                reason = a.isObject() ? "action without a type (unknown action)" : "not an action object";
            } else if (card == null) {
                reason = "board activity (Kaiten imports no board history)";
            } else if (!cardIds.contains(card)) {
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
            ctx.losses().lost(type == null ? "trello action" : "trello action." + type, reason,
                    export.at(export.pointer("actions", i), i, TrelloExport.text(a, "id")));
        }
    }
}
