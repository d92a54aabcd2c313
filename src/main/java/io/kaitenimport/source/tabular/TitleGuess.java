package io.kaitenimport.source.tabular;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the card-title column when no header the mapping knows names it (a sheet in a language the default
 * mapping does not cover). The first rows are sampled: titles are text with letters and usually spaces, mostly
 * filled and mostly distinct; ids ({@code 17}, {@code T-12}), numbers, dates and short codes are not. So a Hebrew
 * sheet whose first column is {@code מזהה} (id) takes its titles from the task-name column, not the ids.
 */
final class TitleGuess {
    static final int SAMPLE = 200;

    /** The chosen column and a few words on why, for the report. */
    record Choice(int column, String why) {
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private TitleGuess() {
    }

    static Choice choose(RowSource source, HeaderMap headers) throws IOException {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < headers.header.size(); i++) {
            if (!headers.used.get(i) && !HeaderMap.norm(headers.header.get(i)).isEmpty()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int n = candidates.size();
        int[] filled = new int[n];
        int[] texty = new int[n];
        int[] spaced = new int[n];
        List<Set<String>> distinct = new ArrayList<>();
        candidates.forEach(c -> distinct.add(new HashSet<>()));
        int[] rows = {0};
        try {
            source.forEachRow(row -> {
                if (rows[0]++ == SAMPLE) {
                    throw new Stop();
                }
                for (int k = 0; k < n; k++) {
                    String t = row.cell(candidates.get(k)).text().strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    filled[k]++;
                    distinct.get(k).add(t);
                    if (looksLikeText(t)) {
                        texty[k]++;
                    }
                    if (t.contains(" ")) {
                        spaced[k]++;
                    }
                }
            });
        } catch (Stop done) {
            // sampled enough
        }
        int sampled = Math.min(rows[0], SAMPLE);
        if (sampled == 0) {
            return new Choice(candidates.get(0), "the first column (no rows to look at)");
        }
        int best = -1;
        double bestScore = 0;
        for (int k = 0; k < n; k++) {
            if (filled[k] == 0) {
                continue;
            }
            double score = (double) texty[k] / sampled * 2 + (double) spaced[k] / filled[k]
                    + (double) distinct.get(k).size() / filled[k] * 0.5 + (double) filled[k] / sampled * 0.5;
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = k;
            }
        }
        if (best < 0 || texty[best] * 2 < filled[best]) {
            return new Choice(candidates.get(0), "the first column (no column holds text)");
        }
        return new Choice(candidates.get(best), "the column with the most text (" + percent(texty[best], sampled)
                + " of the first " + sampled + " rows)");
    }

    /** Letters making up a word or more, not an id, number, date or code. */
    static boolean looksLikeText(String s) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
            } else if (Character.isDigit(cp)) {
                digits++;
            }
            i += Character.charCount(cp);
        }
        return letters >= 3 && letters > digits && (s.contains(" ") || letters >= 6);
    }

    private static String percent(int part, int whole) {
        return Math.round(100.0 * part / whole) + "%";
    }
}
