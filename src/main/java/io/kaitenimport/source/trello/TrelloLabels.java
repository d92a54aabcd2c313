package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Card;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Trello labels → Kaiten tags. Import tags are names only, so a colour-only label gets a name from the mapping
 * ("Trello green") and every label colour is counted as lost; labels no card uses are lost too (an import tag
 * exists only on a card).
 */
final class TrelloLabels {
    private final SourceContext ctx;
    private final TrelloMapping mapping;
    private final Map<String, String> tagByLabel = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    TrelloLabels(SourceContext ctx, TrelloExport export, TrelloMapping mapping) {
        this.ctx = ctx;
        this.mapping = mapping;
        for (int i = 0; i < export.labels.size(); i++) {
            JsonNode l = export.labels.get(i);
            String id = TrelloExport.text(l, "id");
            if (id != null) {
                tagByLabel.put(id, name(l, export.at(export.pointer("labels", i), i, id)));
            }
        }
    }

    private String name(JsonNode label, Location where) {
        String color = TrelloValues.baseColor(TrelloExport.text(label, "color"));
        String fallback = color == null ? mapping.uncoloredLabel() : mapping.colorOnlyLabel().replace("{color}", color);
        return TrelloNames.fit(ctx, TrelloExport.text(label, "name"), fallback, TrelloNames.MAX_NAME,
                "trello label.name", where);
    }

    /** Adds the card's labels as tags; a label id the export does not define is reported and counted. */
    void addTags(JsonNode card, Card.Builder b, Location cardAt) {
        JsonNode ids = TrelloExport.elements(ctx, card, "idLabels", "trello card.idLabels", cardAt);
        for (int j = 0; j < ids.size(); j++) {
            Location where = cardAt.withPointer(cardAt.pointer() + "/idLabels/" + j);
            String id = TrelloExport.text(ids.get(j));
            if (id == null) {
                ctx.lost(Loss.of("trello card.idLabels", "not a label id"), IssueCode.SOURCE_VALUE_INVALID, where,
                        "label id " + ids.get(j) + " is not an id");
                continue;
            }
            String tag = tagByLabel.get(id);
            if (tag == null) {
                tag = embedded(card, id, cardAt);
            }
            if (tag == null) {
                ctx.lost(Loss.of("trello card.idLabels", "label not in the export"),
                        IssueCode.SOURCE_REF_UNRESOLVED, where, "label '" + id + "' is not in the export");
                continue;
            }
            used.add(id);
            b.addTag(tag);
        }
    }

    /** Old exports and single-card exports carry the label objects on the card itself. */
    private String embedded(JsonNode card, String id, Location cardAt) {
        JsonNode labels = card.path("labels");
        for (JsonNode l : labels.isArray() ? labels : TrelloExport.EMPTY) {
            if (id.equals(TrelloExport.text(l, "id"))) {
                String tag = name(l, cardAt.withPointer(cardAt.pointer() + "/labels"));
                tagByLabel.put(id, tag);
                return tag;
            }
        }
        return null;
    }

    /** After all cards: colours of the labels in use and the unused labels themselves. */
    void reportLosses(TrelloExport export) {
        for (int i = 0; i < export.labels.size(); i++) {
            JsonNode l = export.labels.get(i);
            String id = TrelloExport.text(l, "id");
            Location where = export.at(export.pointer("labels", i), i, id);
            if (id != null && !used.contains(id)) {
                ctx.losses().lost("trello label", "label used by no card (import tags exist only on cards)", where);
            } else if (TrelloValues.baseColor(TrelloExport.text(l, "color")) != null) {
                ctx.losses().lost("trello label.color", "Kaiten import tags have no colour", where);
            }
        }
    }
}
