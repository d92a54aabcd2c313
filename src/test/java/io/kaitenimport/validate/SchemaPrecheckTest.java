package io.kaitenimport.validate;

import io.kaitenimport.emit.Json;
import io.kaitenimport.validate.schema.CompiledSchema;
import io.kaitenimport.validate.schema.SchemaCompileException;
import io.kaitenimport.validate.schema.SchemaCompiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * meta-data.json and the mapping files are checked by a compiled precheck first and by networknt only when it finds
 * something (networknt takes a third of a second to set up). The precheck must never pass a document networknt
 * would fault, nor fault one it passes: both verdicts are compared on every golden meta-data.json and on seeded
 * mutants of it and of mapping files.
 */
class SchemaPrecheckTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] NAMES = {"users", "spaces", "folders", "boards", "columns", "cards", "comments",
        "custom_fields", "files", "card_timers", "documents", "document_files", "properties_mapping",
        "columns_mapping", "tasks", "Cards", ""};
    private static final String[] PATHS = {"./cards_0.json", "cards.json", "./a/b.json", "../x.json", "/abs.json",
        "./a/../b.json", "a\\b.json", "./", ".", "./x..json", "x/..", "./.."};
    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @Test
    void metaDataVerdictsAgreeWithNetworknt() throws IOException {
        Random random = new Random(11);
        List<JsonNode> metas = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("meta-data.json")).toList()) {
                metas.add(Json.MAPPER.readTree(p.toFile()));
            }
        }
        assertTrue(metas.size() >= 5, "golden meta-data files: " + metas.size());
        int passed = 0;
        int failed = 0;
        for (JsonNode meta : metas) {
            assertTrue(agree(SchemaCatalog.META_FILE, meta), "golden " + meta);
            for (int m = 0; m < 400; m++) {
                JsonNode mutant = meta.deepCopy();
                for (int c = 1 + random.nextInt(3); c > 0; c--) {
                    mutant = mutateMeta(mutant, random);
                }
                if (agree(SchemaCatalog.META_FILE, mutant)) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        // both verdicts are well represented, so agreement means something
        assertTrue(passed > 200 && failed > 800, "passed " + passed + ", failed " + failed);
    }

    @Test
    void mappingFileVerdictsAgreeWithNetworknt() {
        Random random = new Random(12);
        JsonNode[] values = {F.numberNode(1), F.numberNode(0), F.numberNode(-3), F.numberNode(7.5),
            F.numberNode(2.0), F.textNode("5"), F.nullNode(), F.booleanNode(true), F.arrayNode(), F.objectNode(),
            F.numberNode(Long.MAX_VALUE)};
        String[] keys = {"f1", "", "col-1", "ключ", " "};
        int passed = 0;
        int failed = 0;
        for (String file : List.of("properties_mapping.schema.json", "columns_mapping.schema.json")) {
            for (int m = 0; m < 600; m++) {
                JsonNode doc;
                if (random.nextInt(20) == 0) {
                    doc = random.nextBoolean() ? F.arrayNode().add(1) : F.textNode("x");
                } else {
                    ObjectNode o = F.objectNode();
                    for (int k = random.nextInt(4); k > 0; k--) {
                        o.set(keys[random.nextInt(keys.length)] + (random.nextInt(3) == 0 ? "" : k),
                                random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : F.numberNode(k + 1));
                    }
                    doc = o;
                }
                if (agree(file, doc)) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        assertTrue(passed > 200 && failed > 200, "passed " + passed + ", failed " + failed);
    }

    @Test
    void recordSchemasStillRefuseThePrecheckOnlyKeywords() {
        String schema = "{\"type\":\"array\",\"contains\":{\"const\":1}}";
        assertThrows(SchemaCompileException.class,
                () -> new SchemaCompiler(SchemaCatalog.BASE, f -> schema).compile("x.schema.json"));
        assertTrue(SchemaCompiler.precheck(SchemaCatalog.BASE, f -> schema, "x.schema.json")
                .passes(F.arrayNode().add(2).add(1)));
    }

    /** Each schema's precheck, compiled once for all its documents. */
    private final Map<String, CompiledSchema> prechecks = new HashMap<>();

    /** Asserts both verdicts are the same and returns it (true: the document passes). */
    private boolean agree(String file, JsonNode doc) {
        boolean precheck = prechecks.computeIfAbsent(file,
                f -> SchemaCompiler.precheck(SchemaCatalog.BASE, SchemaPrecheckTest::schemaText, f)).passes(doc);
        boolean networknt = catalog.forFile(file).validate(doc).isEmpty();
        assertEquals(networknt, precheck, file + ": " + doc);
        assertEquals(networknt, catalog.errors(file, doc).isEmpty(), file + ": " + doc);
        return networknt;
    }

    private static String schemaText(String file) {
        try {
            return Files.readString(Path.of("schemas", file));
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode mutateMeta(JsonNode meta, Random r) {
        if (!meta.isObject()) {
            return meta;
        }
        ObjectNode o = (ObjectNode) meta;
        JsonNode entities = o.get("entities");
        JsonNode paths = o.get("entities_paths_map");
        switch (r.nextInt(12)) {
            case 0 -> o.remove(r.nextBoolean() ? "entities" : "entities_paths_map");
            case 1 -> o.put("extra", 1);
            case 2 -> {
                if (entities instanceof ArrayNode a && a.size() > 0) {
                    a.remove(r.nextInt(a.size()));
                }
            }
            case 3 -> {
                if (entities instanceof ArrayNode a) {
                    a.add(NAMES[r.nextInt(NAMES.length)]);
                }
            }
            case 4 -> {
                if (paths instanceof ObjectNode p && p.size() > 0) {
                    List<String> names = new ArrayList<>();
                    p.fieldNames().forEachRemaining(names::add);
                    p.remove(names.get(r.nextInt(names.size())));
                }
            }
            case 5 -> {
                if (paths instanceof ObjectNode p) {
                    p.set(NAMES[r.nextInt(NAMES.length)], F.arrayNode().add(PATHS[r.nextInt(PATHS.length)]));
                }
            }
            case 6 -> {
                if (paths instanceof ObjectNode p) {
                    p.put(NAMES[r.nextInt(NAMES.length)], PATHS[r.nextInt(PATHS.length)]);
                }
            }
            case 7 -> {
                if (paths instanceof ObjectNode p && p.size() > 0) {
                    String name = p.fieldNames().next();
                    p.set(name, switch (r.nextInt(4)) {
                        case 0 -> F.arrayNode();
                        case 1 -> F.arrayNode().add("./a.json").add("./a.json");
                        case 2 -> F.numberNode(3);
                        default -> F.arrayNode().add(5);
                    });
                }
            }
            case 8 -> o.set("entities", switch (r.nextInt(4)) {
                case 0 -> F.arrayNode();
                case 1 -> F.textNode("cards");
                case 2 -> F.arrayNode().add("cards").add("cards");
                default -> F.arrayNode().add(1);
            });
            case 9 -> o.set("entities_paths_map", r.nextBoolean() ? F.arrayNode() : F.objectNode());
            case 10 -> {
                // an entity listed without its path, or mapped without being listed: the if/then rules
                if (entities instanceof ArrayNode a) {
                    a.add(NAMES[r.nextInt(14)]);
                }
            }
            default -> {
                return r.nextBoolean() ? F.arrayNode() : o;
            }
        }
        return o;
    }
}
