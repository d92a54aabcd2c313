package io.kaitenimport.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads YAML mapping files into records. A typo in a key is an error naming the file, line and key, never a
 * silently ignored setting.
 */
public final class MappingLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private MappingLoader() {
    }

    /**
     * The bundled {@code mappings/<defaultName>} from the jar, overridden key by key by the user's file when given:
     * maps (such as {@code fields} or {@code columns}) merge, lists and scalars replace. So a user file only needs
     * the keys it changes. The user's file is first read on its own, so a misspelt key is reported at its line.
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
            return convert(base, resource, type);
        }
        if (!Files.isRegularFile(userFile)) {
            throw new SourceException(Location.file(userFile.toString()), "mapping file not found");
        }
        JsonNode user;
        try (InputStream in = Files.newInputStream(userFile)) {
            parse(in, userFile.toString(), type);
            user = YAML.readTree(userFile.toFile());
        } catch (SourceException e) {
            throw withKeyLine(e, userFile);
        } catch (IOException e) {
            throw new SourceException(Location.file(userFile.toString()), "cannot read mapping: " + e.getMessage(), e);
        }
        return convert(merge(base, user), userFile.toString(), type);
    }

    /** Objects merge recursively (the override wins per key); anything else is replaced by the override. */
    static JsonNode merge(JsonNode base, JsonNode override) {
        if (base instanceof ObjectNode b && override instanceof ObjectNode o) {
            ObjectNode out = b.deepCopy();
            o.fields().forEachRemaining(e -> out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue())));
            return out;
        }
        return override == null || override.isMissingNode() ? base : override;
    }

    private static <T> T convert(JsonNode tree, String name, Class<T> type) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new SourceException(Location.file(name), "invalid mapping: " + e.getOriginalMessage());
        }
    }

    /**
     * Jackson places an unknown key at the token after it; the user wants the key's own line, so look it up.
     */
    private static SourceException withKeyLine(SourceException e, Path file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("unknown mapping key '([^']+)'").matcher(e.getMessage());
        if (!m.find()) {
            return e;
        }
        try {
            java.util.List<String> lines = Files.readAllLines(file);
            java.util.regex.Pattern key = java.util.regex.Pattern.compile("^\\s*(- )?\"?" + java.util.regex.Pattern.quote(m.group(1)) + "\"?\\s*:");
            for (int i = 0; i < lines.size(); i++) {
                java.util.regex.Matcher km = key.matcher(lines.get(i));
                if (km.find()) {
                    return new SourceException(Location.file(file.toString()).withLine((long) i + 1,
                            (long) lines.get(i).indexOf(m.group(1)) + 1), e.getMessage());
                }
            }
        } catch (IOException ignored) {
            // keep Jackson's position
        }
        return e;
    }

    public static <T> T parse(InputStream in, String name, Class<T> type) throws IOException {
        try {
            T value = YAML.readValue(in, type);
            if (value == null) {
                throw new SourceException(Location.file(name), "mapping file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new SourceException(at(name, e.getLocation()), "unknown mapping key '" + e.getPropertyName()
                    + "'; known keys here: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new SourceException(at(name, e.getLocation()), "invalid mapping: " + e.getOriginalMessage());
        }
    }

    private static Location at(String name, JsonLocation loc) {
        if (loc == null) {
            return Location.file(name);
        }
        return Location.file(name).withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
    }
}
