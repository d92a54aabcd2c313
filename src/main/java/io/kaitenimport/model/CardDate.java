package io.kaitenimport.model;

/** Kaiten's CardDateObject: a date ({@code 2024-07-26}) or a UTC date-time, and whether the time is meaningful. */
public record CardDate(String value, Boolean timePresent) {
    public static CardDate dateOnly(String isoDate) {
        return new CardDate(isoDate, false);
    }

    public static CardDate dateTime(String isoUtc) {
        return new CardDate(isoUtc, true);
    }
}
