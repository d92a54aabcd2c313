package io.kaitenimport.source.jira;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.Report;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Unknown field shapes never crash: every value of both samples (one per path shape; array indices folded) is
 * nulled and retyped to a string, a number, an object and a mixed array. The conversion must end with its
 * records written (maybe with reported issues and losses) or a {@link SourceException} naming the file (exit 2);
 * anything else would be exit 3, a bug.
 */
class JiraMalformedShapeTest {
    private static final List<String> REPLACEMENTS = List.of("null", "\"x\"", "7", "{\"id\":\"1\"}",
            "[{\"id\":\"1\"},\"x\",null,[]]");

    private static final Map<String, JsonNode> SAMPLES = new LinkedHashMap<>();

    /**
     * One path per shape across both samples (array indices folded; a whole schema entry per field, its parts and
     * the names entries once), each getting every replacement.
     */
    static Stream<Arguments> paths() {
        Map<String, String[]> firstOfShape = new LinkedHashMap<>();
        for (Path sample : List.of(JiraSampleTest.CLOUD, JiraSampleTest.SERVER)) {
            JsonNode root = read(sample);
            SAMPLES.put(sample.getFileName().toString(), root);
            walk(root, "", sample.getFileName().toString(), firstOfShape);
        }
        return firstOfShape.values().stream().map(at -> Arguments.of(at[0], at[1]));
    }

    private static void walk(JsonNode n, String pointer, String sample, Map<String, String[]> firstOfShape) {
        if (!pointer.isEmpty()) {
            // a field's names entry and the parts of its schema entry are read the same way for every field
            String shape = pointer.replaceAll("/\\d+(?=/|$)", "/*").replaceFirst("^/names/[^/]+", "/names/*")
                    .replaceFirst("^/schema/[^/]+(?=/)", "/schema/*");
            firstOfShape.putIfAbsent(shape, new String[] {sample, pointer});
        }
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getValue(), pointer + "/"
                    + e.getKey().replace("~", "~0").replace("/", "~1"), sample, firstOfShape));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), pointer + "/" + i, sample, firstOfShape);
            }
        }
    }

    private static JsonNode read(Path p) {
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TempDir
    static Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void unknownShapesNeverCrash(String sample, String pointer) throws IOException {
        for (JsonNode doc : mutants(SAMPLES.get(sample), pointer)) {
            Path in = tmp.resolve(sample);
            Json.MAPPER.writeValue(in.toFile(), doc);
            Report report = new Report("convert");
            SourceOptions options = JiraRun.options(null, "Space", JiraSampleTest.SAMPLES.resolve("attachments"),
                    null, false);
            Users users = Users.none(options.common().unmappedUsers(), report);
            // records are serialized as the package writer would, but kept in memory: thousands of runs stay fast
            ModelSink sink = r -> Json.MAPPER.writeValueAsBytes(r);
            try {
                new JiraSourceAdapter().read(new SourceContext(List.of(in), options, report, users), sink);
                users.emit(sink);
            } catch (SourceException e) {
                // exit 2: a one-line message naming the file is an acceptable end for a broken export
                assertEquals(sample, e.location().file(), e.describe());
            } catch (RuntimeException e) {
                throw new AssertionError("crash (exit 3) with " + pointer + " nulled or retyped", e);
            }
        }
    }

    /**
     * The sample with the value at {@code pointer} replaced by each replacement. Inside an issue: one document
     * holding one copy of that issue per replacement (ids and keys made unique), so there are few, small runs; the
     * copies' references to the other issues dangle, which is handled too. Elsewhere: one document per replacement,
     * keeping of the issues only the first with the field a {@code names}/{@code schema} entry is about.
     */
    private static List<JsonNode> mutants(JsonNode sample, String pointer) throws IOException {
        String[] parts = pointer.split("/");
        List<JsonNode> out = new ArrayList<>();
        if (parts.length > 3 && parts[1].equals("issues") && !parts[3].equals("id") && !parts[3].equals("key")) {
            String issuePointer = "/issues/" + parts[2];
            ObjectNode root = sample.deepCopy();
            ArrayNode issues = root.putArray("issues");
            for (int k = 0; k < REPLACEMENTS.size(); k++) {
                ObjectNode issue = sample.at(issuePointer).deepCopy();
                issue.put("id", issue.path("id").asText() + "m" + k).put("key", issue.path("key").asText() + "m" + k);
                issues.add(replaced(issue, pointer.substring(issuePointer.length()), REPLACEMENTS.get(k)));
            }
            out.add(root);
            return out;
        }
        for (String r : REPLACEMENTS) {
            ObjectNode root = (ObjectNode) replaced(sample.deepCopy(), pointer, r);
            JsonNode keep = null;
            if (parts.length > 2 && parts[1].equals("issues")) {
                keep = root.at("/issues/" + parts[2]);
            } else if (parts.length > 2 && (parts[1].equals("names") || parts[1].equals("schema"))) {
                keep = root.path("issues").path(0);
                for (JsonNode issue : root.path("issues")) {
                    if (issue.path("fields").has(parts[2])) {
                        keep = issue;
                        break;
                    }
                }
            }
            if (keep != null) {
                root.putArray("issues").add(keep);
            }
            out.add(root);
        }
        return out;
    }

    private static JsonNode replaced(JsonNode root, String pointer, String replacement) throws IOException {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        JsonNode value = Json.MAPPER.readTree(replacement);
        if (parent instanceof ObjectNode o) {
            o.set(at.last().getMatchingProperty(), value);
        } else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        }
        return root;
    }
}
