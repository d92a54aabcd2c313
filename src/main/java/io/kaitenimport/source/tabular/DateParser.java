package io.kaitenimport.source.tabular;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date and date-time strings found in spreadsheet and CSV exports. Instances are immutable;
 * {@link #parse} never throws.
 *
 * <p>Accepted shapes (time and offset optional unless noted):
 * <ul>
 *   <li>ISO-like: {@code 2024-05-29}, {@code 2024-05-29T16:00}, {@code 2024-05-29 16:00:00.123+03:00},
 *       {@code 2022-10-09T15:09:48+0000}, {@code …Z}; also {@code 2024/05/29} and {@code 2024.05.29};</li>
 *   <li>numeric day/month/year with {@code .}, {@code /} or {@code -} and a 4- or 2-digit year:
 *       {@code 29.05.2024}, {@code 29.05.24 16:00}, {@code 05/29/2024 4:00 PM} — the order of day and month
 *       comes from the {@link DayOrder} the parser was built with;</li>
 *   <li>day, month name, year: {@code 4 Dec 2023 12:39}, {@code 04-Dec-2023}, {@code 12/Jan/24 10:15 AM}
 *       (Jira), {@code 4 декабря 2023 г.}, {@code 4 дек. 2023};</li>
 *   <li>month name, day, year: {@code Dec 4, 2023}, {@code December 4, 2023, 10:15 AM};</li>
 *   <li>epoch milliseconds of 12–13 digits, only when enabled.</li>
 * </ul>
 * Times are {@code H:mm[:ss[.fraction]]}, 24-hour or with AM/PM; offsets are {@code Z}, {@code UTC},
 * {@code GMT}, {@code ±HH}, {@code ±HHmm}, {@code ±HH:mm}. Two-digit years 00–69 mean 2000–2069 and 70–99 mean
 * 1970–1999. Calendar dates are validated strictly: {@code 31.02.2024} is rejected, not rolled over.
 */
public final class DateParser {

    /** Order of day and month in all-numeric dates such as {@code 03/04/2024}. */
    public enum DayOrder { DAY_FIRST, MONTH_FIRST, UNKNOWN }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String TIME =
            "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?:\\s*([ap])\\.?\\s?m\\.?)?";
    private static final String ZONE = "(z|utc|gmt|(?:utc|gmt)?[+-]\\d{2}(?::?\\d{2})?)";

    /** What may follow the date: a separator, the time, an optional offset. */
    private static final Pattern TIME_PART =
            Pattern.compile("(?:t|\\s*,\\s*|\\s+)(?:(?:at|в)\\s+)?" + TIME + "(?:\\s*" + ZONE + ")?", FLAGS);
    /** ISO allows an offset on a bare date ({@code 2025-11-25+0000}). */
    private static final Pattern ZONE_PART = Pattern.compile("\\s*" + ZONE, FLAGS);

    private static final Pattern ISO = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})", FLAGS);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})", FLAGS);
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(\\d{1,2})\\.?(?:\\s+|\\s*[-/]\\s*)(\\p{L}+)\\.?(?:\\s+|\\s*[-/]\\s*|,\\s*)(\\d{4}|\\d{2})"
                    + "(?:\\s*г(?:ода?)?\\.?)?", FLAGS);
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(\\d{4})", FLAGS);
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,13}");

    /** Leading d/m/y numbers used to decide the day order; the year keeps ISO dates out. */
    private static final Pattern NUMERIC_LEAD =
            Pattern.compile("\\s*(\\d{1,2})([-/.])(\\d{1,2})\\2(?:\\d{4}|\\d{2})(?!\\d).*", Pattern.DOTALL);

    private static final Map<String, Integer> MONTHS = months();

    private static final int MAX_QUOTED = 60;

    private final DayOrder dayOrder;
    private final ZoneId defaultZone;
    private final boolean epochMillis;

    /** A parser that does not accept epoch milliseconds. */
    public DateParser(DayOrder dayOrder, ZoneId defaultZone) {
        this(dayOrder, defaultZone, false);
    }

    /**
     * @param dayOrder    order for all-numeric dates; {@link DayOrder#UNKNOWN} reads them day-first (the
     *                    European default) and the caller should report that this was a default
     * @param defaultZone zone for values without an offset
     * @param epochMillis whether 12–13 digit numbers are read as milliseconds since 1970 (UTC)
     */
    public DateParser(DayOrder dayOrder, ZoneId defaultZone, boolean epochMillis) {
        this.dayOrder = Objects.requireNonNull(dayOrder, "dayOrder");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
        this.epochMillis = epochMillis;
    }

    public DayOrder dayOrder() {
        return dayOrder;
    }

    /** True when numeric dates are read day-first only because the order was {@link DayOrder#UNKNOWN}. */
    public boolean dayOrderDefaulted() {
        return dayOrder == DayOrder.UNKNOWN;
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /**
     * Decides the day order of a column from its values: a first number above 12 proves day-first, a second
     * number above 12 proves month-first. Proof of both (a conflict) or of neither gives {@link DayOrder#UNKNOWN}.
     */
    public static DayOrder decide(Iterable<String> samples) {
        boolean dayFirst = false;
        boolean monthFirst = false;
        for (String sample : samples) {
            if (sample == null) {
                continue;
            }
            Matcher m = NUMERIC_LEAD.matcher(sample);
            if (!m.matches()) {
                continue;
            }
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            if (first > 12 && first <= 31 && second >= 1 && second <= 12) {
                dayFirst = true;
            } else if (second > 12 && second <= 31 && first >= 1 && first <= 12) {
                monthFirst = true;
            }
        }
        if (dayFirst == monthFirst) {
            return DayOrder.UNKNOWN;
        }
        return dayFirst ? DayOrder.DAY_FIRST : DayOrder.MONTH_FIRST;
    }

    /** The parsed value; empty for blank or unparseable input. Never throws. */
    public Optional<ParsedDate> parse(String value) {
        return Optional.ofNullable(analyse(value).parsed());
    }

    /** Parses and renders with {@link ParsedDate#toIsoUtc} in this parser's default zone. */
    public Optional<String> parseToIsoUtc(String value) {
        return parse(value).map(d -> d.toIsoUtc(defaultZone));
    }

    /**
     * A sentence saying why {@code value} does not parse, for an error message.
     *
     * @throws IllegalArgumentException if the value does parse
     */
    public String describeFailure(String value) {
        Outcome outcome = analyse(value);
        if (outcome.parsed() != null) {
            throw new IllegalArgumentException("'" + value + "' is a valid date");
        }
        return outcome.failure();
    }

    /** Exactly one of the fields is non-null. */
    private record Outcome(ParsedDate parsed, String failure) {
        static Outcome ok(ParsedDate parsed) {
            return new Outcome(parsed, null);
        }

        static Outcome fail(String failure) {
            return new Outcome(null, failure);
        }
    }

    /** Thrown only inside this class to carry a specific failure out of nested parsing steps. */
    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private Outcome analyse(String value) {
        if (value == null || value.isBlank()) {
            return Outcome.fail("empty date value");
        }
        ParsedDate iso = strictIso(value);
        if (iso != null) {
            return Outcome.ok(iso);
        }
        String s = normalise(value);
        String quoted = quote(s);
        try {
            if (EPOCH_MILLIS.matcher(s).matches()) {
                if (!epochMillis) {
                    return Outcome.fail("unrecognised date format " + quoted
                            + "; epoch milliseconds are not enabled");
                }
                LocalDateTime utc = LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(s)), ZoneOffset.UTC);
                return Outcome.ok(new ParsedDate(utc.toLocalDate(), utc.toLocalTime(), ZoneOffset.UTC));
            }
            Matcher m = ISO.matcher(s);
            if (m.lookingAt()) {
                String rest = s.substring(m.end());
                Matcher zoneOnly = ZONE_PART.matcher(rest);
                if (!rest.isEmpty() && zoneOnly.matches()) {
                    LocalDate date = date(quoted, num(m, 1), num(m, 3), num(m, 4), null);
                    return Outcome.ok(new ParsedDate(date, null, offset(quoted, zoneOnly.group(1))));
                }
                Optional<ParsedDate> parsed = withTime(quoted, rest, num(m, 1), num(m, 3), num(m, 4), null);
                if (parsed.isPresent()) {
                    return Outcome.ok(parsed.get());
                }
            }
            m = NUMERIC.matcher(s);
            if (m.lookingAt()) {
                boolean monthFirst = dayOrder == DayOrder.MONTH_FIRST;
                int a = num(m, 1);
                int b = num(m, 3);
                int year = year(m.group(4));
                String swapHint = monthFirst
                        ? "; as day/month/year it would be valid, so the column may be day-first"
                        : "; as month/day/year it would be valid, so the column may be month-first";
                Optional<ParsedDate> parsed = monthFirst
                        ? withTime(quoted, s.substring(m.end()), year, a, b, isValid(year, b, a) ? swapHint : null)
                        : withTime(quoted, s.substring(m.end()), year, b, a, isValid(year, a, b) ? swapHint : null);
                if (parsed.isPresent()) {
                    return Outcome.ok(parsed.get());
                }
            }
            m = DAY_MONTH_NAME.matcher(s);
            if (m.lookingAt()) {
                String rest = s.substring(m.end());
                if (rest.isEmpty() || TIME_PART.matcher(rest).matches()) {
                    int month = month(quoted, m.group(2));
                    Optional<ParsedDate> parsed = withTime(quoted, rest, year(m.group(3)), month, num(m, 1), null);
                    if (parsed.isPresent()) {
                        return Outcome.ok(parsed.get());
                    }
                }
            }
            m = MONTH_NAME_DAY.matcher(s);
            if (m.lookingAt()) {
                String rest = s.substring(m.end());
                if (rest.isEmpty() || TIME_PART.matcher(rest).matches()) {
                    int month = month(quoted, m.group(1));
                    Optional<ParsedDate> parsed = withTime(quoted, rest, num(m, 3), month, num(m, 2), null);
                    if (parsed.isPresent()) {
                        return Outcome.ok(parsed.get());
                    }
                }
            }
        } catch (Invalid e) {
            return Outcome.fail(e.getMessage());
        }
        return Outcome.fail("unrecognised date format " + quoted + "; expected e.g. 2024-05-29 or 29.05.2024");
    }

    /**
     * The shapes nearly every export writes — {@code 2024-05-29}, {@code 2024-05-29T16:00[:00][Z]} (or a space for
     * the T) — read without regular expressions, giving what the general path gives; null for anything else
     * (including invalid dates and times, whose messages the general path words).
     */
    private static ParsedDate strictIso(String s) {
        int n = s.length();
        if (n != 10 && n != 16 && n != 17 && n != 19 && n != 20) {
            return null;
        }
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (n == 10) {
            return new ParsedDate(date, null, null);
        }
        boolean utc = s.charAt(n - 1) == 'Z' || s.charAt(n - 1) == 'z';
        int timeEnd = utc ? n - 1 : n;
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ' || timeEnd != 16 && timeEnd != 19) {
            return null;
        }
        if (!digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)) {
            return null;
        }
        int second = 0;
        if (timeEnd == 19) {
            if (s.charAt(16) != ':' || !digits(s, 17, 19)) {
                return null;
            }
            second = number(s, 17, 19);
        }
        int hour = number(s, 11, 13);
        int minute = number(s, 14, 16);
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return new ParsedDate(date, LocalTime.of(hour, minute, second), utc ? ZoneOffset.UTC : null);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + s.charAt(i) - '0';
        }
        return v;
    }

    /**
     * Builds the value when {@code rest} is empty or a valid time part; empty when {@code rest} is something
     * else, so the caller can report an unrecognised format.
     */
    private static Optional<ParsedDate> withTime(String quoted, String rest, int year, int month, int day,
                                                 String dateHint) throws Invalid {
        if (rest.isEmpty()) {
            return Optional.of(new ParsedDate(date(quoted, year, month, day, dateHint), null, null));
        }
        Matcher t = TIME_PART.matcher(rest);
        if (!t.matches()) {
            return Optional.empty();
        }
        LocalDate date = date(quoted, year, month, day, dateHint);
        int hour = num(t, 1);
        int minute = num(t, 2);
        int second = t.group(3) == null ? 0 : num(t, 3);
        int nanos = t.group(4) == null ? 0 : Integer.parseInt((t.group(4) + "00000000").substring(0, 9));
        String meridiem = t.group(5);
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                throw new Invalid(quoted + " is not a valid time of day");
            }
            boolean pm = meridiem.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalTime time;
        try {
            time = LocalTime.of(hour, minute, second, nanos);
        } catch (DateTimeException e) {
            throw new Invalid(quoted + " is not a valid time of day");
        }
        ZoneOffset offset = t.group(6) == null ? null : offset(quoted, t.group(6));
        return Optional.of(new ParsedDate(date, time, offset));
    }

    private static LocalDate date(String quoted, int year, int month, int day, String hint) throws Invalid {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Invalid(quoted + " is not a valid date" + (hint == null ? "" : hint));
        }
    }

    private static boolean isValid(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static ZoneOffset offset(String quoted, String zone) throws Invalid {
        String z = zone.toUpperCase(Locale.ROOT);
        if (z.startsWith("UTC") || z.startsWith("GMT")) {
            z = z.substring(3);
        }
        if (z.isEmpty() || z.equals("Z")) {
            return ZoneOffset.UTC;
        }
        int sign = z.charAt(0) == '-' ? -1 : 1;
        String digits = z.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            throw new Invalid(quoted + " has an invalid UTC offset '" + zone + "'");
        }
    }

    private static int month(String quoted, String name) throws Invalid {
        Integer month = MONTHS.get(name.toLowerCase(Locale.ROOT));
        if (month == null) {
            throw new Invalid(quoted + " has an unknown month name '" + name + "'");
        }
        return month;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (digits.length() > 2) {
            return y;
        }
        return y < 70 ? 2000 + y : 1900 + y;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** Trims and turns no-break spaces (Excel, CLDR's narrow one before AM/PM) and runs of spaces into one. */
    private static String normalise(String value) {
        return value.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ')
                .trim().replaceAll("\\s+", " ");
    }

    private static String quote(String s) {
        return "'" + (s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s) + "'";
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"jan", "january", "янв", "январь", "января"},
            {"feb", "february", "фев", "февр", "февраль", "февраля"},
            {"mar", "march", "мар", "март", "марта"},
            {"apr", "april", "апр", "апрель", "апреля"},
            {"may", "май", "мая"},
            {"jun", "june", "июн", "июнь", "июня"},
            {"jul", "july", "июл", "июль", "июля"},
            {"aug", "august", "авг", "август", "августа"},
            {"sep", "sept", "september", "сен", "сент", "сентябрь", "сентября"},
            {"oct", "october", "окт", "октябрь", "октября"},
            {"nov", "november", "ноя", "нояб", "ноябрь", "ноября"},
            {"dec", "december", "дек", "декабрь", "декабря"},
        };
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                map.put(name, i + 1);
            }
        }
        return Map.copyOf(map);
    }
}
