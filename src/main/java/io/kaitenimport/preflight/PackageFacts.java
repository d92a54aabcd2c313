package io.kaitenimport.preflight;

import io.kaitenimport.source.FieldTypes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.PackageException;
import io.kaitenimport.validate.PackageReader;
import io.kaitenimport.validate.ZipLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pre-flight needs from a package: its users, custom fields, columns, boards, spaces, mapping entries,
 * and the distinct card type names and tags (cards are streamed; memory holds names, not cards).
 *
 * @param files       per entity, the package files meta-data.json lists (normalized names, listing order)
 * @param typeNames   card type_name → number of cards
 * @param tags        tag name → number of cards
 * @param mappings    entries already in properties_mapping / columns_mapping
 */
public record PackageFacts(Map<Entity, List<String>> files, List<Rec<UserRow>> users, List<Rec<FieldRow>> fields,
                           List<Rec<ColumnRow>> columns, List<Rec<BoardRow>> boards, List<Rec<SpaceRow>> spaces,
                           Map<String, Long> typeNames, Map<String, Long> tags,
                           Map<Entity, Map<String, Long>> mappings) {

    /** A record with its place in the package, for issue locations. */
    public record Rec<T>(T value, String file, long index) {
        public Location at(String id) {
            return Location.record(file, index, id, null);
        }
    }

    public record UserRow(String id, String email, String fullName) {
    }

    /**
     * @param convertedCheckbox a source checkbox as the converter writes it ({@link FieldTypes}): a select whose one
     *                          option has the id {@link FieldTypes#yesOption} derives from the field's id
     */
    public record FieldRow(String id, String type, String name, List<String> options, boolean convertedCheckbox) {
    }

    public record ColumnRow(String id, String title, String boardId, Integer type) {
    }

    public record BoardRow(String id, String title, String spaceId) {
    }

    public record SpaceRow(String id, String title, String key) {
    }

    public static PackageFacts read(Path pkg) {
        try (PackageReader reader = PackageReader.open(pkg, ZipLimits.DEFAULT)) {
            return read(reader);
        } catch (PackageException e) {
            throw new SourceException(e.issue().location(), e.issue().message());
        } catch (IOException e) {
            throw new SourceException(Location.file(pkg.toString()), "cannot read package: " + e.getMessage());
        }
    }

    static PackageFacts read(PackageReader reader) throws IOException {
        String meta = io.kaitenimport.emit.PackageWriter.META;
        if (!reader.exists(meta)) {
            throw new SourceException(Location.file(meta), "not found at the package root: is this a package?");
        }
        JsonNode m = tree(reader, meta);
        Map<Entity, List<String>> files = new EnumMap<>(Entity.class);
        Iterator<Map.Entry<String, JsonNode>> it = m.path("entities_paths_map").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Entity entity = Entity.byKey(e.getKey()).orElse(null);
            if (entity == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            JsonNode paths = e.getValue().isArray() ? e.getValue() : Json.MAPPER.createArrayNode().add(e.getValue());
            for (JsonNode p : paths) {
                String n = p.asText().startsWith("./") ? p.asText().substring(2) : p.asText();
                if (reader.exists(n)) {
                    names.add(n);
                }
            }
            files.put(entity, names);
        }
        List<Rec<UserRow>> users = new ArrayList<>();
        List<Rec<FieldRow>> fields = new ArrayList<>();
        List<Rec<ColumnRow>> columns = new ArrayList<>();
        List<Rec<BoardRow>> boards = new ArrayList<>();
        List<Rec<SpaceRow>> spaces = new ArrayList<>();
        Map<String, Long> typeNames = new TreeMap<>();
        Map<String, Long> tags = new TreeMap<>();
        Map<Entity, Map<String, Long>> mappings = new EnumMap<>(Entity.class);
        for (Map.Entry<Entity, List<String>> e : files.entrySet()) {
            for (String name : e.getValue()) {
                Entity entity = e.getKey();
                if (entity.isMapping()) {
                    JsonNode obj = tree(reader, name);
                    Map<String, Long> map = mappings.computeIfAbsent(entity, x -> new TreeMap<>());
                    obj.fields().forEachRemaining(f -> {
                        if (f.getValue().canConvertToLong()) {
                            map.put(f.getKey(), f.getValue().asLong());
                        }
                    });
                    continue;
                }
                if (!List.of(Entity.USERS, Entity.CUSTOM_FIELDS, Entity.COLUMNS, Entity.BOARDS, Entity.SPACES,
                        Entity.CARDS).contains(entity)) {
                    continue;
                }
                eachRecord(reader, name, (r, i) -> {
                    switch (entity) {
                        case USERS -> users.add(new Rec<>(new UserRow(id(r), text(r, "email"),
                                text(r, "full_name")), name, i));
                        case CUSTOM_FIELDS -> {
                            List<String> options = new ArrayList<>();
                            r.path("options").forEach(o -> {
                                if (o.hasNonNull("value")) {
                                    options.add(o.get("value").asText());
                                }
                            });
                            JsonNode all = r.path("options");
                            boolean checkbox = "select".equals(text(r, "type")) && all.size() == 1 && id(r) != null
                                    && FieldTypes.yesOption(id(r)).equals(text(all.get(0), "id"));
                            fields.add(new Rec<>(new FieldRow(id(r), text(r, "type"), text(r, "name"), options,
                                    checkbox), name, i));
                        }
                        case COLUMNS -> columns.add(new Rec<>(new ColumnRow(id(r), text(r, "title"),
                                text(r, "board_id"), r.path("type").canConvertToInt() ? r.get("type").asInt() : null),
                                name, i));
                        case BOARDS -> boards.add(new Rec<>(new BoardRow(id(r), text(r, "title"),
                                text(r, "space_id")), name, i));
                        case SPACES -> spaces.add(new Rec<>(new SpaceRow(id(r), text(r, "title"), text(r, "key")),
                                name, i));
                        case CARDS -> {
                            String type = text(r, "type_name");
                            if (type != null) {
                                typeNames.merge(type, 1L, Long::sum);
                            }
                            java.util.Set<String> seen = new java.util.HashSet<>();
                            for (JsonNode t : r.path("tags")) {
                                String tag = t.isTextual() ? t.asText() : text(t, "name");
                                if (tag != null && seen.add(tag)) {
                                    tags.merge(tag, 1L, Long::sum);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                });
            }
        }
        return new PackageFacts(files, users, fields, columns, boards, spaces, typeNames, tags, mappings);
    }

    private interface RecordVisitor {
        void visit(JsonNode record, long index);
    }

    /** Streams the records of one entity file; a file that is not an array of objects is left to the validator. */
    private static void eachRecord(PackageReader reader, String name, RecordVisitor visitor) throws IOException {
        try (InputStream in = reader.open(name); JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            long i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                JsonNode r = Json.MAPPER.readTree(p);
                if (r != null && r.isObject()) {
                    visitor.visit(r, i);
                }
                i++;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SourceException(Location.file(name).withLine((long) e.getLocation().getLineNr(),
                    (long) e.getLocation().getColumnNr()), "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode tree(PackageReader reader, String name) throws IOException {
        try (InputStream in = reader.open(name)) {
            return Json.MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SourceException(Location.file(name).withLine((long) e.getLocation().getLineNr(),
                    (long) e.getLocation().getColumnNr()), "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String id(JsonNode r) {
        JsonNode v = r.get("id");
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
