package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Card property values against their custom field: the field must exist, and the value must fit its type
 * (select, multi_select and user values are arrays of ids even for one value). Fields are read before cards, so
 * every card can be checked as it streams past.
 */
final class PropertyValues {
    private record Field(String type, Set<String> options) {
    }

    private final Map<String, Field> fields = new HashMap<>();
    private final Integrity integrity;

    PropertyValues(Integrity integrity) {
        this.integrity = integrity;
    }

    void field(String id, JsonNode field) {
        if (id == null) {
            return;
        }
        Set<String> options = new HashSet<>();
        JsonNode list = field.get("options");
        if (list != null && list.isArray()) {
            list.forEach(o -> {
                String option = o.isObject() ? Ids.of(o.get("id")) : null;
                if (option != null) {
                    options.add(option);
                }
            });
        }
        JsonNode type = field.get("type");
        fields.putIfAbsent(id, new Field(type != null && type.isTextual() ? type.asText() : "", options));
    }

    void card(JsonNode card, String file, long position, String cardId) {
        JsonNode props = card.get("properties");
        if (props == null || !props.isArray()) {
            return;
        }
        for (int i = 0; i < props.size(); i++) {
            JsonNode p = props.get(i);
            String fieldId = p.isObject() ? Ids.of(p.get("id")) : null;
            if (fieldId == null) {
                continue;
            }
            String base = "/properties/" + i;
            Field f = fields.get(fieldId);
            if (f == null) {
                // Not imported: fine only when properties_mapping maps it to an existing field (type unknown here).
                integrity.resolve(Target.CUSTOM_FIELDS, fieldId, Location.record(file, position, cardId, base + "/id"));
                continue;
            }
            JsonNode value = p.get("value");
            if (value != null && !value.isNull()) {
                value(f, fieldId, value, Location.record(file, position, cardId, base + "/value"));
            }
        }
    }

    private void value(Field f, String fieldId, JsonNode value, Location where) {
        switch (f.type) {
            case "select", "multi_select" -> ids(f, fieldId, value, where, false);
            case "user" -> ids(f, fieldId, value, where, true);
            case "number" -> expect(value.isNumber(), "a number", f, fieldId, value, where);
            case "string", "text", "email", "phone", "url" ->
                    expect(value.isTextual(), "a string", f, fieldId, value, where);
            case "date" -> expect(value.isTextual() && isDate(value.asText()), "a date or date-time string",
                    f, fieldId, value, where);
            default -> {
                // catalog, vote, score… have shapes no public source pins down
            }
        }
    }

    private void ids(Field f, String fieldId, JsonNode value, Location where, boolean users) {
        String wanted = users ? "an array of user ids" : "an array of option ids";
        if (!value.isArray()) {
            mismatch(wanted, f, fieldId, value, where);
            return;
        }
        for (int j = 0; j < value.size(); j++) {
            Location at = where.withPointer(where.pointer() + "/" + j);
            String id = Ids.of(value.get(j));
            if (id == null) {
                continue; // the card schema already requires ids inside property arrays
            }
            if (users) {
                integrity.resolve(Target.USERS, id, at);
            } else if (!f.options.contains(id)) {
                integrity.report(Issue.of(IssueCode.REF_UNRESOLVED, at, SchemaErrors.field(at.pointer()), id,
                        "option of custom field '" + fieldId + "'"));
            }
        }
    }

    private void expect(boolean ok, String wanted, Field f, String fieldId, JsonNode value, Location where) {
        if (!ok) {
            mismatch(wanted, f, fieldId, value, where);
        }
    }

    private void mismatch(String wanted, Field f, String fieldId, JsonNode value, Location where) {
        integrity.report(Issue.of(IssueCode.PROPERTY_VALUE, where, SchemaErrors.field(where.pointer())
                + " must be " + wanted + " for " + f.type + " field '" + fieldId + "'; it is "
                + SchemaErrors.typeOf(value) + " " + SchemaErrors.quote(value)));
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                try {
                    LocalDateTime.parse(s);
                    return true;
                } catch (DateTimeParseException e3) {
                    return false;
                }
            }
        }
    }
}
