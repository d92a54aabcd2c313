package io.kaitenimport.source.text;

import java.util.TreeMap;

/** TEMPORARY stand-in for the text branch's API; deleted when branch 'text' is merged. */
public final class WikiToMarkdown {
    private WikiToMarkdown() {
    }

    public static TextConversion convert(String wiki) {
        return new TextConversion(wiki == null ? "" : wiki, new TreeMap<>());
    }
}
