package io.kaitenimport.validate;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading ids and times out of records the way Kaiten compares them. */
final class Ids {
    private Ids() {
    }

    /**
     * The id as a string, whether written as a string or a number ("17" and 17 are the same id), or null when the
     * value cannot be an id (absent, null, blank, an object…).
     */
    static String of(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText().isBlank() ? null : value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            // 1e400 parses as infinity: not a number any id can be
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                return null;
            }
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return null;
    }

    /** The id of a record, or null. */
    static String ofRecord(JsonNode record) {
        return record != null && record.isObject() ? of(record.get("id")) : null;
    }

    /**
     * Compares two ISO-8601 date-times; null when either does not parse (the schema reports the format) or when
     * only one of them has an offset, which makes the order unknowable.
     */
    static Integer compareTimes(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            try {
                return LocalDateTime.parse(a).compareTo(LocalDateTime.parse(b));
            } catch (DateTimeParseException | NullPointerException e2) {
                return null;
            }
        }
    }
}
