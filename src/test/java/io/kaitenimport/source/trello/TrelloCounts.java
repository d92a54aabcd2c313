package io.kaitenimport.source.trello;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.LossLedger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts of the things a Trello export holds, computed straight from its JSON (independently of the adapter), and
 * the same counts on the package side: records carried plus values the loss ledger reports as lost.
 */
record TrelloCounts(long cards, long comments, long checkItems, long attachments, long customFieldValues) {

    static TrelloCounts source(Path export) throws IOException {
        JsonNode root = Json.MAPPER.readTree(export.toFile());
        boolean single = !root.has("cards") && !root.has("lists");
        List<JsonNode> cards = new ArrayList<>();
        if (single) {
            cards.add(root);
        } else {
            root.path("cards").forEach(cards::add);
        }
        Map<String, Integer> commentsFound = new HashMap<>();
        long comments = 0;
        for (JsonNode a : root.path("actions")) {
            String type = a.path("type").asText();
            if (type.equals("commentCard") || type.equals("copyCommentCard")) {
                comments++;
                commentsFound.merge(a.path("data").path("card").path("id").asText(), 1, Integer::sum);
            }
        }
        Set<String> checkboxes = new HashSet<>();
        for (JsonNode f : root.path("customFields")) {
            if (f.path("type").asText().equals("checkbox")) {
                checkboxes.add(f.path("id").asText());
            }
        }
        long attachments = 0;
        long values = 0;
        for (JsonNode c : cards) {
            int badge = c.path("badges").path("comments").asInt(0);
            comments += Math.max(0, badge - commentsFound.getOrDefault(c.path("id").asText(), 0));
            attachments += c.has("attachments") ? c.path("attachments").size()
                    : c.path("badges").path("attachments").asInt(0);
            for (JsonNode item : c.path("customFieldItems")) {
                boolean unchecked = checkboxes.contains(item.path("idCustomField").asText())
                        && item.path("value").path("checked").asText().equalsIgnoreCase("false");
                if (!unchecked && (hasValue(item.get("value")) || hasValue(item.get("idValue")))) {
                    values++; // an unchecked checkbox is no value: Kaiten's select "Yes" stays empty (issue 14)
                }
            }
        }
        long items = 0;
        for (JsonNode cl : root.path("checklists")) {
            items += cl.path("checkItems").size();
        }
        return new TrelloCounts(cards.size(), comments, items, attachments, values);
    }

    private static boolean hasValue(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isObject()) {
            for (JsonNode x : v) {
                if (!x.isNull() && !x.asText().isBlank()) {
                    return true;
                }
            }
            return false;
        }
        return !v.asText().isBlank();
    }

    /** Records in the package plus losses, per kind. Comments split at 4096 characters count once. */
    static TrelloCounts carriedPlusLost(Path pkg, LossLedger losses) throws IOException {
        JsonNode cards = PackageRun.records(pkg, "cards");
        Set<String> commentIds = new HashSet<>();
        for (JsonNode c : PackageRun.records(pkg, "comments")) {
            commentIds.add(c.path("id").asText().replaceFirst("-part\\d+$", ""));
        }
        long items = 0;
        long links = 0;
        long values = 0;
        for (JsonNode c : cards) {
            for (JsonNode cl : c.path("checklists")) {
                items += cl.path("items").size();
            }
            for (JsonNode l : c.path("links")) {
                // the card's own Trello address is the one link that is not an attachment
                if (!"Trello card".equals(l.path("description").asText())) {
                    links++;
                }
            }
            values += c.path("properties").size();
        }
        long files = PackageRun.records(pkg, "files").size();
        return new TrelloCounts(
                cards.size() + losses.count("trello card"),
                commentIds.size() + losses.count("trello card.badges.comments")
                        + losses.count("trello action.commentCard") + losses.count("trello action.copyCommentCard"),
                items + losses.count(TrelloChecklists.LOST_ITEMS),
                files + links + losses.count(TrelloAttachments.LOST) + losses.count("trello card.badges.attachments"),
                values + losses.count(TrelloCustomFields.LOST));
    }
}
