package io.kaitenimport.validate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds packages for tests from JSON strings: entity files named {@code <entity>_0.json}, a meta-data.json
 * generated from them unless one is given, and any extra files. Writes a directory or a zip.
 */
final class TestPackage {
    private final Map<String, JsonNode> entities = new LinkedHashMap<>();
    private final Map<String, byte[]> extra = new LinkedHashMap<>();
    private String meta;

    static TestPackage empty() {
        return new TestPackage();
    }

    /** A small package that uses every entity and every kind of reference, and is valid. */
    static TestPackage valid() {
        return new TestPackage()
                .entity("users", """
                        [{"id": "u1", "email": "ann@example.com", "full_name": "Ann"},
                         {"id": 2, "email": "bob@example.com"}]""")
                .entity("spaces", """
                        [{"id": "s1", "title": "Space", "created": "2024-07-22T07:01:37.954Z"}]""")
                .entity("folders", """
                        [{"id": "f1", "title": "Folder", "parent_entity_id": "s1"}]""")
                .entity("boards", """
                        [{"id": "b1", "title": "Board", "author_id": "u1", "space_id": "s1", "created": null}]""")
                .entity("columns", """
                        [{"id": "c1", "title": "To do", "board_id": "b1", "type": 1, "sort_order": 1},
                         {"id": "c2", "title": "Done", "board_id": "b1", "type": 3}]""")
                .entity("custom_fields", """
                        [{"id": "cf1", "type": "select", "name": "Priority",
                          "options": [{"id": "o1", "value": "High", "color": 1}, {"id": "o2", "value": "Low"}]},
                         {"id": "cf2", "type": "number", "name": "Points"},
                         {"id": "cf3", "type": "user", "name": "Reviewer"}]""")
                .entity("cards", """
                        [{"id": "k1", "column_id": "c1", "title": "Parent", "owner_id": "u1", "responsible_id": "2",
                          "member_ids": ["u1", 2], "child_card_ids": ["k2"], "blocks_card_ids": ["k2"],
                          "description": "Hi", "description_type": "markdown",
                          "due_date": {"value": "2024-07-26", "time_present": false},
                          "properties": [{"id": "cf1", "value": ["o1"]}, {"id": "cf2", "value": 3},
                                         {"id": "cf3", "value": ["2"]}, {"id": "pm1", "value": "anything"}],
                          "checklists": [{"name": "Todo", "items": [{"text": "a", "checked": true,
                             "checked_by": "u1", "created_by": 2, "responsible_id": "u1"}]}],
                          "history": [{"type": "card_move", "created": "2024-07-22T07:01:37.954Z", "author_id": "u1",
                             "old_value": {"column_id": "c1"}, "new_value": {"column_id": "c2"}}],
                          "tags": [{"name": "t"}], "links": [{"url": "https://example.com"}],
                          "created": "2024-07-22T07:01:37.954Z"},
                         {"id": "k2", "column_id": "kc9", "title": "Child", "parent_card_ids": ["k1"],
                          "blocked_by_card_ids": ["k1"], "related_card_ids": ["k1"],
                          "planned_predecessors": [{"id": "k1", "gap": 1}]}]""")
                .entity("comments", """
                        [{"id": "m1", "card_id": "k1", "text": "hello", "author_id": "u1",
                          "created": "2024-07-22T07:01:37.954Z"},
                         {"id": "m2", "card_id": "k1", "text": "reply", "parent_id": "m1", "author_id": 2}]""")
                .entity("files", """
                        [{"id": "a1", "card_id": "k1", "name": "shot.png", "author_id": "u1", "size": 3,
                          "path": "./files/a1/shot.png", "custom_field_id": "cf1"},
                         {"id": "a2", "card_id": "k2", "name": "Drive", "external": true, "external_type": "gdrive",
                          "external_url": "https://drive.google.com/x"}]""")
                .entity("card_timers", """
                        [{"id": "t1", "author_id": "u1", "card_id": "k1", "started_at": "2024-07-22T07:00:00.000Z",
                          "finished_at": "2024-07-22T08:00:00.000Z", "comment": "work"}]""")
                .entity("documents", """
                        [{"id": "d1", "title": "Doc", "parent_entity_id": "f1", "type": "markdown",
                          "path": "./documents/d1/Doc.md"}]""")
                .entity("document_files", """
                        [{"id": "df1", "document_id": "d1", "path": "./files/df1/spec.pdf", "name": "spec.pdf"}]""")
                .entity("properties_mapping", """
                        {"pm1": 14}""")
                .entity("columns_mapping", """
                        {"kc9": 7}""")
                .file("files/a1/shot.png", "png")
                .file("files/df1/spec.pdf", "pdf")
                .file("documents/d1/Doc.md", "# Doc\n");
    }

    /** Adds or replaces an entity file {@code <entity>_0.json}. */
    TestPackage entity(String entity, String json) {
        try {
            entities.put(entity, Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestPackage without(String entity) {
        entities.remove(entity);
        return this;
    }

    /** Sets {@code field} (a JSON pointer, parents must exist) of record {@code index} to a JSON value. */
    TestPackage set(String entity, int index, String pointer, String json) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = record(entity, index).at(p.head());
        try {
            JsonNode value = Json.MAPPER.readTree(json);
            if (parent instanceof ObjectNode o) {
                o.set(p.last().getMatchingProperty(), value);
            } else if (parent instanceof ArrayNode a) {
                int i = p.last().getMatchingIndex();
                if (i < a.size()) {
                    a.set(i, value);
                } else {
                    a.add(value);
                }
            } else {
                throw new IllegalArgumentException("no parent for " + pointer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestPackage remove(String entity, int index, String field) {
        ((ObjectNode) record(entity, index)).remove(field);
        return this;
    }

    /** Appends a record to an entity's array. */
    TestPackage add(String entity, String json) {
        try {
            ((ArrayNode) entities.get(entity)).add(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private JsonNode record(String entity, int index) {
        JsonNode file = entities.get(entity);
        return index < 0 ? file : file.get(index);
    }

    TestPackage meta(String json) {
        this.meta = json;
        return this;
    }

    TestPackage file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestPackage file(String name, byte[] content) {
        extra.put(name, content);
        return this;
    }

    /** The name each entity file gets. */
    static String fileOf(String entity) {
        return entity + "_0.json";
    }

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        if (meta != null) {
            all.put("meta-data.json", meta.getBytes(StandardCharsets.UTF_8));
        } else {
            ObjectNode m = Json.MAPPER.createObjectNode();
            ArrayNode list = m.putArray("entities");
            ObjectNode paths = m.putObject("entities_paths_map");
            for (String e : entities.keySet()) {
                list.add(e);
                paths.putArray(e).add("./" + fileOf(e));
            }
            all.put("meta-data.json", Json.MAPPER.writeValueAsBytes(m));
        }
        for (Map.Entry<String, JsonNode> e : entities.entrySet()) {
            all.put(fileOf(e.getKey()), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(e.getValue()));
        }
        all.putAll(extra);
        return all;
    }

    Path writeDir(Path dir) {
        try {
            for (Map.Entry<String, byte[]> f : contents().entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes only the extra files over an existing package directory (to plant a broken file). */
    void writeDirInto(Path dir) {
        try {
            for (Map.Entry<String, byte[]> f : extra.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path writeZip(Path zip) {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> f : contents().entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(f.getKey());
                out.putArchiveEntry(entry);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
            out.finish();
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
