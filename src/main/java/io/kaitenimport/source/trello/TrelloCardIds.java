package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a first pass over the cards learns, as ids and numbers: every card id (its ordinal is the key of the
 * per-card indexes of {@link TrelloActions} and {@link TrelloChecklists}), the card behind each short link, the
 * lists the cards point at (first card of each, for columns of lists missing from the export), and which cards
 * have no {@code attachments} key (their addAttachmentToCard actions stand in).
 */
final class TrelloCardIds {
    private final IdTable ids = new IdTable();
    private final IdTable shortLinks = new IdTable();
    private final IntArray cardOfShortLink = new IntArray();
    private final Map<String, Integer> firstCardOfList = new LinkedHashMap<>();
    private final BitSet withoutAttachments = new BitSet();

    /** @param names counts the attachment names of the cards, or null when nobody needs them */
    TrelloCardIds(TrelloExport export, TrelloAttachments.Names names) {
        for (int i = 0; i < export.cards.size(); i++) {
            JsonNode c = export.cards.get(i);
            String listId = TrelloExport.text(c, "idList");
            firstCardOfList.putIfAbsent(listId == null ? TrelloColumns.NO_LIST : listId, i);
            JsonNode all = c.get("attachments");
            if (names != null && all != null && all.isArray()) {
                all.forEach(names::count);
            }
            String id = TrelloExport.text(c, "id");
            if (id == null) {
                continue;
            }
            int ordinal = ids.intern(id);
            if (all == null) {
                withoutAttachments.set(ordinal);
            }
            String shortLink = TrelloExport.text(c, "shortLink");
            if (shortLink != null) {
                int k = shortLinks.intern(shortLink);
                cardOfShortLink.ensureSize(k + 1, 0);
                cardOfShortLink.set(k, ordinal); // the last card with a short link wins, as in a map
            }
        }
    }

    int size() {
        return ids.size();
    }

    /** The ordinal of a card id of the export, or -1 (also for null). */
    int find(String id) {
        return id == null ? -1 : ids.find(id);
    }

    /** The id of the card a short link names, or null. */
    String byShortLink(String shortLink) {
        int k = shortLink == null ? -1 : shortLinks.find(shortLink);
        return k < 0 ? null : ids.get(cardOfShortLink.get(k));
    }

    /** Whether a card of this id has no {@code attachments} key. */
    boolean withoutAttachments(String id) {
        int c = find(id);
        return c >= 0 && withoutAttachments.get(c);
    }

    /** Every list id the cards name ({@link TrelloColumns#NO_LIST} for none), in order, with its first card. */
    Map<String, Integer> firstCardOfList() {
        return firstCardOfList;
    }
}
