package io.kaitenimport.validate;

/*
 * networknt json-schema-validator 2.0.8 (Jackson 2): calls this test has verified.
 *
 *   SchemaRegistryConfig config = SchemaRegistryConfig.builder()
 *       .formatAssertionsEnabled(true)   // "format" (date-time, date, email) fails validation, never just annotates
 *       .pathType(PathType.JSON_POINTER) // instance locations print as "/0/title" (default prints "$[0].title")
 *       .build();
 *   SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
 *       builder -> builder.schemaRegistryConfig(config));
 *   Schema schema = registry.getSchema(schemaJsonNode);   // the schema file read with Jackson; its $id is the base IRI
 *   List<com.networknt.schema.Error> errors = schema.validate(instanceJsonNode); // empty list means valid
 *
 *   error.getKeyword()                        -> "required", "enum", "maxLength", "format", "additionalProperties", ...
 *   error.getInstanceLocation().toString()    -> JSON pointer of the failing value ("" = document root)
 *   error.getProperty()                       -> the missing property for "required" (also the unknown one for
 *                                                "additionalProperties"); null for other keywords
 *   error.getMessage()                        -> readable text, already prefixed with the instance location
 *   error.getEvaluationPath() / getSchemaLocation() -> where in the schema the failing keyword sits
 *
 *   A failed anyOf/oneOf is NOT reported under its own keyword: every failing branch's errors are returned
 *   (e.g. "format" twice for CardDateObject.value, or "pattern" + "type" for an entities_paths_map value).
 *   A failed propertyNames gives keyword "propertyNames", the object's location, and getProperty() = the bad name.
 *   Without the config, draft-07 already asserts formats (getFormatAssertionsEnabled() is null = spec default);
 *   formatAssertionsEnabled(false) turns it off, so set true explicitly.
 *
 *   The draft-07 meta-schema ships in the jar, so it loads offline:
 *   registry.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#")).
 */

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaFilesTest {

    static final Path SCHEMA_DIR = Path.of("schemas");
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ENTITIES = List.of("users", "spaces", "folders", "boards", "columns", "cards",
            "comments", "custom_fields", "files", "card_timers", "documents", "document_files",
            "properties_mapping", "columns_mapping");

    static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(CONFIG));
    static final Map<String, Schema> CACHE = new HashMap<>();

    static Schema schema(String name) {
        return CACHE.computeIfAbsent(name, n -> REGISTRY.getSchema(readJson(SCHEMA_DIR.resolve(n + ".schema.json"))));
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    static List<Error> validate(String schemaName, String json) {
        return schema(schemaName).validate(parse(json));
    }

    static String describe(List<Error> errors) {
        return errors.stream()
                .map(e -> e.getKeyword() + " @'" + e.getInstanceLocation() + "' prop=" + e.getProperty()
                        + " : " + e.getMessage())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    static List<String> schemaFileNames() throws IOException {
        try (Stream<Path> s = Files.list(SCHEMA_DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- structure of the schema files

    @Test
    void schemaDirectoryHoldsMetaDataPlusOneSchemaPerEntity() throws IOException {
        Set<String> expected = new TreeSet<>();
        expected.add("meta-data.schema.json");
        ENTITIES.forEach(e -> expected.add(e + ".schema.json"));
        assertEquals(expected, new TreeSet<>(schemaFileNames()));
    }

    @ParameterizedTest
    @MethodSource("schemaFileNames")
    void everySchemaCompilesIsValidDraft07AndIsDocumented(String fileName) {
        JsonNode node = readJson(SCHEMA_DIR.resolve(fileName));
        assertEquals("http://json-schema.org/draft-07/schema#", node.path("$schema").asText());
        assertEquals("https://kaiten-import.local/schemas/" + fileName, node.path("$id").asText());
        assertFalse(node.path("title").asText().isBlank(), "title");
        assertFalse(node.path("description").asText().isBlank(), "description");

        Schema compiled = REGISTRY.getSchema(node);
        assertNotNull(compiled);
        compiled.initializeValidators(); // resolves every local $ref now rather than lazily

        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        List<Error> metaErrors = metaSchema.validate(node);
        assertTrue(metaErrors.isEmpty(), fileName + " is not a valid draft-07 schema:" + describe(metaErrors));

        List<String> undocumented = new ArrayList<>();
        collectUndocumented(node, "", undocumented);
        assertTrue(undocumented.isEmpty(), fileName + ": properties without description: " + undocumented);

        List<String> refs = new ArrayList<>();
        collectRefs(node, refs);
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/definitions/"), fileName + ": only local refs allowed, got " + ref);
            assertTrue(node.path("definitions").has(ref.substring("#/definitions/".length())), fileName + ": " + ref);
        }
    }

    /**
     * Walks the schema keyword by keyword: every entry of a "properties" map and of "definitions" must carry a
     * description. Inside if/then/else the "properties" only narrow properties documented elsewhere, so they are
     * exempt.
     */
    static void collectUndocumented(JsonNode schema, String at, List<String> out) {
        collectUndocumented(schema, at, out, false);
    }

    static void collectUndocumented(JsonNode schema, String at, List<String> out, boolean narrowing) {
        if (!schema.isObject()) {
            return;
        }
        for (String mapKey : List.of("properties", "definitions")) {
            JsonNode map = schema.get(mapKey);
            if (map != null && map.isObject()) {
                map.fields().forEachRemaining(e -> {
                    String where = at + "/" + mapKey + "/" + e.getKey();
                    if (!narrowing && !e.getValue().hasNonNull("description")) {
                        out.add(where);
                    }
                    collectUndocumented(e.getValue(), where, out, narrowing);
                });
            }
        }
        for (String key : List.of("items", "additionalProperties", "propertyNames", "contains", "not")) {
            JsonNode sub = schema.get(key);
            if (sub != null && sub.isObject()) {
                collectUndocumented(sub, at + "/" + key, out, narrowing);
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode list = schema.get(key);
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    collectUndocumented(list.get(i), at + "/" + key + "/" + i, out, narrowing);
                }
            }
        }
        for (String key : List.of("if", "then", "else")) {
            JsonNode sub = schema.get(key);
            if (sub != null && sub.isObject()) {
                collectUndocumented(sub, at + "/" + key, out, true);
            }
        }
    }

    static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, out));
        }
    }

    // ---------------------------------------------------------------- format assertion and Error API

    @Test
    void formatAssertionIsOnForDateTimeAndEmail() {
        List<Error> errors = validate("boards", """
                {"id": "b1", "title": "Board", "created": "2024-07-22 07:01"}""");
        assertEquals(1, errors.size(), describe(errors));
        assertEquals("format", errors.get(0).getKeyword());
        assertEquals("/created", errors.get(0).getInstanceLocation().toString());

        List<Error> noZone = validate("card_timers", """
                {"id": 1, "author_id": 2, "card_id": 3,
                 "started_at": "2024-07-22T07:01:37", "finished_at": "2024-07-22T08:00:00Z"}""");
        assertTrue(noZone.stream().anyMatch(e -> e.getKeyword().equals("format")), describe(noZone));

        List<Error> email = validate("users", """
                {"id": "u1", "email": "ann at example.com"}""");
        assertTrue(email.stream().anyMatch(e -> e.getKeyword().equals("pattern")), describe(email));
    }

    @Test
    void errorApiExposesKeywordPointerAndMissingProperty() {
        List<Error> errors = validate("files", """
                {"id": "f1", "card_id": "c1", "name": "x.png", "external": true, "external_type": "gdrive"}""");
        assertEquals(1, errors.size(), describe(errors));
        Error e = errors.get(0);
        assertEquals("required", e.getKeyword());
        assertEquals("external_url", e.getProperty());
        assertEquals("", e.getInstanceLocation().toString());
        assertTrue(e.getMessage().contains("external_url"), e.getMessage());

        List<Error> nested = validate("cards", """
                {"id": 1, "column_id": 2, "title": "t",
                 "checklists": [{"name": "c", "items": [{"text": "ok"}, {"checked": true}]}]}""");
        assertEquals(1, nested.size(), describe(nested));
        assertEquals("required", nested.get(0).getKeyword());
        assertEquals("text", nested.get(0).getProperty());
        assertEquals("/checklists/0/items/1", nested.get(0).getInstanceLocation().toString());
    }

    // ---------------------------------------------------------------- valid records

    static Stream<Arguments> validRecords() {
        return Stream.of(
                Arguments.of("meta-data", """
                        {"entities": ["users", "boards", "columns", "cards", "custom_fields", "properties_mapping",
                                      "comments", "files"],
                         "entities_paths_map": {
                           "users": ["./users_0.json"], "boards": ["./boards_0.json"],
                           "columns": ["./columns_0.json"], "cards": ["./cards_0.json", "./cards_1.json"],
                           "custom_fields": ["./custom_fields_0.json"],
                           "properties_mapping": ["./properties_mapping_0.json"],
                           "comments": ["./comments_0.json"], "files": ["./files_0.json"]}}"""),
                Arguments.of("meta-data", """
                        {"entities": ["documents"], "entities_paths_map": {"documents": "documents.json"}}"""),
                Arguments.of("users", """
                        {"id": "u1", "email": "ann.lee@example.com", "full_name": "Ann Lee"}"""),
                Arguments.of("users", """
                        {"id": 42, "email": "bob@mail.example.org"}"""),
                Arguments.of("spaces", """
                        {"id": "starfunc", "title": "StarFunc", "created": "2024-07-22T07:01:37.954Z",
                         "parent_entity_id": null, "sort_order": 1.5, "key": "SF", "last_sequence_number": 12}"""),
                Arguments.of("folders", """
                        {"id": "f1", "title": "Specs", "parent_entity_id": "starfunc", "sort_order": 0}"""),
                Arguments.of("boards", """
                        {"id": "b1", "title": "Development", "author_id": "u1", "created": null, "space_id": "starfunc"}"""),
                Arguments.of("columns", """
                        {"id": "col1", "title": "To do", "board_id": "b1", "type": 1, "sort_order": 1,
                         "created": "2024-07-22T07:01:37Z"}"""),
                Arguments.of("cards", """
                        {"id": "c1", "column_id": "col1", "title": "Minimal card"}"""),
                Arguments.of("cards", """
                        {"id": "1207864637859364", "column_id": "col1", "type_name": "Bug", "title": "Full card",
                         "archived": false, "asap": true, "created": "2024-07-22T07:01:37.954Z",
                         "description": "<body><p>Hi</p></body>", "description_type": "html",
                         "due_date": {"value": "2024-07-26", "time_present": false},
                         "planned_start": {"value": "2024-05-29T16:00:00.000Z", "time_present": true},
                         "planned_end": {"value": "2024-06-01"},
                         "member_ids": ["u1", 42], "parent_card_ids": [], "child_card_ids": null,
                         "blocks_card_ids": ["c2"], "blocked_by_card_ids": ["c3"], "related_card_ids": ["c4"],
                         "owner_id": "u1", "responsible_id": null, "size_text": "XL", "estimate_workload": 3.5,
                         "key": "SF-1",
                         "tags": [{"name": "backend"}],
                         "links": [{"url": "https://app.asana.com/0/1/2", "description": "origin", "created": null},
                                   {"url": 12345}],
                         "checklists": [{"name": "Steps", "items": [
                            {"text": "Write", "sort_order": 1, "checked": true, "created": "2024-07-22T07:01:37Z",
                             "checked_at": "2024-07-23T07:01:37Z", "checked_by": "u1", "created_by": "u1",
                             "due_date": {"value": "2024-07-30", "time_present": false}, "responsible_id": "u1"}]}],
                         "history": [{"type": "card_move", "created": "2024-07-22T07:01:37.954Z", "author_id": "u1",
                                      "old_value": {"column_id": "col0"}, "new_value": {"column_id": "col1"}}],
                         "planned_predecessors": [{"id": "c2", "gap": 2, "gap_type": "days"}],
                         "properties": [{"id": "cf1", "value": ["opt1"]}, {"id": "cf2", "value": 7},
                                        {"id": "cf3", "value": "2024-07-17"}, {"id": "cf4", "value": ["cf4-yes"]},
                                        {"id": "cf5", "value": null}]}"""),
                Arguments.of("comments", """
                        {"id": "m1", "card_id": "c1", "text": "Looks good", "author_id": "u1", "author_name": "Ann",
                         "created": "2024-07-22T07:01:37.954Z", "parent_id": null, "type": "markdown"}"""),
                Arguments.of("custom_fields", """
                        {"id": "cf1", "type": "select", "name": "Priority",
                         "options": [{"id": "o1", "value": "High", "color": 1, "sort_order": 1},
                                     {"id": "o2", "value": "Low", "color": 17, "name": "low", "sort_order": 2.5}]}"""),
                Arguments.of("custom_fields", """
                        {"id": 7, "type": "catalog", "name": "Client",
                         "catalog_fields": [{"id": "n", "name": "Name", "required": true, "sort_order": 1}]}"""),
                Arguments.of("custom_fields", """
                        {"id": "cf9", "type": "vote", "name": "Rating", "vote_variant": "rating",
                         "data": {"count": 5, "emoji": "star"}}"""),
                Arguments.of("files", """
                        {"id": "1207301518919130", "card_id": "1207254524924719", "name": "shot.png", "size": 505397,
                         "created": "2024-05-13T14:18:48.648Z", "external": false, "path": "./images/some-fun-image.png"}"""),
                Arguments.of("files", """
                        {"id": "f2", "card_id": "c1", "name": "Spec", "external": true, "external_type": "gdrive",
                         "external_url": "https://drive.google.com/file/d/abc", "author_id": "u1", "custom_field_id": null}"""),
                Arguments.of("card_timers", """
                        {"id": "t1", "author_id": "u1", "card_id": "c1", "started_at": "2024-07-22T07:00:00Z",
                         "finished_at": "2024-07-22T08:30:00.000+03:00", "comment": "review"}"""),
                Arguments.of("documents", """
                        {"id": "d1", "title": "Handbook", "parent_entity_id": "f1", "path": "./documents/d1.md",
                         "sort_order": 0, "type": "markdown", "created": null}"""),
                Arguments.of("document_files", """
                        {"id": "df1", "document_id": "d1", "path": "./documents/files/logo.png", "name": "logo.png"}"""),
                Arguments.of("properties_mapping", """
                        {"1207864637859350": 14, "cf2": 15}"""),
                Arguments.of("properties_mapping", "{}"),
                Arguments.of("columns_mapping", """
                        {"col1": 101, "col2": 102}"""));
    }

    @Test
    void everyEntityHasAtLeastOneValidExample() {
        Set<String> covered = validRecords().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        for (String entity : ENTITIES) {
            assertTrue(covered.contains(entity), "no valid example for " + entity);
        }
        assertTrue(covered.contains("meta-data"));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("validRecords")
    void validRecordPasses(String schemaName, String json) {
        List<Error> errors = validate(schemaName, json);
        assertTrue(errors.isEmpty(), schemaName + " rejected a valid record:" + describe(errors));
    }

    // ---------------------------------------------------------------- invalid records

    static final String LONG_129 = "x".repeat(129);
    static final String LONG_1025 = "x".repeat(1025);
    static final String LONG_4097 = "x".repeat(4097);

    /** schema, label, record, expected keyword, expected instance location (JSON pointer), expected property or null. */
    static Arguments bad(String schema, String label, String json, String keyword, String pointer, String property) {
        return Arguments.of(schema, label, json, keyword, pointer, property);
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                bad("meta-data", "entities_paths_map missing", """
                        {"entities": ["cards"]}""", "required", "", "entities_paths_map"),
                bad("meta-data", "singular entity name", """
                        {"entities": ["card"], "entities_paths_map": {"card": ["./card.json"]}}""",
                        "enum", "/entities/0", null),
                bad("meta-data", "listed entity without a path", """
                        {"entities": ["boards", "columns"], "entities_paths_map": {"boards": ["./boards_0.json"]}}""",
                        "required", "/entities_paths_map", "columns"),
                bad("meta-data", "path not ./-relative", """
                        {"entities": ["cards"], "entities_paths_map": {"cards": ["/tmp/cards.json"]}}""",
                        "pattern", "/entities_paths_map/cards/0", null),
                bad("meta-data", "empty path array", """
                        {"entities": ["cards"], "entities_paths_map": {"cards": []}}""",
                        "minItems", "/entities_paths_map/cards", null),
                bad("meta-data", "unknown top-level field", """
                        {"entities": ["cards"], "entities_paths_map": {"cards": ["./c.json"]}, "version": 1}""",
                        "additionalProperties", "", "version"),

                bad("users", "email missing", """
                        {"id": "u1", "full_name": "Ann"}""", "required", "", "email"),
                bad("users", "email without @", """
                        {"id": "u1", "email": "ann.example.com"}""", "pattern", "/email", null),
                bad("users", "email without tld", """
                        {"id": "u1", "email": "ann@localhost"}""", "pattern", "/email", null),
                bad("users", "unknown field username", """
                        {"id": "u1", "email": "ann@example.com", "username": "ann"}""",
                        "additionalProperties", "", "username"),

                bad("spaces", "empty title", """
                        {"id": "s1", "title": ""}""", "minLength", "/title", null),
                bad("spaces", "negative sort_order", """
                        {"id": "s1", "title": "S", "sort_order": -1}""", "minimum", "/sort_order", null),
                bad("spaces", "fractional last_sequence_number", """
                        {"id": "s1", "title": "S", "last_sequence_number": 1.5}""",
                        "type", "/last_sequence_number", null),

                bad("folders", "boolean id", """
                        {"id": true, "title": "F"}""", "type", "/id", null),
                bad("folders", "created not a date-time", """
                        {"id": "f1", "title": "F", "created": "yesterday"}""", "format", "/created", null),

                bad("boards", "title too long", "{\"id\": \"b1\", \"title\": \"" + LONG_129 + "\"}",
                        "maxLength", "/title", null),
                bad("boards", "title missing", """
                        {"id": "b1"}""", "required", "", "title"),
                bad("boards", "empty string id", """
                        {"id": "", "title": "B"}""", "minLength", "/id", null),

                bad("columns", "type 4", """
                        {"id": "c", "title": "T", "board_id": "b1", "type": 4}""", "enum", "/type", null),
                bad("columns", "board_id missing", """
                        {"id": "c", "title": "T"}""", "required", "", "board_id"),
                bad("columns", "sort_order as string", """
                        {"id": "c", "title": "T", "board_id": "b1", "sort_order": "1"}""",
                        "type", "/sort_order", null),

                bad("cards", "title 1025 chars",
                        "{\"id\": 1, \"column_id\": 2, \"title\": \"" + LONG_1025 + "\"}", "maxLength", "/title", null),
                bad("cards", "history type card_tag_add", """
                        {"id": 1, "column_id": 2, "title": "t",
                         "history": [{"type": "card_tag_add", "created": "2024-07-22T07:01:37Z"}]}""",
                        "enum", "/history/0/type", null),
                bad("cards", "due_date not a date", """
                        {"id": 1, "column_id": 2, "title": "t", "due_date": {"value": "26.07.2024"}}""",
                        "format", "/due_date/value", null), // anyOf [date, date-time]: both branch errors surface
                bad("cards", "due_date as plain string", """
                        {"id": 1, "column_id": 2, "title": "t", "due_date": "2024-07-26"}""",
                        "type", "/due_date", null),
                bad("cards", "duplicate member ids", """
                        {"id": 1, "column_id": 2, "title": "t", "member_ids": ["u1", "u1"]}""",
                        "uniqueItems", "/member_ids", null),
                bad("cards", "description_type text", """
                        {"id": 1, "column_id": 2, "title": "t", "description_type": "text"}""",
                        "enum", "/description_type", null),
                bad("cards", "unknown field lane_id", """
                        {"id": 1, "column_id": 2, "title": "t", "lane_id": 3}""",
                        "additionalProperties", "", "lane_id"),
                bad("cards", "tag name too long",
                        "{\"id\": 1, \"column_id\": 2, \"title\": \"t\", \"tags\": [{\"name\": \"" + LONG_129 + "\"}]}",
                        "maxLength", "/tags/0/name", null),
                bad("cards", "property without value", """
                        {"id": 1, "column_id": 2, "title": "t", "properties": [{"id": "cf1"}]}""",
                        "required", "/properties/0", "value"),
                bad("cards", "boolean property value (checkbox: not in the official 2024 schema, issue 14)", """
                        {"id": 1, "column_id": 2, "title": "t", "properties": [{"id": "cf1", "value": true}]}""",
                        "type", "/properties/0/value", null),

                bad("comments", "text 4097 chars",
                        "{\"id\": 1, \"card_id\": 2, \"text\": \"" + LONG_4097 + "\"}", "maxLength", "/text", null),
                bad("comments", "empty text", """
                        {"id": 1, "card_id": 2, "text": ""}""", "minLength", "/text", null),
                bad("comments", "type plain", """
                        {"id": 1, "card_id": 2, "text": "hi", "type": "plain"}""", "enum", "/type", null),
                bad("comments", "card_id missing", """
                        {"id": 1, "text": "hi"}""", "required", "", "card_id"),

                bad("custom_fields", "checkbox type (not an import type: written as a select, issue 14)", """
                        {"id": "cf1", "type": "checkbox", "name": "Done"}""", "enum", "/type", null),
                bad("custom_fields", "url type (not an import type: written as string, issue 14)", """
                        {"id": "cf1", "type": "url", "name": "Spec"}""", "enum", "/type", null),
                bad("custom_fields", "select without options", """
                        {"id": "cf1", "type": "select", "name": "Priority"}""", "required", "", "options"),
                bad("custom_fields", "multi_select with empty options", """
                        {"id": "cf1", "type": "multi_select", "name": "Labels", "options": []}""",
                        "minItems", "/options", null),
                bad("custom_fields", "colour 18", """
                        {"id": "cf1", "type": "select", "name": "P", "options": [{"id": "o", "value": "v", "color": 18}]}""",
                        "maximum", "/options/0/color", null),
                bad("custom_fields", "type text", """
                        {"id": "cf1", "type": "text", "name": "Notes"}""", "enum", "/type", null),

                bad("files", "external without external_url", """
                        {"id": "f1", "card_id": "c1", "name": "doc", "external": true, "external_type": "dropbox"}""",
                        "required", "", "external_url"),
                bad("files", "external_type box", """
                        {"id": "f1", "card_id": "c1", "name": "doc", "external": true, "external_type": "box",
                         "external_url": "https://box.com/x"}""", "enum", "/external_type", null),
                bad("files", "path escaping the package", """
                        {"id": "f1", "card_id": "c1", "name": "p", "path": "./files/../../etc/passwd"}""",
                        "pattern", "/path", null),
                bad("files", "integer id", """
                        {"id": 5, "card_id": "c1", "name": "p"}""", "type", "/id", null),
                bad("files", "negative size", """
                        {"id": "f1", "card_id": "c1", "name": "p", "size": -1}""", "minimum", "/size", null),

                bad("card_timers", "finished_at missing", """
                        {"id": 1, "author_id": 2, "card_id": 3, "started_at": "2024-07-22T07:00:00Z"}""",
                        "required", "", "finished_at"),
                bad("card_timers", "month 13", """
                        {"id": 1, "author_id": 2, "card_id": 3, "started_at": "2024-13-01T07:00:00Z",
                         "finished_at": "2024-07-22T07:00:00Z"}""", "format", "/started_at", null),
                bad("card_timers", "null started_at", """
                        {"id": 1, "author_id": 2, "card_id": 3, "started_at": null,
                         "finished_at": "2024-07-22T07:00:00Z"}""", "type", "/started_at", null),

                bad("documents", "type pdf", """
                        {"id": "d1", "title": "D", "type": "pdf"}""", "enum", "/type", null),
                bad("documents", "title missing", """
                        {"id": "d1"}""", "required", "", "title"),
                bad("documents", "path without ./", """
                        {"id": "d1", "title": "D", "path": "docs/d1.md"}""", "pattern", "/path", null),

                bad("document_files", "absolute path", """
                        {"id": "x", "document_id": "d1", "path": "/abs/file.png"}""", "pattern", "/path", null),
                bad("document_files", "document_id missing", """
                        {"id": "x", "path": "./a.png"}""", "required", "", "document_id"),

                bad("properties_mapping", "kaiten id 0", """
                        {"cf1": 0}""", "minimum", "/cf1", null),
                bad("properties_mapping", "kaiten id as string", """
                        {"cf1": "15"}""", "type", "/cf1", null),
                bad("properties_mapping", "empty external id", """
                        {"": 15}""", "propertyNames", "", ""),
                bad("properties_mapping", "array form of 2024", """
                        [{"cf1": 15}]""", "type", "", null),

                bad("columns_mapping", "fractional kaiten id", """
                        {"col1": 1.5}""", "type", "/col1", null),
                bad("columns_mapping", "negative kaiten id", """
                        {"col1": -3}""", "minimum", "/col1", null));
    }

    @Test
    void everyEntityHasInvalidExamples() {
        Map<String, Long> counts = invalidRecords().collect(
                Collectors.groupingBy(a -> (String) a.get()[0], Collectors.counting()));
        for (String entity : ENTITIES) {
            assertTrue(counts.getOrDefault(entity, 0L) >= 2, "fewer than 2 invalid examples for " + entity);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRecords")
    void invalidRecordFailsWithExpectedKeyword(String schemaName, String label, String json, String keyword,
                                               String pointer, String property) {
        List<Error> errors = validate(schemaName, json);
        if (errors.isEmpty()) {
            fail(schemaName + " accepted an invalid record (" + label + ")");
        }
        boolean found = errors.stream().anyMatch(e -> keyword.equals(e.getKeyword())
                && (pointer == null || pointer.equals(e.getInstanceLocation().toString()))
                && (property == null || property.equals(e.getProperty())));
        assertTrue(found, "expected " + keyword + " at '" + pointer + "'" + (property == null ? "" : " for " + property)
                + ", got:" + describe(errors));
    }
}
