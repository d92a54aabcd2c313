package io.kaitenimport.validate.schema;

import com.networknt.schema.format.Format;

/**
 * A string format, answered by networknt's {@link Format} (the reference) behind a quick test for the shapes
 * packages hold by the million: {@code 2024-07-22} and {@code 2024-07-22T07:01:37.954Z}. The quick test only ever
 * says "valid" for text it has fully checked (digits, ranges, the days of the month); anything else, including
 * every unusual but legal form (lower-case t or z, leap seconds, -00:00), goes to networknt, so verdicts are
 * networknt's. Parsing through java.time was a fifth of validation's CPU on a card package. FormatCheckTest holds
 * the quick test to networknt on generated text.
 */
final class FormatCheck {
    private final Format format;
    private final boolean date;
    private final boolean dateTime;

    FormatCheck(Format format) {
        this.format = format;
        this.date = format.getName().equals("date");
        this.dateTime = format.getName().equals("date-time");
    }

    boolean matches(String s) {
        return (hasQuick() && quick(s.toCharArray(), 0, s.length())) || format.matches(null, s);
    }

    /** Whether this format has a quick test at all ({@link #quick} can only say false otherwise). */
    boolean hasQuick() {
        return date || dateTime;
    }

    /**
     * The quick test on text in a buffer (the parser's, so a value that passes is never made a String): true
     * only for text it fully checked; false means "ask {@link #matches}", not "invalid".
     */
    boolean quick(char[] c, int off, int len) {
        return (date && quickDate(c, off, len)) || (dateTime && quickDateTime(c, off, len));
    }

    /** {@code yyyy-mm-dd} with a year from 1000, a month 01–12 and a day that month has. */
    static boolean quickDate(String s) {
        return quickDate(s.toCharArray(), 0, s.length());
    }

    static boolean quickDateTime(String s) {
        return quickDateTime(s.toCharArray(), 0, s.length());
    }

    private static boolean quickDate(char[] c, int off, int n) {
        return n == 10 && dateAt(c, off);
    }

    /**
     * {@code yyyy-mm-ddThh:mm:ss}, an optional fraction of 1–9 digits, then {@code Z} or {@code +hh:mm} /
     * {@code -hh:mm} (offset hours 00–17, as java.time's offsets end at 18:00; not -00:00); hours 00–23, minutes
     * and seconds 00–59.
     */
    private static boolean quickDateTime(char[] c, int off, int n) {
        if (n < 20 || !dateAt(c, off) || c[off + 10] != 'T' || !twoDigits(c, off + 11, 23) || c[off + 13] != ':'
                || !twoDigits(c, off + 14, 59) || c[off + 16] != ':' || !twoDigits(c, off + 17, 59)) {
            return false;
        }
        int i = 19;
        if (c[off + i] == '.') {
            int digits = 0;
            for (i++; i < n && isDigit(c[off + i]); i++) {
                digits++;
            }
            if (digits < 1 || digits > 9) {
                return false;
            }
        }
        if (i == n - 1) {
            return c[off + i] == 'Z';
        }
        char sign = i < n ? c[off + i] : 0;
        if (i != n - 6 || (sign != '+' && sign != '-') || !twoDigits(c, off + i + 1, 17)
                || c[off + i + 3] != ':' || !twoDigits(c, off + i + 4, 59)) {
            return false;
        }
        // -00:00 ("offset unknown") is not an offset java.time takes
        return !(sign == '-' && c[off + i + 1] == '0' && c[off + i + 2] == '0' && c[off + i + 4] == '0'
                && c[off + i + 5] == '0');
    }

    private static boolean dateAt(char[] c, int at) {
        if (!isDigit(c[at]) || c[at] == '0' || !isDigit(c[at + 1]) || !isDigit(c[at + 2])
                || !isDigit(c[at + 3]) || c[at + 4] != '-' || c[at + 7] != '-'
                || !isDigit(c[at + 5]) || !isDigit(c[at + 6]) || !isDigit(c[at + 8])
                || !isDigit(c[at + 9])) {
            return false;
        }
        int year = (c[at] - '0') * 1000 + (c[at + 1] - '0') * 100 + (c[at + 2] - '0') * 10 + (c[at + 3] - '0');
        int month = (c[at + 5] - '0') * 10 + (c[at + 6] - '0');
        int day = (c[at + 8] - '0') * 10 + (c[at + 9] - '0');
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    private static boolean twoDigits(char[] c, int at, int max) {
        char a = c[at];
        char b = c[at + 1];
        return isDigit(a) && isDigit(b) && (a - '0') * 10 + (b - '0') <= max;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
