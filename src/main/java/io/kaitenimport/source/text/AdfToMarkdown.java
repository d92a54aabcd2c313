package io.kaitenimport.source.text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.TreeMap;

/** TEMPORARY stand-in for the text branch's API; deleted when branch 'text' is merged. */
public final class AdfToMarkdown {
    private AdfToMarkdown() {
    }

    public static TextConversion convert(JsonNode doc) {
        StringBuilder sb = new StringBuilder();
        walk(doc, sb);
        return new TextConversion(sb.toString().strip(), new TreeMap<>());
    }

    private static void walk(JsonNode n, StringBuilder sb) {
        if (n == null) {
            return;
        }
        if (n.path("type").asText().equals("text")) {
            sb.append(n.path("text").asText());
        }
        for (JsonNode c : n.path("content")) {
            walk(c, sb);
        }
        if (n.path("type").asText().equals("paragraph")) {
            sb.append("\n\n");
        }
    }
}
