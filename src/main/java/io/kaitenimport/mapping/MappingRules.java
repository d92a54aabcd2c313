package io.kaitenimport.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values with a fixed range, checked in the user's file at the line they were written (not later at a generated
 * package file): column types, colours, custom field types. The rules go by key path, so they apply to every
 * mapping that has such a key (CSV/Excel, Trello, Jira).
 */
final class MappingRules {
    private static final List<String> FIELD_TYPES = List.of("string", "number", "date", "select", "multi_select",
            "checkbox", "url", "user");

    private MappingRules() {
    }

    static void check(JsonNode user, String name, YamlPositions positions) {
        for (String key : List.of("columns", "statuses")) {
            each(user.path(key), (k, v) -> {
                if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 3) {
                    fail(name, positions, "/" + key + "/" + YamlPositions.escape(k), key + "." + k,
                            "column type must be 1 (queued), 2 (in progress) or 3 (done), not " + v.asText());
                }
            });
        }
        each(user.path("priority_colors"), (k, v) -> color(name, positions, "/priority_colors/" + YamlPositions.escape(k),
                "priority_colors." + k, "", v));
        JsonNode custom = user.path("custom_fields");
        for (int i = 0; i < custom.size(); i++) {
            JsonNode rule = custom.get(i);
            String at = "/custom_fields/" + i;
            if (rule.isObject() && rule.path("header").asText("").isBlank()) {
                fail(name, positions, at, "custom_fields", "an entry needs a header (the column name in the export)");
            }
            JsonNode type = rule.path("type");
            if (type.isTextual() && !FIELD_TYPES.contains(type.asText())) {
                fail(name, positions, at + "/type", null, "custom field '" + rule.path("header").asText() + "': unknown type '"
                        + type.asText() + "'" + Suggest.didYouMean(type.asText(), FIELD_TYPES) + "; use one of "
                        + String.join(", ", FIELD_TYPES));
            }
            JsonNode options = rule.path("options");
            for (int j = 0; j < options.size(); j++) {
                JsonNode c = options.get(j).path("color");
                if (!c.isMissingNode()) {
                    color(name, positions, at + "/options/" + j + "/color", null, "option '"
                            + options.get(j).path("value").asText() + "': ", c);
                }
            }
        }
    }

    private static void color(String name, YamlPositions positions, String pointer, String field, String what,
                              JsonNode v) {
        if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 17) {
            fail(name, positions, pointer, field, what + "Kaiten colours are 1–17, not " + v.asText());
        }
    }

    private interface Entry {
        void check(String key, JsonNode value);
    }

    private static void each(JsonNode map, Entry e) {
        if (map.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                e.check(f.getKey(), f.getValue());
            }
        }
    }

    private static void fail(String name, YamlPositions positions, String pointer, String field, String message) {
        long[] p = positions.value(pointer);
        Location at = p == null ? Location.file(name) : Location.file(name).withLine(p[0], p[1]);
        throw new SourceException(field == null ? at : at.withField(field), message);
    }
}
