package io.kaitenimport.validate;

import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.CompiledSchema;
import io.kaitenimport.validate.schema.SchemaCompileException;
import io.kaitenimport.validate.schema.SchemaCompiler;
import io.kaitenimport.validate.schema.SchemaError;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled record validator against networknt, the oracle: for every record of every golden package and for
 * seeded mutants of them (retyped values, missing and extra fields, bad enums, long strings, bad formats, nested
 * arrays, repeated keys…), both must give exactly the same issues (code, message, pointer, record position and id),
 * through the streaming walk and through the whole-value check alike; and the fields handed to the reference
 * rules must be the record's own.
 */
class CompiledSchemaDifferentialTest {
    private final Set<String> codesSeen = new java.util.TreeSet<>();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MUTANTS_PER_RECORD = 30;
    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @Test
    void everyGoldenRecordAndItsMutantsGiveNetworkntsIssues() throws IOException {
        Random random = new Random(9);
        int compared = 0;
        int withIssues = 0;
        for (Path file : entityFiles()) {
            Entity entity = entityOf(file);
            JsonNode records = Json.MAPPER.readTree(file.toFile());
            List<JsonNode> pool = new ArrayList<>();
            records.forEach(pool::add);
            for (int i = 0; i < records.size(); i++) {
                JsonNode record = records.get(i);
                compare(entity, record, Json.MAPPER.writeValueAsString(record));
                compared++;
                for (int m = 0; m < MUTANTS_PER_RECORD; m++) {
                    JsonNode mutant = record.deepCopy();
                    int changes = 1 + random.nextInt(3);
                    for (int c = 0; c < changes; c++) {
                        mutant = mutate(mutant, entity, pool, random);
                    }
                    if (compare(entity, mutant, Json.MAPPER.writeValueAsString(mutant))) {
                        withIssues++;
                    }
                    compared++;
                }
            }
        }
        // the mutants reach every kind of schema issue
        assertEquals(Set.of("SCHEMA_ENUM", "SCHEMA_FORMAT", "SCHEMA_LENGTH", "SCHEMA_OTHER", "SCHEMA_REQUIRED",
                "SCHEMA_TYPE", "SCHEMA_UNKNOWN_FIELD"), codesSeen);
        assertTrue(compared > 5_000, "compared " + compared);
        assertTrue(withIssues > compared / 3, "mutants with issues: " + withIssues + " of " + compared);
    }

    @Test
    void repeatedKeysCountOnlyTheirLastValue() throws IOException {
        String[] cards = {
            "{\"id\":\"k1\",\"column_id\":\"c1\",\"title\":\"\",\"title\":\"ok\"}",
            "{\"id\":\"k1\",\"column_id\":\"c1\",\"title\":\"ok\",\"title\":7}",
            "{\"id\":\"k1\",\"column_id\":\"c1\",\"title\":\"ok\",\"bogus\":1,\"bogus\":{\"a\":2}}",
            "{\"id\":\"k1\",\"column_id\":\"c1\",\"title\":\"ok\",\"tags\":[{}],\"tags\":[{\"name\":\"x\"}]}",
            "{\"id\":\"k1\",\"column_id\":\"c1\",\"title\":\"ok\",\"due_date\":{\"value\":1},\"due_date\":{}}",
            "{\"id\":7,\"id\":\"\",\"column_id\":\"c1\",\"title\":\"ok\"}",
        };
        for (String card : cards) {
            compare(Entity.CARDS, Json.MAPPER.readTree(card), card);
        }
    }

