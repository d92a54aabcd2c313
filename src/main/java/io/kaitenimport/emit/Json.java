package io.kaitenimport.emit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one configured Jackson mapper: snake_case names, empty values omitted, stable key order. */
public final class Json {
    /** Package files use the import schema's snake_case names; empty strings and lists are not written. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
            .build();

    static {
        // Source exports may hold single strings far beyond Jackson's 20 MB default (embedded images in Jira).
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(5000).build());
    }

    private Json() {
    }

    /** How package files are written: compact with one record per line (default), or indented ({@code --pretty}). */
    public static com.fasterxml.jackson.core.PrettyPrinter printer(boolean pretty) {
        return pretty ? printer() : new RecordPerLine();
    }

    /** Two-space indentation with '\n' on every platform, so packages are byte-identical everywhere. */
    public static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
