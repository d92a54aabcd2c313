package io.kaitenimport.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads YAML mapping files into records. Every mistake in a user's file is one line at the line and column where
 * it was written, in our words (never a Java type name), with "did you mean" for misspelt keys and words; values
 * with a fixed range (column types, colours, custom field types) are checked at their line before anything runs.
 */
public final class MappingLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // `title: Name` means the list [Name]; people write one header without brackets.
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private MappingLoader() {
    }

    /**
     * The bundled {@code mappings/<defaultName>} from the jar, overridden key by key by the user's file when given:
     * maps (such as {@code fields} or {@code columns}) merge, {@code custom_fields} merge by header, other lists
     * and scalars replace. So a user file only needs the keys it changes. The user's file is first read and
     * checked on its own, so every mistake is reported at its line.
     */
    public static <T> T load(Path userFile, String defaultName, Class<T> type) {
        String resource = "mappings/" + defaultName;
        JsonNode base;
        try (InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled mapping " + resource + " missing from the jar");
            }
            base = YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + resource, e);
        }
        if (userFile == null) {
            return convert(base, resource, type, null);
        }
        if (!Files.isRegularFile(userFile)) {
            throw new SourceException(Location.file(userFile.toString()), "mapping file not found");
        }
        String name = userFile.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(userFile);
        } catch (IOException e) {
            throw new SourceException(Location.file(name), "cannot read mapping: " + MappingErrors.reason(e), e);
        }
        Checked checked = check(content, name, type);
        JsonNode user = checked.tree();
        YamlPositions positions = checked.positions();
        return convert(merge(base, user), name, type, positions);
    }

    /** A header name written in a mapping file, and where. */
    public record WrittenHeader(String header, Location at) {
    }

    /**
     * The header names a user's tabular mapping file names (under {@code fields} and {@code custom_fields}), with
     * their positions, so a header the export does not have can be reported where it was written.
     */
    public static List<WrittenHeader> writtenHeaders(Path userFile) {
        List<WrittenHeader> out = new ArrayList<>();
        if (userFile == null || !Files.isRegularFile(userFile)) {
            return out;
        }
        try {
            byte[] content = Files.readAllBytes(userFile);
            YamlPositions positions = YamlPositions.of(content);
            JsonNode user = YAML.readTree(content);
            String name = userFile.toString();
            user.path("fields").fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                String base = "/fields/" + YamlPositions.escape(f.getKey());
                if (v.isTextual()) {
                    out.add(new WrittenHeader(v.asText(), here(name, positions, base)));
                }
                for (int i = 0; v.isArray() && i < v.size(); i++) {
                    out.add(new WrittenHeader(v.get(i).asText(), here(name, positions, base + "/" + i)));
                }
            });
            JsonNode custom = user.path("custom_fields");
            for (int i = 0; custom.isArray() && i < custom.size(); i++) {
                String h = custom.get(i).path("header").asText("");
                if (!h.isBlank()) {
                    out.add(new WrittenHeader(h, here(name, positions, "/custom_fields/" + i + "/header")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the file was loaded before; a second read failing only loses the warnings
        }
        return out;
    }

    private static Location here(String name, YamlPositions positions, String pointer) {
        long[] p = positions.value(pointer);
        return p == null ? Location.file(name) : Location.file(name).withLine(p[0], p[1]);
    }

    /** A user's file read on its own, checked, with the positions of its keys and values. */
    private record Checked(JsonNode tree, YamlPositions positions, Object value) {
    }

    private static Checked check(byte[] content, String name, Class<?> type) {
        YamlPositions positions;
        JsonNode user;
        try {
            positions = YamlPositions.of(content);
            user = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            throw new SourceException(at(name, e.getLocation()), "not valid YAML: " + yamlReason(e));
        } catch (IOException e) {
            throw new SourceException(Location.file(name), "cannot read mapping: " + MappingErrors.reason(e), e);
        }
        if (user == null || user.isMissingNode() || user.isNull()) {
            throw new SourceException(Location.file(name), "mapping file is empty");
        }
        if (!user.isObject()) {
            throw new SourceException(Location.file(name).withLine(1L, 1L),
                    "a mapping file is a set of 'key: value' lines, not a single value or a list");
        }
        MappingRules.check(user, name, positions);
        return new Checked(user, positions, convert(user, name, type, positions));
    }

    /** One mapping document on its own (no bundled default under it), checked like a user's file. */
    static <T> T parse(InputStream in, String name, Class<T> type) throws IOException {
        return type.cast(check(in.readAllBytes(), name, type).value());
    }

    /**
     * Objects merge recursively (the override wins per key); {@code custom_fields} lists merge by header (an entry
     * with the header of a default replaces it, new ones follow); anything else is replaced by the override.
     */
    static JsonNode merge(JsonNode base, JsonNode override) {
        if (base instanceof ObjectNode b && override instanceof ObjectNode o) {
            ObjectNode out = b.deepCopy();
            o.fields().forEachRemaining(e -> out.set(e.getKey(), e.getKey().equals("custom_fields")
                    ? mergeByHeader(out.get(e.getKey()), e.getValue()) : merge(out.get(e.getKey()), e.getValue())));
            return out;
        }
        return override == null || override.isMissingNode() ? base : override;
    }

    private static JsonNode mergeByHeader(JsonNode base, JsonNode override) {
        if (!(base instanceof ArrayNode b) || !(override instanceof ArrayNode o)) {
            return merge(base, override);
        }
        ArrayNode out = b.deepCopy();
        for (JsonNode entry : o) {
            String header = entry.path("header").asText("").strip().toLowerCase(Locale.ROOT);
            int same = -1;
            for (int i = 0; i < out.size() && !header.isEmpty(); i++) {
                if (out.get(i).path("header").asText("").strip().toLowerCase(Locale.ROOT).equals(header)) {
                    same = i;
                    break;
                }
            }
            if (same >= 0) {
                out.set(same, entry);
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    private static <T> T convert(JsonNode tree, String name, Class<T> type, YamlPositions positions) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw MappingErrors.translate(e, name, positions);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Location.file(name), e.getMessage());
        }
    }

    /** The first line of the YAML parser's message, without its "in 'reader'" context lines. */
    private static String yamlReason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    static Location at(String name, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return Location.file(name);
        }
        return Location.file(name).withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
    }

    /** Jackson's errors in our words, at the position of the key the user wrote. */
    static final class MappingErrors {
        private MappingErrors() {
        }

        static SourceException translate(JsonProcessingException e, String name, YamlPositions positions) {
            String pointer = e instanceof JsonMappingException m ? pointer(m.getPath()) : "";
            boolean wrapped = false;
            if (positions != null && pointer.matches(".*/[0-9]+") && !positions.has(pointer)) {
                // A single value taken as a list of one: the problem is the value itself, not item 0.
                pointer = pointer.substring(0, pointer.lastIndexOf('/'));
                wrapped = true;
            }
            String key = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
            Location where = locate(name, pointer, positions, e.getLocation());
            String message;
            if (e instanceof UnrecognizedPropertyException u) {
                List<String> known = new ArrayList<>(new TreeSet<>(strings(u.getKnownPropertyIds())));
                String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
                message = "unknown key '" + u.getPropertyName() + "'" + (parent.isEmpty() ? "" : " under " + parent)
                        + Suggest.didYouMean(u.getPropertyName(), known) + "; known keys here: " + String.join(", ", known);
            } else if (e instanceof InvalidFormatException f) {
                message = key + ": '" + f.getValue() + "' is not " + expected(f.getTargetType())
                        + (f.getTargetType().isEnum() ? Suggest.didYouMean(String.valueOf(f.getValue()),
                        enumWords(f.getTargetType())) : "");
            } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
                message = (key.isEmpty() ? "" : key + ": ") + v.getCause().getMessage();
            } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
                message = key + ": expected " + (wrapped ? "a list (e.g. [A, B])" : expected(m.getTargetType()))
                        + ", found " + found(m.getOriginalMessage());
            } else {
                String m = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage();
                message = (key.isEmpty() ? "" : key + ": ") + m.lines().findFirst().orElse(m);
            }
            return new SourceException(where, message);
        }

        static String reason(IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }

        private static Location locate(String name, String pointer, YamlPositions positions, JsonLocation fallback) {
            long[] p = positions == null ? null : positions.find(pointer);
            if (p != null) {
                return Location.file(name).withLine(p[0], p[1]);
            }
            return positions == null ? Location.file(name) : at(name, fallback);
        }

        private static String pointer(List<JsonMappingException.Reference> path) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : path) {
                if (r.getFieldName() != null) {
                    sb.append('/').append(YamlPositions.escape(r.getFieldName()));
                } else if (r.getIndex() >= 0) {
                    sb.append('/').append(r.getIndex());
                }
            }
            return sb.toString();
        }

        private static String expected(Class<?> t) {
            if (Collection.class.isAssignableFrom(t) || t.isArray()) {
                return "a list (e.g. [A, B])";
            }
            if (Map.class.isAssignableFrom(t) || t.isRecord()) {
                return "a set of 'key: value' lines";
            }
            if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
                return "a whole number";
            }
            if (t == Double.class || t == double.class) {
                return "a number";
            }
            if (t == Boolean.class || t == boolean.class) {
                return "true or false";
            }
            if (t.isEnum()) {
                return "one of " + String.join(", ", enumWords(t));
            }
            return "a text";
        }

        private static List<String> enumWords(Class<?> t) {
            List<String> out = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                out.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return out;
        }

        private static String found(String jacksonMessage) {
            String m = jacksonMessage == null ? "" : jacksonMessage;
            if (m.contains("START_OBJECT")) {
                return "a set of 'key: value' lines";
            }
            if (m.contains("START_ARRAY")) {
                return "a list";
            }
            if (m.contains("VALUE_NUMBER")) {
                return "a number";
            }
            if (m.contains("VALUE_TRUE") || m.contains("VALUE_FALSE")) {
                return "true/false";
            }
            if (m.contains("VALUE_NULL")) {
                return "nothing";
            }
            return "a text";
        }

        private static List<String> strings(Collection<Object> ids) {
            List<String> out = new ArrayList<>();
            ids.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }
    }
}