    @Test
    void compileRefusesKeywordsItDoesNotImplement() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"multipleOf\":2}}}";
        SchemaCompileException e = assertThrows(SchemaCompileException.class,
                () -> new SchemaCompiler(SchemaCatalog.BASE, f -> schema).compile("x.schema.json"));
        assertTrue(e.getMessage().contains("multipleOf"), e.getMessage());
        String refWithSiblings = "{\"properties\":{\"a\":{\"$ref\":\"#/definitions/d\",\"maxLength\":2}},"
                + "\"definitions\":{\"d\":{\"type\":\"string\"}}}";
        assertThrows(SchemaCompileException.class,
                () -> new SchemaCompiler(SchemaCatalog.BASE, f -> refWithSiblings).compile("x.schema.json"));
        String unknownFormat = "{\"type\":\"string\",\"format\":\"card-date\"}";
        assertThrows(SchemaCompileException.class,
                () -> new SchemaCompiler(SchemaCatalog.BASE, f -> unknownFormat).compile("x.schema.json"));
    }

    @Test
    void everyEntitySchemaCompiles() {
        for (Entity e : Entity.values()) {
            if (!e.isMapping()) {
                catalog.records(e);
            }
        }
    }

    /** @return whether the record has issues */
    private boolean compare(Entity entity, JsonNode record, String text) throws IOException {
        String file = entity.key() + "_0.json";
        String id = Ids.ofRecord(record);
        List<String> oracle = describe(withoutIdIssues(SchemaErrors.toIssues(catalog.forEntity(entity).validate(record),
                Location.record(file, 3L, id, ""), null), record, id));

        CompiledSchema schema = catalog.records(entity);
        List<SchemaError> whole = new ArrayList<>();
        schema.check(record, whole);
        assertEquals(oracle, describe(withoutIdIssues(SchemaErrors.fromErrors(whole,
                Location.record(file, 3L, id, ""), null), record, id)), "whole-value check of " + text);

        List<SchemaError> streamed = new ArrayList<>();
        JsonNode kept;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            p.nextToken();
            kept = schema.records(p, RecordFields.of(entity)).next(streamed);
            assertEquals(null, p.nextToken(), "the walk consumes exactly the record");
        }
        assertEquals(id, Ids.ofRecord(kept));
        assertEquals(oracle, describe(withoutIdIssues(SchemaErrors.fromErrors(streamed,
                Location.record(file, 3L, id, ""), null), record, id)), "streamed check of " + text);
        if (record.isObject()) {
            for (String field : RecordFields.of(entity)) {
                assertEquals(record.get(field), kept.get(field), field + " handed on from " + text);
            }
        } else {
            assertEquals(record, kept);
        }
        oracle.forEach(o -> codesSeen.add(o.substring(0, o.indexOf(' '))));
        return !oracle.isEmpty();
    }

    private static List<Issue> withoutIdIssues(List<Issue> issues, JsonNode record, String id) {
        if (record.isObject() && id == null) {
            issues.removeIf(i -> "/id".equals(i.location().pointer()));
        }
        return issues;
    }

    private static List<String> describe(List<Issue> issues) {
        List<Issue> sorted = new ArrayList<>(issues);
        sorted.sort(IssueCollector.ORDER);
        List<String> out = new ArrayList<>();
        for (Issue i : sorted) {
            out.add(i.code() + " " + i.location().recordIndex() + " " + i.location().recordId() + " "
                    + i.location().pointer() + " : " + i.message());
        }
        return out;
    }

    // ---- mutants ----

    private static final String LONG = "x".repeat(1025);

    private static final JsonNode[] SCALARS = {
        F.textNode("x"), F.textNode(""), F.textNode(" "), F.textNode(LONG), F.textNode("y".repeat(300)),
        F.textNode("😀".repeat(1024)), F.textNode("😀".repeat(1025)), F.textNode("😀".repeat(129)),
        F.textNode("a😀".repeat(700)), F.numberNode(17), F.numberNode(-1), F.numberNode(0), F.numberNode(18),
        F.numberNode(40_000_000_000L), F.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
        F.numberNode(1.5), F.numberNode(1.0), F.numberNode(-0.5), F.booleanNode(true), F.booleanNode(false),
        F.nullNode(), F.textNode("2024-07-22"), F.textNode("2024-07-22T07:01:37.954Z"),
        F.textNode("2024-07-22T07:01:37"), F.textNode("2024-13-45"), F.textNode("2024-02-30T10:00:00Z"),
        F.textNode("not a date"), F.textNode("markdown"), F.textNode("html"), F.textNode("bogus"),
        F.textNode("card_move"), F.textNode("https://example.com/a b"), F.textNode("https://example.com/x"),
        F.textNode("http://"), F.textNode("ftp://x"), F.textNode("./files/a.png"), F.textNode("../a.png"),
        F.textNode("./a/../../b"), F.textNode("/abs"), F.textNode("k1"), F.textNode("u1"),
        F.textNode("a@b.example"), F.textNode("select"), F.textNode("multi_select"), F.textNode("string"),
        F.textNode("user"), F.textNode("catalog"), F.textNode("date"),
    };

    private static JsonNode structured(Random r, List<JsonNode> pool) throws IOException {
        String[] shapes = {
            "{}", "[]", "[[1]]", "[\"a\",\"a\"]", "[1,\"1\"]", "[1,1]", "[1.0,1]", "[null]", "[{}]", "{\"a\":1}",
            "{\"value\":\"2024-07-22\"}", "{\"value\":\"2024-07-22T07:01:37Z\",\"time_present\":true}",
            "{\"value\":\"22.07.2024\"}", "{\"value\":5,\"time_present\":\"yes\"}", "{\"time_present\":true}",
            "[{\"name\":\"list\",\"items\":[{\"text\":\"t\",\"checked\":true,\"created\":\"bad\",\"sort_order\":1.5}]}]",
            "[{\"name\":\"\",\"items\":[{\"text\":\"\",\"due_date\":{\"value\":\"2024-01-01\"},\"checked_by\":\"\"}]}]",
            "[{\"type\":\"card_move\",\"created\":\"2024-07-22T07:01:37Z\",\"author_id\":\"u1\","
                    + "\"old_value\":{\"column_id\":\"c\"},\"new_value\":{}}]",
            "[{\"type\":\"card_create\",\"created\":\"x\"}]",
            "[{\"id\":\"k2\",\"gap\":1,\"gap_type\":\"days\"},{\"gap\":\"1\"}]",
            "[{\"id\":\"f1\",\"value\":[\"o1\",\"o1\",\"\"]},{\"id\":\"f2\",\"value\":{\"a\":1}}]",
            "[{\"id\":\"f1\",\"value\":[[1]]},{\"id\":\"\",\"value\":null}]",
            "[{\"url\":\"http://x\",\"created\":null},{\"url\":7},{\"url\":\"\"},{\"description\":null}]",
            "[{\"name\":\"tag\"},{\"name\":\"" + "t".repeat(129) + "\"},{}]",
            "[{\"id\":\"o1\",\"value\":\"A\"},{\"id\":\"o1\"},{\"value\":\"\"}]", "[\"k1\",\"k2\",\"k1\"]",
            "[\"\",17,true]",
        };
        if (!pool.isEmpty() && r.nextInt(4) == 0) {
            JsonNode other = pool.get(r.nextInt(pool.size()));
            if (other.isObject() && other.size() > 0) {
                List<String> names = new ArrayList<>();
                other.fieldNames().forEachRemaining(names::add);
                return other.get(names.get(r.nextInt(names.size()))).deepCopy();
            }
        }
        return Json.MAPPER.readTree(shapes[r.nextInt(shapes.length)]);
    }

    private JsonNode mutate(JsonNode record, Entity entity, List<JsonNode> pool, Random r) throws IOException {
        if (r.nextInt(40) == 0) {
            return r.nextBoolean() ? F.textNode("not a record") : F.arrayNode().add(record);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(record, containers);
        if (containers.isEmpty()) {
            return record;
        }
        JsonNode target = containers.get(r.nextInt(containers.size()));
        JsonNode value = r.nextInt(3) == 0 ? structured(r, pool) : SCALARS[r.nextInt(SCALARS.length)];
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int what = r.nextInt(10);
            if (what == 0 && !names.isEmpty()) {
                o.remove(names.get(r.nextInt(names.size()))); // missing required, or simply absent
            } else if (what == 1) {
                o.set(r.nextBoolean() ? "zz_extra" : "a/b~c", value); // unknown field
            } else if (what <= 4 && target == record) {
                List<String> declared = declared(entity);
                o.set(declared.get(r.nextInt(declared.size())), value); // any field of the schema
            } else if (!names.isEmpty()) {
                o.set(names.get(r.nextInt(names.size())), value);
            } else {
                o.set("name", value);
            }
        } else if (target instanceof ArrayNode a) {
            int what = r.nextInt(4);
            if (what == 0 && a.size() > 0) {
                a.add(a.get(r.nextInt(a.size())).deepCopy()); // duplicate: uniqueItems
            } else if (what == 1 && a.size() > 0) {
                a.remove(r.nextInt(a.size()));
            } else if (a.size() > 0) {
                a.set(r.nextInt(a.size()), value);
            } else {
                a.add(value);
            }
        }
        return record;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (JsonNode child : node) {
                collect(child, into);
            }
        }
    }

    private static final Map<Entity, List<String>> DECLARED = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> declared(Entity entity) {
        return DECLARED.computeIfAbsent(entity, e -> {
            try {
                JsonNode schema = Json.MAPPER.readTree(Path.of("schemas", e.key() + ".schema.json").toFile());
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = schema.get("properties").fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                return names;
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    private static List<Path> entityFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            List<Path> out = files.filter(f -> f.getFileName().toString().matches("[a-z_]+_\\d+\\.json"))
                    .filter(f -> Files.exists(f.resolveSibling("meta-data.json")))
                    .filter(f -> entityOf(f) != null && !entityOf(f).isMapping())
                    .sorted().toList();
            assertFalse(out.isEmpty());
            return out;
        }
    }

    private static Entity entityOf(Path file) {
        String name = file.getFileName().toString();
        return Entity.byKey(name.substring(0, name.lastIndexOf('_'))).orElse(null);
    }
}
