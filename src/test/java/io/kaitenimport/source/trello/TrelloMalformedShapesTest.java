package io.kaitenimport.source.trello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-edited or half-broken exports: for every field path the sample board has (array indices folded, so
 * {@code /cards/* /name} is one path), all its occurrences are removed, nulled or replaced by a value of another
 * JSON type. The conversion must end as the command line's exit code 0, 1 or 2 — a package, or a
 * {@link SourceException} with a located message — never any other exception (exit 3, internal error). The sweep
 * runs the converter in-process (the command line's parsing costs more than the conversion); a few cases also go
 * through the real command line to pin the exit codes themselves.
 */
class TrelloMalformedShapesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, JsonNode> REPLACEMENTS = new LinkedHashMap<>();
    private static final JsonNode SAMPLE = sample();
    private static final Map<String, List<String>> SHAPES = new LinkedHashMap<>();

    static {
        REPLACEMENTS.put("null", F.nullNode());
        REPLACEMENTS.put("object", F.objectNode().put("x", "y"));
        REPLACEMENTS.put("array", F.arrayNode().add("x").add(F.objectNode()));
        REPLACEMENTS.put("string", F.textNode("x"));
        REPLACEMENTS.put("number", F.numberNode(42));
        walk(SAMPLE, "", "", SHAPES);
    }

    /** One folder for all cases (each overwrites the input and replaces the package): per-case folders cost more. */
    @TempDir
    static Path tmp;

    static Stream<Arguments> mutations() {
        List<Arguments> out = new ArrayList<>();
        for (String shape : SHAPES.keySet()) {
            if (!shape.isEmpty()) {
                out.add(Arguments.of(shape, "missing"));
            }
            for (String kind : REPLACEMENTS.keySet()) {
                out.add(Arguments.of(shape, kind));
            }
        }
        return out.stream();
    }

    /** Concrete pointers by folded path, in document order. */
    private static void walk(JsonNode node, String pointer, String shape, Map<String, List<String>> byShape) {
        byShape.computeIfAbsent(shape, k -> new ArrayList<>()).add(pointer);
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                walk(node.get(k), pointer + "/" + k, shape + "/" + k, byShape);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, shape + "/*", byShape);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mutations")
    void neverAnInternalError(String shape, String kind) throws IOException {
        Path in = write(shape, kind);
        SourceOptions options = TrelloTesting.options(null, TrelloTesting.SAMPLE_DIR.resolve("users.csv"), "Garden",
                TrelloTesting.SAMPLE_DIR.resolve("attachments"), null);
        try {
            Converter.Outcome o = TrelloTesting.convert(in, options, tmp.resolve("out"));
            assertTrue(o.written() || o.report().errors() > 0, "exit 0 or 1");
        } catch (SourceException e) {
            // exit 2: a located message for the user
            assertFalse(e.getMessage().isBlank());
        } catch (RuntimeException e) {
            throw new AssertionError(shape + " " + kind + " would be an internal error (exit 3)", e);
        }
    }

    @ParameterizedTest(name = "{0} {1} → exit {2}")
    @CsvSource({"/actions/*/type, missing, 0", "/cards/*/idMembers, object, 0", "/checklists/*/checkItems, object, 0",
            "/lists, object, 2"})
    void commandLineExitCodes(String shape, String kind, int exit) throws IOException {
        Path in = write(shape, kind);
        Cli.Run run = Cli.run("convert", in.toString(), "--from", "trello", "-o", tmp.resolve("out").toString());
        assertEquals(exit, run.exit(), run.all());
        assertFalse(run.err().contains("internal error"), run.err());
    }

    /** The sample with every occurrence of the folded path mutated, written to a file. */
    private Path write(String shape, String kind) throws IOException {
        JsonNode board = SAMPLE.deepCopy();
        List<String> pointers = SHAPES.get(shape);
        // last first, so removing array elements leaves the earlier pointers valid
        for (int i = pointers.size() - 1; i >= 0; i--) {
            board = mutate(board, pointers.get(i), kind);
        }
        Path in = tmp.resolve("board.json");
        Json.MAPPER.writeValue(in.toFile(), board);
        return in;
    }

    private static JsonNode mutate(JsonNode root, String pointer, String kind) {
        if (pointer.isEmpty()) {
            return REPLACEMENTS.get(kind).deepCopy();
        }
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        JsonNode value = kind.equals("missing") ? null : REPLACEMENTS.get(kind).deepCopy();
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(key);
            } else {
                o.set(key, value);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(key);
            if (value == null) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
        return root;
    }

    private static JsonNode sample() {
        try {
            return Json.MAPPER.readTree(TrelloTesting.SAMPLE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
