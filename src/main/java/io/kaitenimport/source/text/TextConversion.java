package io.kaitenimport.source.text;

import java.util.SortedMap;

/** TEMPORARY stand-in for the text branch's API; deleted when branch 'text' is merged. */
public record TextConversion(String markdown, SortedMap<String, Integer> lost) {
}
