package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.Users;

/** Small readers shared by both passes: issue identity, site URL, people. */
final class JiraIssues {
    private JiraIssues() {
    }

    /** The card id: the issue id, else its key (hand-made exports); null when it has neither. */
    static String idOf(JsonNode issue) {
        return BoardPlan.firstText(issue, "id", "key");
    }

    /** {@code https://site.atlassian.net} from an issue's {@code self} ({@code …/rest/api/3/issue/10627}). */
    static String baseUrl(JsonNode node) {
        String self = BoardPlan.firstText(node, "self");
        if (self == null) {
            return null;
        }
        int i = self.indexOf("/rest/api/");
        return i > 0 && (self.startsWith("http://") || self.startsWith("https://")) ? self.substring(0, i) : null;
    }

    /**
     * A Jira user object as a person: Cloud users are known by {@code accountId}, Server/DC users by {@code key}
     * and {@code name} (the username); {@code emailAddress} when the site shows it.
     */
    static Users.Person person(JsonNode u) {
        if (u == null || !u.isObject()) {
            return null;
        }
        String accountId = BoardPlan.firstText(u, "accountId");
        String key = BoardPlan.firstText(u, "key");
        String name = BoardPlan.firstText(u, "name");
        String display = BoardPlan.firstText(u, "displayName");
        String email = BoardPlan.firstText(u, "emailAddress");
        String sourceId = accountId != null ? accountId : key != null ? key : name;
        if (sourceId == null && display == null && email == null) {
            return null;
        }
        return new Users.Person(sourceId, name, display, email);
    }

    /** A place below {@code at}; positions without a JSON pointer (issues read from a table) stay as they are. */
    static io.kaitenimport.issue.Location below(io.kaitenimport.issue.Location at, String subPointer) {
        return at.pointer() == null ? at : at.withPointer(at.pointer() + subPointer);
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank() ? null : n.asText();
    }
}
