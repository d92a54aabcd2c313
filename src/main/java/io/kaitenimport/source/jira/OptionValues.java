package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns select-like Jira values into options with deterministic ids: {@code cfopt:<field>:<Jira id>} when the
 * value has an id (options, versions, components, sprints), else {@code cfopt:<field>:v:<trimmed text>}. Pass 1
 * collects them for the custom field records and pass 2 uses the same ids for card values.
 */
final class OptionValues {
    private static final Pattern SPRINT_ID = Pattern.compile("[\\[,]id=(\\d+)");
    private static final Pattern SPRINT_NAME = Pattern.compile("[\\[,]name=(.*?)(?:,[a-zA-Z]+=|]$)");
    private static final Pattern SPRINT_DATES = Pattern.compile("[\\[,](startDate|endDate|completeDate)=[^<,\\]]");

    private OptionValues() {
    }

    /**
     * One option. {@code cascaded}: a parent/child pair flattened into one; {@code extra}: the value had details
     * an option cannot keep (sprint dates and state, version release dates).
     */
    record Opt(String id, String value, boolean cascaded, boolean extra) {
    }

    /** The options in a value (one for a single value, several for an array); empty when it has none. */
    static List<Opt> of(String fieldId, JsonNode v) {
        List<Opt> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                Opt o = one(fieldId, e);
                if (o != null) {
                    out.add(o);
                }
            }
        } else {
            Opt o = one(fieldId, v);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private static Opt one(String fieldId, JsonNode v) {
        if (Shape.isEmpty(v)) {
            return null;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.startsWith(Shape.SPRINT_PREFIX)) {
                return sprint(fieldId, s);
            }
            return opt(fieldId, null, s, false, false);
        }
        if (v.isNumber() || v.isBoolean()) {
            return opt(fieldId, null, v.asText(), false, false);
        }
        if (!v.isObject()) {
            return null;
        }
        if (v.has("value") && v.get("value").isValueNode()) {
            JsonNode child = v.get("child");
            if (child != null && child.isObject() && child.has("value")) {
                String id = text(v.get("id")) == null || text(child.get("id")) == null ? null
                        : text(v.get("id")) + ":" + text(child.get("id"));
                return opt(fieldId, id, v.get("value").asText() + " / " + child.get("value").asText(), true, false);
            }
            return opt(fieldId, text(v.get("id")), v.get("value").asText(), false, false);
        }
        if (v.has("name") && v.get("name").isValueNode()) {
            boolean extra = !Shape.isEmpty(v.get("startDate")) || !Shape.isEmpty(v.get("endDate"))
                    || !Shape.isEmpty(v.get("releaseDate"));
            return opt(fieldId, text(v.get("id")), v.get("name").asText(), false, extra);
        }
        return null;
    }

    /** The legacy {@code Sprint@1fdd4900[id=5820,rapidViewId=3504,state=CLOSED,name=…,startDate=…]} form. */
    private static Opt sprint(String fieldId, String s) {
        Matcher id = SPRINT_ID.matcher(s);
        Matcher name = SPRINT_NAME.matcher(s);
        String n = name.find() ? name.group(1).strip() : null;
        String i = id.find() ? id.group(1) : null;
        if (n == null && i == null) {
            return opt(fieldId, null, s, false, false);
        }
        return opt(fieldId, i, n == null || n.isEmpty() ? "Sprint " + i : n, false, SPRINT_DATES.matcher(s).find());
    }

    private static Opt opt(String fieldId, String sourceId, String value, boolean cascaded, boolean extra) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() && sourceId == null) {
            return null;
        }
        String id = "cfopt:" + fieldId + ":" + (sourceId != null ? sourceId : "v:" + v);
        return new Opt(id, v.isEmpty() ? "(" + sourceId + ")" : v, cascaded, extra);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }
}
