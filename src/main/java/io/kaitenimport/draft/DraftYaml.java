package io.kaitenimport.draft;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kaitenimport.source.jiracsv.CustomFieldStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** YAML and comment helpers for mapping drafts: values as the loader reads them back, notes as comments. */
public final class DraftYaml {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private DraftYaml() {
    }

    /** A mapping record as a tree (null values left out, so the bundled default stays in force for them). */
    public static ObjectNode tree(Object mapping) {
        return YAML.valueToTree(mapping);
    }

    public static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line prefixed with {@code # } (an empty line stays a bare {@code #}). */
    public static String commented(String text, String indent) {
        return text.lines().map(l -> indent + (l.isEmpty() ? "#" : "# " + l)).collect(Collectors.joining("\n"))
                + "\n";
    }

    /** A quoted header for comments. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** "12 values, 3 distinct: a, b, c" or "no values". */
    public static String summary(CustomFieldStats s) {
        if (s.values() == 0) {
            return "no values";
        }
        String distinct = s.overflow() ? "over " + CustomFieldStats.MAX_DISTINCT + " distinct"
                : s.distinct().size() + " distinct";
        return s.values() + " value(s), " + distinct + samples(s);
    }

    private static String samples(CustomFieldStats s) {
        List<String> out = new ArrayList<>();
        for (String v : s.distinct()) {
            if (out.size() == 3) {
                break;
            }
            String one = v.replace("\r", "").replace("\n", "⏎");
            out.add(quote(one.length() > 40 ? one.substring(0, 39) + "…" : one));
        }
        return out.isEmpty() ? "" : "; e.g. " + String.join(", ", out);
    }
}
