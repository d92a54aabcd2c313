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
        if ((date && quickDate(s)) || (dateTime && quickDateTime(s))) {
            return true;
        }
        return format.matches(null, s);
    }

    /** {@code yyyy-mm-dd} with a year from 1000, a month 01–12 and a day that month has. */
    static boolean quickDate(String s) {
        return s.length() == 10 && dateAt(s);
    }

    /**
     * {@code yyyy-mm-ddThh:mm:ss}, an optional fraction of 1–9 digits, then {@code Z} or {@code +hh:mm} /
     * {@code -hh:mm} (offset hours 00–17, as java.time's offsets end at 18:00; not -00:00); hours 00–23, minutes
     * and seconds 00–59.
     */
    static boolean quickDateTime(String s) {
        int n = s.length();
        if (n < 20 || !dateAt(s) || s.charAt(10) != 'T' || !twoDigits(s, 11, 23) || s.charAt(13) != ':'
                || !twoDigits(s, 14, 59) || s.charAt(16) != ':' || !twoDigits(s, 17, 59)) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int digits = 0;
            for (i++; i < n && isDigit(s.charAt(i)); i++) {
                digits++;
            }
            if (digits < 1 || digits > 9) {
                return false;
            }
        }
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || !twoDigits(s, i + 1, 17)
                || s.charAt(i + 3) != ':' || !twoDigits(s, i + 4, 59)) {
            return false;
        }
        return !(s.charAt(i) == '-' && s.startsWith("00:00", i + 1));
    }

    private static boolean dateAt(String s) {
        if (!isDigit(s.charAt(0)) || s.charAt(0) == '0' || !isDigit(s.charAt(1)) || !isDigit(s.charAt(2))
                || !isDigit(s.charAt(3)) || s.charAt(4) != '-' || s.charAt(7) != '-'
                || !isDigit(s.charAt(5)) || !isDigit(s.charAt(6)) || !isDigit(s.charAt(8))
                || !isDigit(s.charAt(9))) {
            return false;
        }
        int year = (s.charAt(0) - '0') * 1000 + (s.charAt(1) - '0') * 100 + (s.charAt(2) - '0') * 10
                + (s.charAt(3) - '0');
        int month = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
        int day = (s.charAt(8) - '0') * 10 + (s.charAt(9) - '0');
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

    private static boolean twoDigits(String s, int at, int max) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return isDigit(a) && isDigit(b) && (a - '0') * 10 + (b - '0') <= max;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
