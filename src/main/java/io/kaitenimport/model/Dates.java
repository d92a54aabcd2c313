package io.kaitenimport.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The package's date-time form: ISO-8601 in UTC with milliseconds, {@code 2024-07-22T07:01:37.954Z}. */
public final class Dates {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String iso(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }

    /**
     * Reads the ISO forms JSON exports use: {@code 2021-07-10T17:01:58.633Z}, {@code 2013-08-20T12:30:42.000+0200}
     * (Jira, offset without colon), {@code +02:00}. Empty when the text is not such a date-time.
     */
    public static Optional<Instant> parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException ignored) {
            // try the offset forms below
        }
        String fixed = t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return Optional.of(OffsetDateTime.parse(fixed).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@link #parseInstant} then {@link #iso}; null when unreadable. */
    public static String normalize(String text) {
        return parseInstant(text).map(Dates::iso).orElse(null);
    }
}
