package io.kaitenimport.validate.schema;

import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick date and date-time test may only say "valid" where networknt does: compared on every corner of the
 * calendar and clock and on generated near-misses, as a String and inside a larger buffer. It must also catch the
 * common shapes, or it is no use.
 */
class FormatCheckTest {
    private static final String[] YEARS = {"0000", "0001", "0999", "1000", "1582", "1900", "1999", "2000", "2023",
        "2024", "2100", "2400", "9999", "20245", "202", "2O24"};
    private static final String[] ZONES = {"Z", "z", "+00:00", "-00:00", "+23:59", "-23:59", "+24:00", "+05:60",
        "+0500", "+05", "05:00", " Z", "ZZ", "", "+5:00", "\u221205:00"};
    private static final String[] FRACTIONS = {"", ".", ".1", ".12", ".954", ".123456", ".123456789",
        ".1234567890", ".12a", ",5"};

    @Test
    void quickVerdictsAreNetworkntsOnEveryCorner() {
        Format date = format("date");
        Format dateTime = format("date-time");
        int quickDates = 0;
        int quickTimes = 0;
        int compared = 0;
        Random r = new Random(3);
        String[] times = {"00:00:00", "23:59:59", "24:00:00", "23:60:00", "23:59:60", "12:30:45", "07:05:09"};
        for (String y : YEARS) {
            for (int m = 0; m <= 13; m++) {
                for (int d = 0; d <= 32; d++) {
                    String day = y + "-" + two(m) + "-" + two(d);
                    quickDates += check(date, day);
                    compared++;
                    // every time, fraction and zone is met with every day, in a sample of their combinations
                    for (int k = 0; k < 6; k++) {
                        quickTimes += check(dateTime, day + "T" + times[r.nextInt(times.length)]
                                + FRACTIONS[r.nextInt(FRACTIONS.length)] + ZONES[r.nextInt(ZONES.length)]);
                        compared++;
                    }
                    quickTimes += check(dateTime, day + "t12:30:45Z") + check(dateTime, day + " 12:30:45Z");
                }
            }
        }
        for (String z : new String[] {"+", "-"}) {
            for (String hh : new String[] {"00", "01", "12", "14", "17", "18", "19", "23", "24"}) {
                for (String mm : new String[] {"00", "30", "59", "60"}) {
                    quickTimes += check(dateTime, "2024-02-29T12:00:00" + z.charAt(0) + hh + ":" + mm);
                }
            }
        }
        String alphabet = "0123456789-:T.Z+z ";
        String base = "2024-02-29T23:59:59.999+05:30";
        for (int i = 0; i < 60_000; i++) {
            StringBuilder b = new StringBuilder(base);
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int at = r.nextInt(b.length() + 1);
                switch (r.nextInt(3)) {
                    case 0 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < b.length()) {
                            b.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < b.length()) {
                            b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            quickTimes += check(dateTime, b.toString());
            quickDates += check(date, b.length() > 10 ? b.substring(0, 10) : b.toString());
            compared += 2;
        }
        assertTrue(compared > 150_000, "compared " + compared);
        assertTrue(quickDates > 3_000 && quickTimes > 5_000, quickDates + " dates, " + quickTimes + " date-times");
    }

    @Test
    void theCommonShapesTakeTheQuickPath() {
        assertTrue(FormatCheck.quickDate("2024-07-26"));
        assertTrue(FormatCheck.quickDate("2024-02-29"));
        assertTrue(FormatCheck.quickDateTime("2024-07-22T07:01:37.954Z"));
        assertTrue(FormatCheck.quickDateTime("2024-07-22T07:01:37Z"));
        assertTrue(FormatCheck.quickDateTime("2024-07-22T07:01:37.954+03:00"));
    }

    /** Asserts the quick test agrees with networknt where it answers; 1 when it answered. */
    private static int check(Format format, String s) {
        boolean quick = format.getName().equals("date") ? FormatCheck.quickDate(s) : FormatCheck.quickDateTime(s);
        boolean reference = format.matches(null, s);
        if (quick) {
            assertTrue(reference, format.getName() + " '" + s + "': quick says valid, networknt does not");
        }
        assertEquals(reference, new FormatCheck(format).matches(s), s);
        // The same text in the middle of a parser-like buffer, between characters that would continue it: the
        // buffer test reads only its own range.
        for (String around : new String[] {"0", "Z", ":00", "+05:30"}) {
            char[] buffer = (around + s + around).toCharArray();
            assertEquals(quick, new FormatCheck(format).quick(buffer, around.length(), s.length()),
                    "'" + s + "' between '" + around + "'");
        }
        return quick ? 1 : 0;
    }

    private static Format format(String name) {
        return Formats.DEFAULT.stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
