package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/**
 * The shape of a Jira field value, used when no {@code schema} says what a custom field is (Cloud search results
 * without {@code expand=schema}, hand-made exports). Each shape has one natural Kaiten property kind.
 */
enum Shape {
    EMPTY, STRING, DATE, DATETIME, NUMBER, BOOLEAN, ADF, RANK, USER, USERS, OPTION, OPTIONS, NAMED, NAMEDS, SPRINT,
    SPRINTS, STRINGS, UNKNOWN;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");
    /** LexoRank, Jira's ordering key: {@code 0|i0077b:}. */
    private static final Pattern RANK_TEXT = Pattern.compile("\\d\\|[0-9a-z]+:[0-9a-z]*");
    static final String SPRINT_PREFIX = "com.atlassian.greenhopper.service.sprint.Sprint@";

    static Shape of(JsonNode v) {
        if (isEmpty(v)) {
            return EMPTY;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (ISO_DATE.matcher(s).matches()) {
                return DATE;
            }
            if (ISO_DATETIME.matcher(s).matches()) {
                return DATETIME;
            }
            if (RANK_TEXT.matcher(s).matches()) {
                return RANK;
            }
            return s.startsWith(SPRINT_PREFIX) ? SPRINT : STRING;
        }
        if (v.isNumber()) {
            return NUMBER;
        }
        if (v.isBoolean()) {
            return BOOLEAN;
        }
        if (v.isObject()) {
            return ofObject(v);
        }
        if (v.isArray()) {
            Shape first = null;
            for (JsonNode e : v) {
                Shape s = of(e);
                if (s == EMPTY) {
                    continue;
                }
                Shape plural = switch (s) {
                    case USER -> USERS;
                    case OPTION -> OPTIONS;
                    case NAMED -> NAMEDS;
                    case SPRINT -> SPRINTS;
                    case STRING, DATE -> STRINGS;
                    default -> UNKNOWN;
                };
                if (first != null && first != plural) {
                    return UNKNOWN;
                }
                first = plural;
            }
            return first == null ? EMPTY : first;
        }
        return UNKNOWN;
    }

    private static Shape ofObject(JsonNode v) {
        if ("doc".equals(v.path("type").asText(null)) && v.has("content")) {
            return ADF;
        }
        if (v.has("accountId") || (v.has("displayName") && (v.has("name") || v.has("key")
                || v.path("self").asText("").contains("/user")))) {
            return USER;
        }
        if (v.has("value") && v.get("value").isValueNode()) {
            return OPTION;
        }
        if (v.has("name") && (v.has("state") && v.has("id") || v.has("boardId"))) {
            return SPRINT;
        }
        if (v.has("name") && v.get("name").isValueNode()) {
            return NAMED;
        }
        return UNKNOWN;
    }

    /**
     * Null, blank text, empty containers, the Development field's {@code "{}"} summary, and the Parent Link
     * placeholder that Jira sends where the field is not available ({@code showField:false} plus a
     * {@code nonEditableReason}) carry no value.
     */
    static boolean isEmpty(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            return s.isEmpty() || s.equals("{}");
        }
        if (v.isContainerNode() && v.isEmpty()) {
            return true;
        }
        return v.isObject() && v.has("nonEditableReason") && !v.path("showField").asBoolean(true);
    }
}
