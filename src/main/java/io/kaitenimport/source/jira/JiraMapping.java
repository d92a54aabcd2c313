package io.kaitenimport.source.jira;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kaitenimport.source.SourceException;
import io.kaitenimport.validate.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The user-editable part of the Jira mapping ({@code mappings/jira.yaml}); see the comments in that file. */
public record JiraMapping(
        @JsonProperty("statuses") Map<String, Integer> statuses,
        @JsonProperty("components_as_tags") Boolean componentsAsTags,
        @JsonProperty("sprints") String sprints,
        @JsonProperty("estimate_unit") String estimateUnit,
        @JsonProperty("fields") Map<String, String> fields,
        @JsonProperty("priority_colors") Map<String, Integer> priorityColors) {

    static final String RESOURCE = "mappings/jira.yaml";
    private static final List<String> KEYS = List.of("statuses", "components_as_tags", "sprints", "estimate_unit",
            "fields", "priority_colors");
    static final Set<String> ROLES = Set.of("size", "planned_start", "planned_end", "epic_link", "tags", "ignore",
            "string", "text", "number", "date", "datetime", "select", "multi_select", "user", "url");

    public JiraMapping {
        statuses = caseInsensitive(statuses);
        componentsAsTags = componentsAsTags != null && componentsAsTags;
        sprints = sprints == null ? "last" : sprints.strip().toLowerCase(Locale.ROOT);
        estimateUnit = estimateUnit == null ? "hours" : estimateUnit.strip().toLowerCase(Locale.ROOT);
        fields = caseInsensitive(fields);
        priorityColors = caseInsensitive(priorityColors);
    }

    private static <V> Map<String, V> caseInsensitive(Map<String, V> in) {
        Map<String, V> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (in != null) {
            in.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k.strip(), v);
                }
            });
        }
        return out;
    }

    /** The role or forced type for a field, looked up by id first, then by display name. */
    Optional<String> roleOf(String fieldId, String name) {
        String r = fields.get(fieldId);
        if (r == null && name != null) {
            r = fields.get(name);
        }
        return Optional.ofNullable(r).map(s -> s.strip().toLowerCase(Locale.ROOT));
    }

    boolean allSprints() {
        return sprints.equals("all");
    }

    /** Seconds per unit of estimate_workload. */
    double secondsPerEstimateUnit() {
        return switch (estimateUnit) {
            case "minutes" -> 60;
            case "seconds" -> 1;
            default -> 3600;
        };
    }

    /** The given file, else the bundled default. */
    public static JiraMapping load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String name = file == null ? "classpath:" + RESOURCE : file.toString();
        try (InputStream in = file == null ? JiraMapping.class.getClassLoader().getResourceAsStream(RESOURCE)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new SourceException(Location.file(name), "bundled Jira mapping is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            checkKeys(yaml, bytes, name);
            JiraMapping m = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank() ? null
                    : yaml.readValue(bytes, JiraMapping.class);
            return (m == null ? new JiraMapping(null, null, null, null, null, null) : m).checked(name);
        } catch (UnrecognizedPropertyException e) {
            throw new SourceException(at(name, e.getLocation()).withField(e.getPropertyName()),
                    "unknown key '" + e.getPropertyName() + "' in the Jira mapping; known keys: "
                            + String.join(", ", KEYS), e);
        } catch (JsonProcessingException e) {
            throw new SourceException(at(name, e.getLocation()), "cannot read the Jira mapping: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceException(Location.file(name), "cannot read the Jira mapping: " + e.getMessage(), e);
        }
    }

    /**
     * Jackson reports an unknown record property at the end of the document; walking the top-level keys with the
     * streaming parser gives the key's own line.
     */
    private static void checkKeys(ObjectMapper yaml, byte[] bytes, String name) throws IOException {
        try (JsonParser p = yaml.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (!KEYS.contains(key)) {
                    throw new SourceException(at(name, p.currentTokenLocation()).withField(key), "unknown key '" + key
                            + "' in the Jira mapping; known keys: " + String.join(", ", KEYS));
                }
                p.nextToken();
                p.skipChildren();
            }
        }
    }

    private static Location at(String file, JsonLocation loc) {
        Location l = Location.file(file);
        return loc == null || loc.getLineNr() < 1 ? l : l.withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
    }

    private JiraMapping checked(String file) {
        statuses.forEach((k, v) -> {
            if (v < 1 || v > 3) {
                throw new SourceException(Location.file(file).withField("statuses." + k),
                        "column type must be 1 (queued), 2 (in progress) or 3 (done), not " + v);
            }
        });
        fields.forEach((k, v) -> {
            if (!ROLES.contains(v.strip().toLowerCase(Locale.ROOT))) {
                throw new SourceException(Location.file(file).withField("fields." + k),
                        "unknown role '" + v + "'; use one of " + new TreeSet<>(ROLES));
            }
        });
        priorityColors.forEach((k, v) -> {
            if (v < 1 || v > 17) {
                throw new SourceException(Location.file(file).withField("priority_colors." + k),
                        "colour must be 1..17, not " + v);
            }
        });
        if (!Set.of("last", "all").contains(sprints)) {
            throw new SourceException(Location.file(file).withField("sprints"), "use 'last' or 'all', not '" + sprints + "'");
        }
        if (!Set.of("hours", "minutes", "seconds").contains(estimateUnit)) {
            throw new SourceException(Location.file(file).withField("estimate_unit"),
                    "use hours, minutes or seconds, not '" + estimateUnit + "'");
        }
        return this;
    }
}
