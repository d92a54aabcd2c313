package io.kaitenimport.source.text;

import java.util.Map;
import java.util.TreeMap;

/** Counts lost constructs during one conversion; never shared between conversions. */
final class Losses {

    private final TreeMap<String, Integer> counts = new TreeMap<>();

    void add(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    void addAll(Map<String, Integer> other) {
        other.forEach((key, n) -> counts.merge(key, n, Integer::sum));
    }

    TextConversion result(String markdown) {
        return new TextConversion(markdown, counts);
    }
}
