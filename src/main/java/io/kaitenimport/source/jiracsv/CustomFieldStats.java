package io.kaitenimport.source.jiracsv;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What pass 1 learns about one column of values (or a group of columns merged into one field): enough to infer a
 * type from all values without keeping rows — flags that stay true while every value fits, and the distinct
 * values up to a cap (select options, people check, mapping samples).
 */
public final class CustomFieldStats {
    public static final int MAX_DISTINCT = 1000;
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");

    long values;
    boolean number = true;
    boolean date = true;
    boolean midnight = true;
    boolean url = true;
    boolean multiline;
    int maxLength;
    boolean overflow;
    final Set<String> distinct = new LinkedHashSet<>();

    public void add(String v) {
        values++;
        number &= number(v) != null;
        JiraCsvDates.Parsed d = date ? (JiraCsvDates.looksLikeDate(v) ? JiraCsvDates.parse(v,
                JiraCsvDates.Order.DAY_FIRST) : null) : null;
        if (d == null) {
            date = false;
        } else {
            midnight &= !d.hasTime() || d.midnight();
        }
        url &= URL.matcher(v.strip()).matches();
        multiline |= v.indexOf('\n') >= 0;
        maxLength = Math.max(maxLength, v.length());
        if (!overflow) {
            distinct.add(v.strip());
            if (distinct.size() > MAX_DISTINCT) {
                overflow = true;
                distinct.clear();
            }
        }
    }

    void addAll(CustomFieldStats o) {
        values += o.values;
        number &= o.number;
        date &= o.date;
        midnight &= o.midnight;
        url &= o.url;
        multiline |= o.multiline;
        maxLength = Math.max(maxLength, o.maxLength);
        overflow |= o.overflow;
        if (!overflow) {
            distinct.addAll(o.distinct);
            if (distinct.size() > MAX_DISTINCT) {
                overflow = true;
                distinct.clear();
            }
        }
    }

    /** Jira writes numbers with a dot ({@code 4.0}, {@code 2105.0}); null when the text is not one. */
    static BigDecimal number(String v) {
        String s = v.strip();
        if (s.isEmpty() || !s.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** A custom-field type in the spreadsheet mapping's words, and why: for the {@code mapping} command. */
    public record Suggestion(String type, String why) {
    }

    public Suggestion suggest() {
        if (number) {
            return new Suggestion("number", "all values are numbers");
        }
        if (date) {
            return new Suggestion("date", "all values are dates");
        }
        if (url) {
            return new Suggestion("url", "all values are URLs");
        }
        if (repeats() && !multiline && maxLength <= 128) {
            return new Suggestion("select", "values repeat");
        }
        return new Suggestion("string", multiline ? "multi-line text" : "free text");
    }

    public long values() {
        return values;
    }

    /** The distinct values (stripped, first-seen order); empty when there were too many to keep. */
    public Set<String> distinct() {
        return java.util.Collections.unmodifiableSet(distinct);
    }

    public boolean overflow() {
        return overflow;
    }

    /** Whether the values repeat (so a select keeps them as options): fewer distinct values than values. */
    boolean repeats() {
        return !overflow && distinct.size() < values;
    }
}
