package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.Location;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The data-loss side of the board, list and card objects: keys the adapter maps are skipped, keys that only
 * repeat other data or are Trello internals are skipped, a few known keys get a specific reason, and every other
 * key with a non-empty value is counted as "not carried" — so a field Trello adds tomorrow still shows up.
 */
final class TrelloKeys {
    private static final Set<String> CARD_MAPPED = Set.of("id", "idShort", "name", "desc", "closed", "idList",
            "idMembers", "idLabels", "labels", "due", "start", "dueComplete", "attachments", "customFieldItems",
            "url", "shortUrl", "shortLink", "idMemberCreator", "idChecklists", "badges", "idBoard",
            // single-card export: the card carries these containers itself
            "actions", "checklists", "members");
    /** Derived from other fields, per-viewer state, or Trello internals: not data of the card. */
    private static final Set<String> CARD_DERIVED = Set.of("checkItemStates", "descData", "limits", "nodeId",
            "creationMethod", "creationMethodError", "creationMethodLoadingStartedAt", "idOrganization",
            "dateLastActivity", "dateViewedByCreator", "singleInstrumentationId", "agent",
            "cover", "idAttachmentCover", "manualCoverAttachment", "address", "locationName", "coordinates",
            "staticMapUrl");
    private static final Map<String, String> CARD_REASONS = Map.of(
            "pos", "Kaiten has no card order inside a column (no card sort_order)",
            "dueReminder", "Kaiten import has no due-date reminders",
            "subscribed", "subscription of the exporting member",
            "isTemplate", "Kaiten import has no card templates",
            "cardRole", "separator/board/link card role has no Kaiten equivalent",
            "email", "the card's e-mail-in address does not exist in Kaiten",
            "dateClosed", "the import has no archive date",
            "dateCompleted", "the import has no completion date");

    private static final Set<String> BOARD_MAPPED = Set.of("id", "name", "idMemberCreator", "lists", "cards",
            "labels", "checklists", "actions", "members", "customFields");
    private static final Set<String> BOARD_DERIVED = Set.of("descData", "limits", "ixUpdate", "nodeId", "labelNames",
            "premiumFeatures", "enterpriseOwned", "creationMethod", "creationMethodError",
            "creationMethodLoadingStartedAt", "shortLink", "shortUrl", "dateLastView", "dateLastActivity");
    private static final Map<String, String> BOARD_REASONS = Map.of(
            "desc", "Kaiten import boards have no description",
            "closed", "Kaiten import boards cannot be archived",
            "prefs", "board preferences and background have no Kaiten equivalent",
            "powerUps", "enabled Power-Ups have no Kaiten equivalent",
            "idOrganization", "Trello workspace (use --space to put the board in a space)",
            "url", "the board's Trello link has no place on a Kaiten board");

    private static final Set<String> LIST_MAPPED = Set.of("id", "name", "closed", "pos", "idBoard");
    private static final Set<String> LIST_DERIVED = Set.of("limits", "creationMethod", "nodeId", "idOrganization");
    private static final Map<String, String> LIST_REASONS = Map.of(
            "softLimit", "list card limit (the import has no column WIP limits)",
            "color", "list colour has no Kaiten equivalent",
            "subscribed", "subscription of the exporting member");

    private TrelloKeys() {
    }

    static void lostCardKeys(SourceContext ctx, JsonNode card, Location where) {
        if (!TrelloExport.isEmpty(card.get("idMembersVoted"))) {
            ctx.losses().lost("trello card.idMembersVoted", "Kaiten cards have no votes",
                    TrelloExport.count(card.get("idMembersVoted")), where);
        }
        if (!TrelloExport.isEmpty(card.get("idAttachmentCover")) || TrelloExport.flag(card, "manualCoverAttachment")
                || hasAny(card.get("cover"), "idAttachment", "color", "idUploadedBackground", "idPlugin")) {
            ctx.losses().lost("trello card.cover", "Kaiten cards have no covers", where);
        }
        if (hasAny(card, "address", "locationName", "coordinates")) {
            ctx.losses().lost("trello card.coordinates", "card location (Map Power-Up) has no Kaiten equivalent", where);
        }
        if (!TrelloExport.isEmpty(card.get("stickers"))) {
            ctx.losses().lost("trello card.stickers", "Kaiten cards have no stickers", TrelloExport.count(card.get("stickers")),
                    where);
        }
        if (!TrelloExport.isEmpty(card.get("pluginData"))) {
            ctx.losses().lost("trello card.pluginData", "Power-Up data (incl. legacy custom fields) has no Kaiten"
                    + " equivalent", TrelloExport.count(card.get("pluginData")), where);
        }
        rest(ctx, "trello card.", card, CARD_MAPPED, CARD_DERIVED, CARD_REASONS, where,
                Set.of("idMembersVoted", "stickers", "pluginData"));
    }

    static void lostBoardKeys(SourceContext ctx, JsonNode board, Location where) {
        for (String k : new String[] {"memberships", "pluginData"}) {
            if (!TrelloExport.isEmpty(board.get(k))) {
                ctx.losses().lost("trello board." + k, k.equals("memberships")
                        ? "board roles (admin/normal/observer) have no place in the import"
                        : "Power-Up data has no Kaiten equivalent", TrelloExport.count(board.get(k)), where);
            }
        }
        rest(ctx, "trello board.", board, BOARD_MAPPED, BOARD_DERIVED, BOARD_REASONS, where,
                Set.of("memberships", "pluginData"));
    }

    static void lostListKeys(SourceContext ctx, JsonNode list, Location where) {
        rest(ctx, "trello list.", list, LIST_MAPPED, LIST_DERIVED, LIST_REASONS, where, Set.of());
    }

    private static void rest(SourceContext ctx, String prefix, JsonNode node, Set<String> mapped, Set<String> derived,
                             Map<String, String> reasons, Location where, Set<String> done) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (mapped.contains(k) || derived.contains(k) || done.contains(k) || TrelloExport.isEmpty(e.getValue())) {
                continue;
            }
            ctx.losses().lost(prefix + k, reasons.getOrDefault(k, "not carried (no Kaiten import field)"), where);
        }
    }

    private static boolean hasAny(JsonNode node, String... keys) {
        if (node == null) {
            return false;
        }
        for (String k : keys) {
            if (!TrelloExport.isEmpty(node.get(k))) {
                return true;
            }
        }
        return false;
    }
}
