package io.kaitenimport.source.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Guesses the field delimiter of a CSV sample by splitting its first logical records with each candidate
 * and preferring the one that yields the most consistent number of fields (more than one).
 */
public final class DelimiterSniffer {

    /** Candidates in tie-break order. */
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    /** How many logical records (not physical lines) of the sample are examined. */
    public static final int MAX_RECORDS = 50;

    /**
     * @param delimiter  the chosen delimiter
     * @param confidence share (0..1) of sampled records that have the modal field count; halved when the
     *                   sample holds a single record; 0 when no candidate splits the records (single column)
     */
    public record Sniffed(char delimiter, double confidence) {
    }

    private DelimiterSniffer() {
    }

    /**
     * Picks the delimiter for {@code sampleText}, typically the decoded head of the file. Ranking: highest share
     * of records with the modal field count; then the larger modal field count (so a {@code ;} file whose
     * header and cells both contain one decimal comma is not mistaken for a 2-column {@code ,} file); then the
     * order {@code , ; TAB |}.
     */
    public static Sniffed sniff(String sampleText) {
        Objects.requireNonNull(sampleText, "sampleText");
        String text = sampleText.startsWith("\uFEFF") ? sampleText.substring(1) : sampleText;
        char best = ',';
        double bestScore = 0;
        int bestWidth = 0;
        int bestRecords = 0;
        for (char candidate : CANDIDATES) {
            List<Integer> counts = fieldCounts(text, candidate);
            if (counts.isEmpty()) {
                continue;
            }
            int[] mode = mode(counts);
            int width = mode[0];
            if (width <= 1) {
                continue;
            }
            double score = (double) mode[1] / counts.size();
            if (score > bestScore || (score == bestScore && width > bestWidth)) {
                best = candidate;
                bestScore = score;
                bestWidth = width;
                bestRecords = counts.size();
            }
        }
        // A lone record is trivially consistent, so it proves less than many agreeing records.
        double confidence = bestRecords == 1 ? bestScore / 2 : bestScore;
        return new Sniffed(best, confidence);
    }

    /**
     * Field count of each of the first {@link #MAX_RECORDS} non-blank logical records. A double quote opens a
     * quoted field only at the start of a field; inside it delimiters and line breaks are data and {@code ""}
     * is an escaped quote.
     */
    static List<Integer> fieldCounts(String text, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        int fields = 1;
        boolean content = false;
        boolean fieldStart = true;
        boolean inQuotes = false;
        int n = text.length();
        for (int i = 0; i < n && counts.size() < MAX_RECORDS; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
                content = true;
            } else if (c == delimiter) {
                fields++;
                fieldStart = true;
                content = true;
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    counts.add(fields);
                }
                fields = 1;
                content = false;
                fieldStart = true;
            } else {
                fieldStart = false;
                content = true;
            }
        }
        // A record still inside quotes at the end of the sample is cut off (or malformed): its count means
        // nothing unless it is all we have. An unquoted last line without a line break is kept, since a whole
        // small file often ends that way and a cut-off line among many costs little consistency.
        if (content && counts.size() < MAX_RECORDS && (!inQuotes || counts.isEmpty())) {
            counts.add(fields);
        }
        return counts;
    }

    /** {modal value, its frequency}; ties go to the larger value. */
    private static int[] mode(List<Integer> values) {
        Map<Integer, Integer> freq = new HashMap<>();
        for (int v : values) {
            freq.merge(v, 1, Integer::sum);
        }
        int bestValue = 0;
        int bestFreq = 0;
        for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
            if (e.getValue() > bestFreq || (e.getValue() == bestFreq && e.getKey() > bestValue)) {
                bestValue = e.getKey();
                bestFreq = e.getValue();
            }
        }
        return new int[] {bestValue, bestFreq};
    }
}
