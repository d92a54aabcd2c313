package io.kaitenimport.source.jira;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kaitenimport.mapping.MappingLoader;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;

import java.nio.file.Path;
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

    /**
     * The bundled {@code mappings/jira.yaml}, overridden key by key by the user's file when given (maps such as
     * {@code fields} and {@code statuses} merge); values are then checked.
     */
    public static JiraMapping load(Path file) {
        JiraMapping m = MappingLoader.load(file, "jira.yaml", JiraMapping.class);
        return m.checked(file == null ? "classpath:" + RESOURCE : file.toString());
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
