package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The people of a Jira CSV. User columns hold display names and their {@code … Id} partners hold account ids
 * (Cloud); comment, worklog and attachment cells hold an account id (Cloud) or a username (Server). Pass 1 pairs
 * names with ids so both passes can write REST-shaped user objects with whatever the file tells.
 */
final class CsvPeople {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern ACCOUNT_ID = Pattern.compile(
            "\\d+:[0-9a-f-]{8,}|[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, String> nameOfId = new HashMap<>();
    private final Map<String, String> idOfName = new HashMap<>();

    /** Pass 1: a name and/or id seen together in a user column and its Id partner. */
    void learn(String name, String id) {
        if (name != null && id != null) {
            nameOfId.putIfAbsent(id, name);
            idOfName.putIfAbsent(name, id);
        } else if (name != null) {
            idOfName.putIfAbsent(name, null);
        }
    }

    /** Whether a value names someone seen in a user column (by name or account id). */
    boolean isPerson(String v) {
        return idOfName.containsKey(v) || nameOfId.containsKey(v);
    }

    /** A user object from a name and/or account id, each completed from the other when known. */
    ObjectNode user(String name, String id) {
        ObjectNode u = F.objectNode();
        if (id == null && name != null) {
            id = idOfName.get(name);
        }
        if (name == null && id != null) {
            name = nameOfId.get(id);
        }
        if (id != null) {
            u.put("accountId", id);
        }
        if (name != null) {
            u.put("displayName", name);
        }
        return u;
    }

    /** A custom-field value naming a person: an account id or a display name. */
    ObjectNode value(String v) {
        return nameOfId.containsKey(v) ? user(nameOfId.get(v), v) : user(v, null);
    }

    /** A comment/attachment/worklog author: an account id, a display name or a Server username; null if blank. */
    ObjectNode author(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String t = token.strip();
        if (nameOfId.containsKey(t) || ACCOUNT_ID.matcher(t).matches()) {
            return user(nameOfId.get(t), t);
        }
        if (idOfName.containsKey(t)) {
            return user(t, idOfName.get(t));
        }
        return F.objectNode().put("name", t).put("displayName", t);
    }
}
