package io.kaitenimport.source.tabular;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the header row of a table whose first rows may be a preamble (TickTick writes {@code Date: …},
 * {@code Version: …} and a status legend before the real header).
 *
 * <p>A row is a header candidate when its non-empty cells fill at least half of the row, at most a fifth of
 * them look like numbers or dates, at least half are distinct, and the row is at least as wide as the modal
 * width of the rows below it ("at least" so that spreadsheet rows trimmed after their last value still fit).
 * The first candidate wins unless a later one names more known header keywords.
 */
public final class HeaderRowFinder {

    /** Only this many leading rows are considered as the header. */
    public static final int MAX_HEADER_INDEX = 30;

    /** Rows below a candidate looked at to find the modal width. */
    private static final int SHAPE_WINDOW = 50;

    /** Digits with the punctuation of numbers, dates, times, percentages and phone numbers. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[\\d\\s.,:;/%+()\\-\u2212]*\\d[\\d\\s.,:;/%+()\\-\u2212]*");

    private HeaderRowFinder() {
    }

    /** Same as {@link #find(List, Predicate)} without known header names. */
    public static int find(List<List<String>> rows) {
        return find(rows, cell -> false);
    }

    /** Same as {@link #find(List, Predicate)}; names are compared trimmed and case-insensitively. */
    public static int find(List<List<String>> rows, Collection<String> knownHeaders) {
        Set<String> known = knownHeaders.stream().map(HeaderRowFinder::normalise).collect(Collectors.toSet());
        return find(rows, cell -> known.contains(normalise(cell)));
    }

    /**
     * Returns the zero-based index of the header row among {@code rows} (the first records of the file), or 0
     * when no row looks better.
     *
     * @param isKnownHeader tells whether a trimmed, non-empty cell is a header name the caller recognises
     */
    public static int find(List<List<String>> rows, Predicate<String> isKnownHeader) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(isKnownHeader, "isKnownHeader");
        int best = -1;
        int bestHits = -1;
        int limit = Math.min(rows.size(), MAX_HEADER_INDEX);
        for (int i = 0; i < limit; i++) {
            List<String> row = rows.get(i);
            if (!looksLikeHeader(row)) {
                continue;
            }
            int hits = 0;
            for (String cell : row) {
                if (cell != null && !cell.isBlank() && isKnownHeader.test(cell.trim())) {
                    hits++;
                }
            }
            // Two or more known names make a header even above ragged rows; otherwise it must be as wide as the data.
            int modalWidth = modalWidthBelow(rows, i + 1);
            if (hits < 2 && modalWidth > 0 && row.size() < modalWidth) {
                continue;
            }
            if (hits > bestHits) {
                best = i;
                bestHits = hits;
            }
        }
        return Math.max(best, 0);
    }

    private static boolean looksLikeHeader(List<String> row) {
        int nonEmpty = 0;
        int numeric = 0;
        Set<String> distinct = new HashSet<>();
        for (String cell : row) {
            if (cell == null || cell.isBlank()) {
                continue;
            }
            nonEmpty++;
            String trimmed = cell.trim();
            if (NUMBER_LIKE.matcher(trimmed).matches()) {
                numeric++;
            }
            distinct.add(normalise(trimmed));
        }
        return nonEmpty > 0
                && nonEmpty * 2 >= row.size()
                && numeric * 5 <= nonEmpty
                && distinct.size() * 2 >= nonEmpty;
    }

    /** Most frequent size among the next non-blank rows (ties: the wider); 0 when there are none. */
    private static int modalWidthBelow(List<List<String>> rows, int from) {
        Map<Integer, Integer> freq = new HashMap<>();
        int seen = 0;
        for (int i = from; i < rows.size() && seen < SHAPE_WINDOW; i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            freq.merge(row.size(), 1, Integer::sum);
            seen++;
        }
        int width = 0;
        int count = 0;
        for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
            if (e.getValue() > count || (e.getValue() == count && e.getKey() > width)) {
                width = e.getKey();
                count = e.getValue();
            }
        }
        return width;
    }

    private static String normalise(String cell) {
        return cell.trim().toLowerCase(Locale.ROOT);
    }
}
