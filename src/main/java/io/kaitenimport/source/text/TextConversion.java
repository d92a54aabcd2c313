package io.kaitenimport.source.text;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Markdown produced from a rich-text field, plus how many constructs of each kind Markdown could not express.
 * The loss report prints {@code lost} per field so that nothing disappears silently.
 *
 * @param markdown never null
 * @param lost     immutable, sorted by key; keys are stable short names such as {@code adf.panel} or {@code wiki.color}
 */
public record TextConversion(String markdown, SortedMap<String, Integer> lost) {

    public TextConversion {
        markdown = markdown == null ? "" : markdown;
        if (lost == null || lost.isEmpty()) {
            lost = Collections.emptySortedMap();
        } else {
            // putAll instead of the copy constructor: a SortedMap argument would carry over a foreign comparator
            TreeMap<String, Integer> copy = new TreeMap<>();
            copy.putAll(lost);
            lost = Collections.unmodifiableSortedMap(copy);
        }
    }

    /** A conversion that lost nothing. */
    public static TextConversion of(String markdown) {
        return new TextConversion(markdown, null);
    }

    public boolean lossless() {
        return lost.isEmpty();
    }
}
