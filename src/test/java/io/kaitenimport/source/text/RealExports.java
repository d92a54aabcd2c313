package io.kaitenimport.source.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Collects the rich-text bodies of Jira REST issue JSON: descriptions, environments, comments, worklog comments. */
final class RealExports {

    private RealExports() {
    }

    /** Accepts a single issue or a search result with {@code issues}; renderedFields (HTML) are not looked at. */
    static void richTextBodies(JsonNode root, List<JsonNode> out) {
        JsonNode issues = root.path("issues");
        if (issues.isArray()) {
            issues.forEach(issue -> fromIssue(issue, out));
        } else {
            fromIssue(root, out);
        }
    }

    private static void fromIssue(JsonNode issue, List<JsonNode> out) {
        JsonNode fields = issue.path("fields");
        add(fields.path("description"), out);
        add(fields.path("environment"), out);
        fields.path("comment").path("comments").forEach(c -> add(c.path("body"), out));
        fields.path("worklog").path("worklogs").forEach(w -> add(w.path("comment"), out));
    }

    private static void add(JsonNode body, List<JsonNode> out) {
        if (body.isObject() || body.isTextual()) {
            out.add(body);
        }
    }
}
