package io.kaitenimport.source;

import com.fasterxml.jackson.databind.JsonNode;

/** Rules about source JSON values that every JSON adapter applies the same way. */
public final class JsonValues {
    private JsonValues() {
    }

    /** Null, false, blank, and containers holding only such values carry no data, so they are never a loss. */
    public static boolean isEmpty(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isBoolean()) {
            return !v.booleanValue();
        }
        if (v.isTextual()) {
            return v.asText().isBlank();
        }
        if (v.isContainerNode()) {
            for (JsonNode child : v) {
                if (!isEmpty(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
