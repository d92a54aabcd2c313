package io.kaitenimport.attach;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The download limits of a run, parsed from the command line ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 10M}). */
public record Limits(int retries, Duration connectTimeout, Duration readTimeout, long maxSize, Duration maxWait) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]i?b?|b)?");

    public Downloader.Settings settings() {
        return new Downloader.Settings(retries, connectTimeout, readTimeout, maxSize, maxWait);
    }

    public static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SourceException(Location.NONE, option + " expects a time like 500ms, 30s or 2m, not '" + text
                    + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new SourceException(Location.NONE, option + " must be more than zero");
        }
        return d;
    }

    public static long size(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SourceException(Location.NONE, option + " expects a size like 500000, 20M or 2G, not '" + text
                    + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
        return switch (unit) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }
}
