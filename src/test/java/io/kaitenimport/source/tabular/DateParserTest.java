package io.kaitenimport.source.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kaitenimport.source.tabular.DateParser.DayOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateParser DAY_FIRST = new DateParser(DayOrder.DAY_FIRST, MOSCOW);
    private static final DateParser MONTH_FIRST = new DateParser(DayOrder.MONTH_FIRST, MOSCOW);
    private static final DateParser DEFAULTED = new DateParser(DayOrder.UNKNOWN, MOSCOW);
    private static final DateParser WITH_EPOCH = new DateParser(DayOrder.DAY_FIRST, MOSCOW, true);

    private static ParsedDate pd(int y, int m, int d) {
        return new ParsedDate(LocalDate.of(y, m, d), null, null);
    }

    private static ParsedDate pd(int y, int m, int d, int h, int min) {
        return new ParsedDate(LocalDate.of(y, m, d), LocalTime.of(h, min), null);
    }

    private static ParsedDate pd(int y, int m, int d, LocalTime t, ZoneOffset o) {
        return new ParsedDate(LocalDate.of(y, m, d), t, o);
    }

    static Stream<Arguments> dayFirstFormats() {
        ZoneOffset plus3 = ZoneOffset.ofHours(3);
        return Stream.of(
                // ISO
                Arguments.of("2024-05-29", pd(2024, 5, 29)),
                Arguments.of("2024-05-29T16:00", pd(2024, 5, 29, 16, 0)),
                Arguments.of("2024-05-29 16:00", pd(2024, 5, 29, 16, 0)),
                Arguments.of("2024-05-29T16:00:07", pd(2024, 5, 29, LocalTime.of(16, 0, 7), null)),
                Arguments.of("2024-05-29T16:00:07.250", pd(2024, 5, 29, LocalTime.of(16, 0, 7, 250_000_000), null)),
                Arguments.of("2024-05-29T16:00:00Z", pd(2024, 5, 29, LocalTime.of(16, 0), ZoneOffset.UTC)),
                Arguments.of("2024-05-29T16:00:00.000+03:00", pd(2024, 5, 29, LocalTime.of(16, 0), plus3)),
                Arguments.of("2022-10-09T15:09:48+0000", pd(2022, 10, 9, LocalTime.of(15, 9, 48), ZoneOffset.UTC)),
                Arguments.of("2024-05-29 16:00 -05", pd(2024, 5, 29, LocalTime.of(16, 0), ZoneOffset.ofHours(-5))),
                Arguments.of("2025-11-25+0000", pd(2025, 11, 25, null, ZoneOffset.UTC)),
                Arguments.of("2024/05/29", pd(2024, 5, 29)),
                Arguments.of("  2024-05-29\u00A0 ", pd(2024, 5, 29)),
                // dd.MM.yyyy
                Arguments.of("29.05.2024", pd(2024, 5, 29)),
                Arguments.of("29.05.24", pd(2024, 5, 29)),
                Arguments.of("1.2.99", pd(1999, 2, 1)),
                Arguments.of("29.05.2024 16:00", pd(2024, 5, 29, 16, 0)),
                Arguments.of("29.05.2024, 16:00:05", pd(2024, 5, 29, LocalTime.of(16, 0, 5), null)),
                Arguments.of("29.05.2024 9:05", pd(2024, 5, 29, 9, 5)),
                // slashes and dashes
                Arguments.of("29/05/2024", pd(2024, 5, 29)),
                Arguments.of("29-05-2024", pd(2024, 5, 29)),
                Arguments.of("03/04/2024", pd(2024, 4, 3)),
                Arguments.of("29/05/2024 4:00 PM", pd(2024, 5, 29, 16, 0)),
                // month names
                Arguments.of("4 Dec 2023 12:39", pd(2023, 12, 4, 12, 39)),
                Arguments.of("4 December 2023", pd(2023, 12, 4)),
                Arguments.of("04-Dec-2023", pd(2023, 12, 4)),
                Arguments.of("Dec 4, 2023", pd(2023, 12, 4)),
                Arguments.of("December 4 2023", pd(2023, 12, 4)),
                Arguments.of("Sept 4th, 2023, 10:15 AM", pd(2023, 9, 4, 10, 15)),
                Arguments.of("12/Jan/24 10:15 AM", pd(2024, 1, 12, 10, 15)),
                Arguments.of("15/Feb/26 4:37 PM", pd(2026, 2, 15, 16, 37)),
                Arguments.of("17/Sep/25 12:25 AM", pd(2025, 9, 17, 0, 25)),
                Arguments.of("17/Sep/25 12:25 PM", pd(2025, 9, 17, 12, 25)),
                Arguments.of("4 декабря 2023", pd(2023, 12, 4)),
                Arguments.of("4 Декабря 2023 г.", pd(2023, 12, 4)),
                Arguments.of("4 дек. 2023 г., 12:39", pd(2023, 12, 4, 12, 39)),
                Arguments.of("1 мая 2024 в 9:00", pd(2024, 5, 1, 9, 0)),
                Arguments.of("2 февр. 2024", pd(2024, 2, 2)),
                // 12-hour clock spellings
                Arguments.of("2024-05-29 4:00pm", pd(2024, 5, 29, 16, 0)),
                Arguments.of("2024-05-29 4:00 p.m.", pd(2024, 5, 29, 16, 0)),
                Arguments.of("2024-05-29 12:00 AM", pd(2024, 5, 29, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dayFirstFormats")
    void parsesEachFormat(String input, ParsedDate expected) {
        assertEquals(Optional.of(expected), DAY_FIRST.parse(input));
    }

    @Test
    void monthFirstOrder() {
        assertEquals(Optional.of(pd(2024, 3, 4)), MONTH_FIRST.parse("03/04/2024"));
        assertEquals(Optional.of(pd(2024, 5, 29, 16, 0)), MONTH_FIRST.parse("05/29/2024 4:00 PM"));
        assertEquals(Optional.of(pd(2024, 5, 29)), MONTH_FIRST.parse("05-29-24"));
        // Month names and ISO do not depend on the order.
        assertEquals(Optional.of(pd(2024, 1, 12, 10, 15)), MONTH_FIRST.parse("12/Jan/24 10:15 AM"));
        assertEquals(Optional.of(pd(2024, 3, 4)), MONTH_FIRST.parse("2024-03-04"));
    }

    @Test
    void unknownOrderReadsDayFirstAndSaysSo() {
        assertEquals(Optional.of(pd(2024, 4, 3)), DEFAULTED.parse("03/04/2024"));
        assertTrue(DEFAULTED.dayOrderDefaulted());
        assertFalse(DAY_FIRST.dayOrderDefaulted());
        assertEquals(DayOrder.UNKNOWN, DEFAULTED.dayOrder());
    }

    @Test
    void decideDayOrder() {
        assertEquals(DayOrder.DAY_FIRST, DateParser.decide(List.of("03/04/2024", "29/05/2024")));
        assertEquals(DayOrder.MONTH_FIRST, DateParser.decide(List.of("03/04/2024", "05/29/2024 4:00 PM")));
        assertEquals(DayOrder.DAY_FIRST, DateParser.decide(List.of("13.01.24", "")));
        assertEquals(DayOrder.UNKNOWN, DateParser.decide(List.of("29/05/2024", "05/29/2024")));
        assertEquals(DayOrder.UNKNOWN, DateParser.decide(List.of("03/04/2024", "01-02-2024")));
        assertEquals(DayOrder.UNKNOWN, DateParser.decide(List.of()));
        // ISO, month names, impossible pairs and non-dates prove nothing.
        assertEquals(DayOrder.UNKNOWN, DateParser.decide(
                Arrays.asList("2024-05-29", "12/Jan/24 10:15 AM", "31/31/2024", "13/05", "version 13.05.2024", null)));
    }

    @Test
    void invalidCalendarDates() {
        assertEquals(Optional.empty(), DAY_FIRST.parse("31.02.2024"));
        assertEquals("'31.02.2024' is not a valid date", DAY_FIRST.describeFailure("31.02.2024"));
        assertEquals("'29.02.2023' is not a valid date", DAY_FIRST.describeFailure("29.02.2023"));
        assertEquals(Optional.of(pd(2024, 2, 29)), DAY_FIRST.parse("29.02.2024"));
        assertEquals("'2024-04-31' is not a valid date", DAY_FIRST.describeFailure("2024-04-31"));
        assertEquals("'30 Feb 2024' is not a valid date", DAY_FIRST.describeFailure("30 Feb 2024"));
        assertEquals("'00.05.2024' is not a valid date", DAY_FIRST.describeFailure("00.05.2024"));
        assertEquals("'05/29/2024' is not a valid date; as month/day/year it would be valid, so the column may be"
                + " month-first", DAY_FIRST.describeFailure("05/29/2024"));
        assertEquals("'29/05/2024' is not a valid date; as day/month/year it would be valid, so the column may be"
                + " day-first", MONTH_FIRST.describeFailure("29/05/2024"));
    }

    @Test
    void invalidTimesAndOffsets() {
        assertEquals("'29.05.2024 24:00' is not a valid time of day", DAY_FIRST.describeFailure("29.05.2024 24:00"));
        assertEquals("'29.05.2024 16:60' is not a valid time of day", DAY_FIRST.describeFailure("29.05.2024 16:60"));
        assertEquals("'29.05.2024 13:00 PM' is not a valid time of day",
                DAY_FIRST.describeFailure("29.05.2024 13:00 PM"));
        assertEquals("'2024-05-29T16:00+19:00' has an invalid UTC offset '+19:00'",
                DAY_FIRST.describeFailure("2024-05-29T16:00+19:00"));
    }

    @Test
    void unrecognisedAndBlank() {
        assertEquals(Optional.empty(), DAY_FIRST.parse(null));
        assertEquals(Optional.empty(), DAY_FIRST.parse("   "));
        assertEquals("empty date value", DAY_FIRST.describeFailure(""));
        assertEquals("unrecognised date format 'tomorrow'; expected e.g. 2024-05-29 or 29.05.2024",
                DAY_FIRST.describeFailure("tomorrow"));
        assertEquals("unrecognised date format '29.05.2024 at noon'; expected e.g. 2024-05-29 or 29.05.2024",
                DAY_FIRST.describeFailure("29.05.2024 at noon"));
        assertEquals("unrecognised date format '2024-05-291'; expected e.g. 2024-05-29 or 29.05.2024",
                DAY_FIRST.describeFailure("2024-05-291"));
        assertEquals("'4 Decembr 2023' has an unknown month name 'Decembr'",
                DAY_FIRST.describeFailure("4 Decembr 2023"));
        assertEquals("unrecognised date format '" + "x".repeat(60) + "…'; expected e.g. 2024-05-29 or 29.05.2024",
                DAY_FIRST.describeFailure("x".repeat(200)));
        assertThrows(IllegalArgumentException.class, () -> DAY_FIRST.describeFailure("29.05.2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"45441", "1.5", "2024", "29.05", "May 2024", "--", "12345678901", "12345678901234"})
    void nonDatesAreEmpty(String input) {
        assertEquals(Optional.empty(), WITH_EPOCH.parse(input));
    }

    @Test
    void epochMillisOnlyWhenEnabled() {
        assertEquals(Optional.of(pd(2024, 5, 29, LocalTime.of(13, 0, 0, 123_000_000), ZoneOffset.UTC)),
                WITH_EPOCH.parse("1716987600123"));
        assertEquals(Optional.of(pd(2001, 9, 9, LocalTime.of(1, 46, 39, 999_000_000), ZoneOffset.UTC)),
                WITH_EPOCH.parse("999999999999"));
        assertEquals(Optional.empty(), DAY_FIRST.parse("1716987600123"));
        assertEquals("unrecognised date format '1716987600123'; epoch milliseconds are not enabled",
                DAY_FIRST.describeFailure("1716987600123"));
    }

    @Test
    void isoRendering() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2024-05-29T16:00:00.000Z", DAY_FIRST.parse("2024-05-29T16:00Z").get().toIsoUtc(berlin));
        assertEquals("2024-05-29T13:00:00.000Z", DAY_FIRST.parse("2024-05-29T16:00+03:00").get().toIsoUtc(berlin));
        assertEquals("2024-05-29T14:00:00.000Z", DAY_FIRST.parse("29.05.2024 16:00").get().toIsoUtc(berlin));
        assertEquals("2024-05-29T13:00:00.000Z", DAY_FIRST.parseToIsoUtc("29.05.2024 16:00").get());
        assertEquals("2024-05-28T21:00:00.000Z", DAY_FIRST.parseToIsoUtc("29.05.2024").get());
        assertEquals("2024-05-29T16:00:07.123Z",
                DAY_FIRST.parse("2024-05-29T16:00:07.123999Z").get().toIsoUtc(berlin));
        assertEquals("2025-11-25T00:00:00.000Z", DAY_FIRST.parse("2025-11-25+0000").get().toIsoUtc(berlin));
        ParsedDate withTime = DAY_FIRST.parse("29.05.2024 16:00").get();
        assertEquals("2024-05-29", withTime.toIsoDate());
        assertTrue(withTime.timePresent());
        assertFalse(DAY_FIRST.parse("29.05.2024").get().timePresent());
    }

    /** A way to write a date and what the parser keeps of it. */
    private record Format(String pattern, Locale locale, DateParser parser, ChronoUnit precision, boolean offset) {
    }

    private static List<Format> formats() {
        Locale en = Locale.ENGLISH;
        Locale ru = new Locale("ru");
        List<Format> f = new ArrayList<>();
        f.add(new Format("uuuu-MM-dd", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("uuuu-MM-dd'T'HH:mm", en, DEFAULTED, ChronoUnit.MINUTES, false));
        f.add(new Format("uuuu-MM-dd HH:mm:ss", en, DEFAULTED, ChronoUnit.SECONDS, false));
        f.add(new Format("uuuu-MM-dd'T'HH:mm:ss.SSS", en, DEFAULTED, ChronoUnit.MILLIS, false));
        f.add(new Format("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", en, DEFAULTED, ChronoUnit.MILLIS, true));
        f.add(new Format("uuuu-MM-dd'T'HH:mm:ssxx", en, DEFAULTED, ChronoUnit.SECONDS, true));
        f.add(new Format("dd.MM.uuuu", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("d.M.uuuu", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("dd.MM.yy", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("dd.MM.uuuu HH:mm", en, DEFAULTED, ChronoUnit.MINUTES, false));
        f.add(new Format("dd.MM.uuuu H:mm:ss", en, DEFAULTED, ChronoUnit.SECONDS, false));
        f.add(new Format("dd/MM/uuuu", en, DAY_FIRST, ChronoUnit.DAYS, false));
        f.add(new Format("dd-MM-uuuu HH:mm", en, DAY_FIRST, ChronoUnit.MINUTES, false));
        f.add(new Format("MM/dd/uuuu", en, MONTH_FIRST, ChronoUnit.DAYS, false));
        f.add(new Format("M/d/yy h:mm a", en, MONTH_FIRST, ChronoUnit.MINUTES, false));
        f.add(new Format("MM-dd-uuuu hh:mm:ss a", en, MONTH_FIRST, ChronoUnit.SECONDS, false));
        f.add(new Format("d MMM uuuu HH:mm", en, DEFAULTED, ChronoUnit.MINUTES, false));
        f.add(new Format("d MMMM uuuu", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("dd-MMM-uuuu", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("MMM d, uuuu", en, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("MMMM d, uuuu, h:mm a", en, DEFAULTED, ChronoUnit.MINUTES, false));
        f.add(new Format("dd/MMM/yy h:mm a", en, DEFAULTED, ChronoUnit.MINUTES, false));
        f.add(new Format("d MMMM uuuu", ru, DEFAULTED, ChronoUnit.DAYS, false));
        f.add(new Format("d MMMM uuuu 'г.' HH:mm", ru, DEFAULTED, ChronoUnit.MINUTES, false));
        f.add(new Format("d MMM uuuu", ru, DEFAULTED, ChronoUnit.DAYS, false));
        return f;
    }

    @Test
    void randomDatesRoundTripThroughEveryFormat() {
        Random random = new Random(20240529L);
        List<Format> formats = formats();
        ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHours(3), ZoneOffset.ofHoursMinutes(-5, -30)};
        LocalDate first = LocalDate.of(1970, 1, 1);
        long days = ChronoUnit.DAYS.between(first, LocalDate.of(2070, 1, 1));
        int checked = 0;
        for (int i = 0; i < 1000; i++) {
            LocalDateTime value = first.plusDays(random.nextInt((int) days))
                    .atTime(LocalTime.ofNanoOfDay((long) random.nextInt(86_400_000) * 1_000_000));
            ZoneOffset offset = offsets[random.nextInt(offsets.length)];
            for (Format format : formats) {
                String text = DateTimeFormatter.ofPattern(format.pattern(), format.locale())
                        .format(OffsetDateTime.of(value, offset));
                LocalDateTime kept = value.truncatedTo(format.precision());
                ParsedDate expected = new ParsedDate(kept.toLocalDate(),
                        format.precision() == ChronoUnit.DAYS ? null : kept.toLocalTime(),
                        format.offset() ? offset : null);
                assertEquals(Optional.of(expected), format.parser().parse(text), () -> format.pattern() + ": " + text);
                checked++;
            }
            long millis = value.toInstant(ZoneOffset.UTC).toEpochMilli();
            if (millis >= 100_000_000_000L) {
                assertEquals(Optional.of(new ParsedDate(value.toLocalDate(), value.toLocalTime(), ZoneOffset.UTC)),
                        WITH_EPOCH.parse(Long.toString(millis)), () -> "epoch " + millis);
            }
        }
        assertEquals(1000 * formats.size(), checked);
    }
}
