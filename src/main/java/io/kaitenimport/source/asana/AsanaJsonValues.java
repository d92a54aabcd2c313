package io.kaitenimport.source.asana;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.Users;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading values out of Asana JSON without trusting their shape: wrong shapes read as absent. */
final class AsanaJsonValues {
    private AsanaJsonValues() {
    }

    static String gidOf(JsonNode o) {
        String g = text(o, "gid");
        return g != null ? g : text(o, "id");
    }

    static String text(JsonNode node, String key) {
        return node == null ? null : text(node.get(key));
    }

    static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
    }

    static String firstText(JsonNode n, String... keys) {
        for (String k : keys) {
            String t = text(n, k);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    static boolean flag(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    static int count(JsonNode n, String numberKey, String arrayKey) {
        JsonNode num = n.get(numberKey);
        JsonNode arr = n.get(arrayKey);
        return Math.max(num != null && num.canConvertToInt() ? num.asInt() : 0, arr != null && arr.isArray()
                ? arr.size() : 0);
    }

    static boolean isEmpty(JsonNode v) {
        return io.kaitenimport.source.JsonValues.isEmpty(v);
    }

    static Users.Person person(JsonNode u) {
        if (u == null || !u.isObject()) {
            return null;
        }
        String gid = gidOf(u);
        String name = text(u, "name");
        String email = text(u, "email");
        return gid == null && name == null && email == null ? null : new Users.Person(gid, null, name, email);
    }

    static boolean isDate(String s) {
        try {
            LocalDate.parse(s.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
