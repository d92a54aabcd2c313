package io.kaitenimport.source.tabular;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A value read by {@link DateParser}.
 *
 * @param date   the calendar date
 * @param time   the time of day, or null when the value had none
 * @param offset the UTC offset written in the value, or null when it had none
 */
public record ParsedDate(LocalDate date, LocalTime time, ZoneOffset offset) {

    private static final DateTimeFormatter ISO_UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

    public ParsedDate {
        Objects.requireNonNull(date, "date");
    }

    public boolean timePresent() {
        return time != null;
    }

    /** {@code 2024-05-29}. */
    public String toIsoDate() {
        int y = date.getYear();
        if (y < 0 || y > 9999) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        char[] out = new char[10];
        digits(out, 0, y, 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        return new String(out);
    }

    /** {@code value} as {@code width} zero-padded digits (a formatter per card date was a hot spot). */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The instant in UTC with milliseconds, e.g. {@code 2024-05-29T16:00:00.000Z}. A written offset wins over
     * {@code assumeZone}; a value without time means midnight at the start of that day.
     */
    public String toIsoUtc(ZoneId assumeZone) {
        LocalDateTime local = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
        Instant instant = offset != null
                ? local.toInstant(offset)
                : local.atZone(Objects.requireNonNull(assumeZone, "assumeZone")).toInstant();
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int y = utc.getYear();
        if (y < 0 || y > 9999) {
            return ISO_UTC_MILLIS.format(instant.atOffset(ZoneOffset.UTC));
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
}
