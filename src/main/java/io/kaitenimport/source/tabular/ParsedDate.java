package io.kaitenimport.source.tabular;

import io.kaitenimport.model.Dates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A value read by {@link DateParser}.
 *
 * @param date   the calendar date
 * @param time   the time of day, or null when the value had none
 * @param offset the UTC offset written in the value, or null when it had none
 */
public record ParsedDate(LocalDate date, LocalTime time, ZoneOffset offset) {

    public ParsedDate {
        Objects.requireNonNull(date, "date");
    }

    public boolean timePresent() {
        return time != null;
    }

    /** {@code 2024-05-29} ({@link LocalDate#toString} is ISO-8601 and, unlike a formatter, cheap per card). */
    public String toIsoDate() {
        return date.toString();
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
        return Dates.iso(instant);
    }
}
