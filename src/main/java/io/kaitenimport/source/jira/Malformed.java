package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.Users;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

/**
 * Values of the wrong JSON type where the adapter reads a list or an object ({@code "issuelinks": {…}}, a comment
 * that is a string, a user given as a bare name): reported as {@link IssueCode#SOURCE_STRUCTURE} with their
 * pointer, counted as lost under their field, and never followed. Absent and null values are just empty. The
 * static readers only guard, for pass 1, where the same values are reported in pass 2.
 */
final class Malformed {
    private static final JsonNode NO_ELEMENTS = JsonNodeFactory.instance.arrayNode();

    private final SourceContext ctx;

    Malformed(SourceContext ctx) {
        this.ctx = ctx;
    }

    /** The array, or an empty one when the value is absent, null, or not an array (then reported). */
    JsonNode array(JsonNode value, String lossKey, Location at) {
        if (absent(value) || value.isArray()) {
            return elements(value);
        }
        report(value, "a list", lossKey, at);
        return NO_ELEMENTS;
    }

    /** The object, or null when the value is absent, null, or not an object (then reported). */
    JsonNode object(JsonNode value, String lossKey, Location at) {
        if (absent(value) || value.isObject()) {
            return absent(value) ? null : value;
        }
        report(value, "an object", lossKey, at);
        return null;
    }

    /** Whether a list element is an object; a null one is skipped, any other reported. */
    boolean element(JsonNode value, String lossKey, Location at) {
        if (absent(value) || value.isObject()) {
            return !absent(value);
        }
        report(value, "an object", lossKey, at);
        return false;
    }

    /** A Jira user, or null when absent or not a user object (then reported). */
    Users.Person person(JsonNode value, String lossKey, Location at) {
        JsonNode u = object(value, lossKey, at);
        return u == null ? null : JiraIssues.person(u);
    }

    /** Text, or null when absent or not a single value (then reported). */
    String text(JsonNode value, String lossKey, Location at) {
        if (value != null && value.isContainerNode() && !value.isEmpty()) {
            report(value, "text", lossKey, at);
            return null;
        }
        return JiraIssues.text(value);
    }

    void report(JsonNode value, String expected, String lossKey, Location at) {
        String kind = kind(value);
        ctx.lost(Loss.of(lossKey, "malformed: " + kind + " where Jira has " + expected), IssueCode.SOURCE_STRUCTURE,
                at, lossKey + " is " + kind + " where Jira has " + expected + "; not read");
    }

    /** The value when it is an array, else an empty one: pass 1's guard. */
    static JsonNode elements(JsonNode value) {
        return value != null && value.isArray() ? value : NO_ELEMENTS;
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        return switch (v.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
