package io.kaitenimport.report;

import java.util.Locale;

/** Numbers as people read them: thousands separators and a plural that fits. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 5525} → {@code 5,525}. */
    public static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code count(3, "error")} → {@code 3 errors}; {@code count(1, "person", "people")} → {@code 1 person}. */
    public static String count(long value, String one) {
        return count(value, one, one.endsWith("y") && !one.endsWith("ey") ? one.substring(0, one.length() - 1) + "ies"
                : one + "s");
    }

    public static String count(long value, String one, String many) {
        return n(value) + " " + (value == 1 ? one : many);
    }
}
