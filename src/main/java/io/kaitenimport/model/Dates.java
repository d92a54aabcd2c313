package io.kaitenimport.model;

import java.time.Instant;
import java.time.LocalDateTime;
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

    /** Written by hand for years 0–9999 (a formatter per card date was a hot spot of big conversions). */
    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int y = utc.getYear();
        if (y < 0 || y > 9999) {
            return ISO_MILLIS.format(instant);
        }
        char[] out = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(out, 0, y, 4);
        digits(out, 5, utc.getMonthValue(), 2);
        digits(out, 8, utc.getDayOfMonth(), 2);
        digits(out, 11, utc.getHour(), 2);
        digits(out, 14, utc.getMinute(), 2);
        digits(out, 17, utc.getSecond(), 2);
        digits(out, 20, utc.getNano() / 1_000_000, 3);
        return new String(out);
    }

    /** {@code value} as {@code width} zero-padded digits at {@code at}. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
