package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CustomField;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trello custom fields (board {@code customFields}, card {@code customFieldItems}) → Kaiten custom fields and card
 * properties: text → string, number → number (Trello stores it as a string), date → date, checkbox → a select with
 * one option "Yes" (Kaiten's import has no checkbox: see {@link FieldTypes}), list → select with its options and
 * colours. A list field without options cannot be a Kaiten select (the schema
 * requires options) and can hold no value either, so it is skipped and counted, as are the values pointing at it.
 */
final class TrelloCustomFields {
    static final String LOST = "trello card.customFieldItems";
    private static final Map<String, String> TYPES = Map.of("text", "string", "number", "number", "date", "date",
            "checkbox", "checkbox", "list", "select");

    private final Map<String, String> typeById = new HashMap<>();
    private final Set<String> optionIds = new HashSet<>();
    /** Fields of the export that are not imported → why their values are lost. */
    private final Map<String, String> skipped = new HashMap<>();

    static TrelloCustomFields emit(SourceContext ctx, ModelSink sink, TrelloExport export) throws IOException {
        TrelloCustomFields fields = new TrelloCustomFields();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < export.customFields.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> export.customFields.get(i).path("pos").asDouble(0)));
        for (int i : order) {
            fields.field(ctx, sink, export, export.customFields.get(i), i);
        }
        return fields;
    }

    private void field(SourceContext ctx, ModelSink sink, TrelloExport export, JsonNode f, int i) throws IOException {
        String id = TrelloExport.text(f, "id");
        String type = TrelloExport.text(f, "type");
        Location where = export.at(export.pointer("customFields", i), i, id);
        String kaitenType = type == null ? null : TYPES.get(type);
        if (id == null || kaitenType == null) {
            ctx.lost(Loss.of("trello customFields", "custom field without id or of an unknown type"),
                    IssueCode.SOURCE_STRUCTURE, where, "custom field of type '" + type + "' cannot be imported");
            if (id != null) {
                skipped.put(id, "value of a custom field of unknown type '" + type + "'");
            }
            return;
        }
        String name = TrelloNames.fit(ctx, TrelloExport.text(f, "name"), "Trello field " + id, TrelloNames.MAX_NAME,
                "trello customField.name", where);
        if (TrelloExport.flag(f.path("display"), "cardFront")) {
            ctx.losses().lost("trello customField.display.cardFront", "Kaiten import cannot choose which fields"
                    + " show on the card face", where);
        }
        List<CustomField.Option> options = null;
        if (kaitenType.equals("select")) {
            options = new ArrayList<>();
            JsonNode opts = TrelloExport.elements(ctx, f, "options", "trello customField.options", where);
            for (int j = 0; j < opts.size(); j++) {
                JsonNode o = opts.get(j);
                String oid = TrelloExport.text(o, "id");
                Location ow = where.withPointer(where.pointer() + "/options/" + j);
                if (oid == null) {
                    ctx.losses().lost("trello customField.options", "option without an id", ow);
                    continue;
                }
                String value = TrelloNames.fit(ctx, TrelloExport.text(o.path("value"), "text"), "(empty option)",
                        TrelloNames.MAX_NAME, "trello customField.options.value", ow);
                String color = TrelloExport.text(o, "color");
                Integer kaitenColor = TrelloValues.kaitenColor(color);
                if (kaitenColor == null && TrelloValues.baseColor(color) != null) {
                    ctx.losses().lost("trello customField.options.color", "colour '" + color + "' has no Kaiten match",
                            ow);
                }
                Double pos = o.has("pos") && o.get("pos").isNumber() ? o.get("pos").asDouble() : (double) j;
                options.add(new CustomField.Option(oid, value, kaitenColor, pos));
                optionIds.add(oid);
            }
            if (options.isEmpty()) {
                ctx.lost(Loss.of("trello customFields", "list without options"), IssueCode.SOURCE_STRUCTURE, where,
                        "list custom field '" + name + "' has no options;"
                        + " skipped (a Kaiten select needs at least one)");
                skipped.put(id, "value of a list custom field without options");
                return;
            }
        }
        if (kaitenType.equals("checkbox")) {
            FieldTypes.note(ctx, kaitenType, name, where);
            sink.accept(FieldTypes.checkbox(id, name));
        } else {
            sink.accept(options == null ? CustomField.of(id, kaitenType, name)
                    : CustomField.select(id, kaitenType, name, options));
        }
        typeById.put(id, kaitenType);
    }

    /** The card's values; each one that cannot be carried is reported and counted. */
    void addProperties(SourceContext ctx, JsonNode card, Card.Builder b, Location cardAt) {
        JsonNode items = TrelloExport.elements(ctx, card, "customFieldItems", LOST, cardAt);
        for (int j = 0; j < items.size(); j++) {
            JsonNode item = items.get(j);
            Location where = cardAt.withPointer(cardAt.pointer() + "/customFieldItems/" + j);
            if (TrelloExport.isEmpty(item.get("value")) && TrelloExport.isEmpty(item.get("idValue"))) {
                continue; // a cleared value: nothing to carry
            }
            String fieldId = TrelloExport.text(item, "idCustomField");
            String type = fieldId == null ? null : typeById.get(fieldId);
            if (type == null && skipped.containsKey(fieldId)) {
                ctx.losses().lost(LOST, skipped.get(fieldId), where);
                continue;
            }
            if (type == null) {
                ctx.lost(Loss.of(LOST, "value of a custom field that is not in the export"),
                        IssueCode.SOURCE_REF_UNRESOLVED, where, "custom field '" + fieldId + "' is not in the export");
                continue;
            }
            if (type.equals("checkbox") && "false".equalsIgnoreCase(TrelloExport.text(item.path("value"), "checked"))) {
                continue; // unchecked: the converted select has no value, which is what unchecked means
            }
            Object value = value(type, item);
            if (value == null) {
                ctx.lost(Loss.of(LOST, "unreadable " + type + " value"), IssueCode.SOURCE_VALUE_INVALID, where,
                        "cannot read " + type + " value "
                        + (item.has("idValue") ? item.get("idValue") : item.get("value")));
                continue;
            }
            b.addProperty(new Card.Property(fieldId, value));
        }
    }

    private Object value(String type, JsonNode item) {
        JsonNode v = item.path("value");
        switch (type) {
            case "string":
                return TrelloExport.text(v, "text");
            case "number":
                String n = TrelloExport.text(v, "number");
                try {
                    return n == null ? null : new BigDecimal(n.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            case "date":
                return TrelloValues.date(TrelloExport.text(v, "date"));
            case "checkbox":
                String c = TrelloExport.text(v, "checked");
                return c != null && c.equalsIgnoreCase("true")
                        ? FieldTypes.checked(TrelloExport.text(item, "idCustomField"), true) : null;
            default:
                String option = TrelloExport.text(item, "idValue");
                return option != null && optionIds.contains(option) ? List.of(option) : null;
        }
    }
}
