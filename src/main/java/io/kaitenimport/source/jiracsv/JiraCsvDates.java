package io.kaitenimport.source.jiracsv;

import io.kaitenimport.model.Dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira CSV dates without options: the Cloud default {@code dd/MMM/yy h:mm a} with month names of any common
 * locale ({@code 15/Feb/26 4:37 PM}, {@code 03/Mär/24 14:05}, {@code 12/мар/24}), numeric site formats
 * ({@code 3/31/2026 3:47 PM}, {@code 31.03.2026 15:47}), and ISO ({@code 2026-02-25 16:38:58.679}). Numeric
 * slash dates are ambiguous: the order is decided once per file from all its dates (see {@link Order}).
 */
final class JiraCsvDates {
    /** An optional time of day: {@code h:mm}, {@code h:mm:ss}, with an optional AM/PM marker. */
    private static final String TIME = "(?:[ ,T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?)?";
    private static final Pattern NAMED = Pattern.compile(
            "(\\d{1,2})[/\\-. ]([\\p{L}]{3,}\\.?)[/\\-. ](\\d{2}|\\d{4})" + TIME);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{2}|\\d{4})" + TIME);
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"
            + "(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[] tags = {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sv", "da", "no", "fi",
                "tr", "hu", "ro", "sk", "ja", "ko", "zh"};
        for (String tag : tags) {
            Locale l = Locale.forLanguageTag(tag);
            for (java.time.Month m : java.time.Month.values()) {
                for (TextStyle st : new TextStyle[]{TextStyle.SHORT, TextStyle.SHORT_STANDALONE, TextStyle.FULL,
                        TextStyle.FULL_STANDALONE}) {
                    MONTHS.putIfAbsent(norm(m.getDisplayName(st, l)), m.getValue());
                }
            }
        }
    }

    /** How ambiguous numeric dates ({@code 03/04/2024}) are read. */
    enum Order { DAY_FIRST, MONTH_FIRST }

    /** A parsed date: the local date-time, and whether the text had a time of day. */
    /** {@code offset}: the zone offset the text states (ISO {@code Z}, {@code +03:00}), else null. */
    record Parsed(LocalDateTime at, boolean hasTime, java.time.ZoneOffset offset) {
        Parsed(LocalDateTime at, boolean hasTime) {
            this(at, hasTime, null);
        }

        boolean midnight() {
            return at.toLocalTime().equals(LocalTime.MIDNIGHT);
        }
    }

    /** Pass-1 evidence for the order of numeric dates. */
    static final class Evidence {
        long dayFirst;
        long monthFirst;
        long ambiguous;
        long amPm;

        void see(String text) {
            Matcher m = NUMERIC.matcher(text.strip());
            if (!m.matches() || !m.group(2).equals("/")) {
                return;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            if (a > 12 && b <= 12) {
                dayFirst++;
            } else if (b > 12 && a <= 12) {
                monthFirst++;
            } else {
                ambiguous++;
            }
            if (m.group(8) != null) {
                amPm++;
            }
        }

        /** The order and the sentence the report gives for it; null when the file has no slash dates. */
        Order order() {
            if (dayFirst + monthFirst + ambiguous == 0) {
                return null;
            }
            if (dayFirst > 0 && monthFirst == 0) {
                return Order.DAY_FIRST;
            }
            if (monthFirst > 0 && dayFirst == 0) {
                return Order.MONTH_FIRST;
            }
            return amPm > 0 ? Order.MONTH_FIRST : Order.DAY_FIRST;
        }

        String rule() {
            Order o = order();
            if (o == null) {
                return null;
            }
            if (dayFirst > 0 && monthFirst > 0) {
                return "numeric dates contradict each other (" + dayFirst + " only day-first, " + monthFirst
                        + " only month-first); read as " + words(o) + " (" + (amPm > 0 ? "AM/PM times, US style"
                        : "no AM/PM times") + ")";
            }
            if (dayFirst > 0 || monthFirst > 0) {
                return "numeric dates read as " + words(o) + ": " + (dayFirst + monthFirst) + " date(s) have a "
                        + (o == Order.DAY_FIRST ? "first" : "second") + " number over 12";
            }
            return "numeric dates are all ambiguous (both numbers ≤ 12); read as " + words(o) + " because "
                    + (amPm > 0 ? "times use AM/PM (US style, month first)" : "times are 24-hour (day first)");
        }

        private static String words(Order o) {
            return o == Order.DAY_FIRST ? "day/month/year" : "month/day/year";
        }
    }

    private JiraCsvDates() {
    }

    /** Whether the text is a date in any form this class reads (used for type inference before the order is known). */
    static boolean looksLikeDate(String text) {
        return parse(text, Order.DAY_FIRST) != null || parse(text, Order.MONTH_FIRST) != null;
    }

    /** The date, or null when the text is not one. */
    static Parsed parse(String text, Order order) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        try {
            Matcher m = NAMED.matcher(s);
            if (m.matches()) {
                Integer month = MONTHS.get(norm(m.group(2)));
                if (month == null) {
                    return null;
                }
                return build(year(m.group(3)), month, Integer.parseInt(m.group(1)), m.group(4), m.group(5),
                        m.group(6), m.group(7));
            }
            m = NUMERIC.matcher(s);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(3));
                boolean dayFirst = m.group(2).equals(".") || order != Order.MONTH_FIRST;
                return build(year(m.group(4)), dayFirst ? b : a, dayFirst ? a : b, m.group(5), m.group(6), m.group(7),
                        m.group(8));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                Parsed p = build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), m.group(4), m.group(5), m.group(6), null);
                String offset = m.group(7);
                return offset == null ? p : new Parsed(p.at(), p.hasTime(), java.time.ZoneOffset.of(
                        offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static Parsed build(int year, int month, int day, String h, String min, String sec, String ampm) {
        LocalDate date = LocalDate.of(year, month, day);
        if (h == null) {
            return new Parsed(date.atStartOfDay(), false);
        }
        int hour = Integer.parseInt(h);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalTime t = LocalTime.of(hour, Integer.parseInt(min), sec == null ? 0 : Integer.parseInt(sec));
        return new Parsed(date.atTime(t), true);
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    /** ISO UTC instant text for a date-time read in {@code zone}. */
    static String iso(Parsed p, ZoneId zone) {
        return Dates.iso(p.offset() != null ? p.at().toInstant(p.offset()) : p.at().atZone(zone).toInstant());
    }

    private static String norm(String month) {
        return month.toLowerCase(Locale.ROOT).replace(".", "").strip();
    }
}
