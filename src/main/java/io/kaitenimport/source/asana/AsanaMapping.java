package io.kaitenimport.source.asana;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.mapping.MappingLoader;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The Asana mapping file ({@code mappings/asana.yaml}, commented there for users).
 *
 * @param completed    {@code done-column} or {@code keep-section}
 * @param doneColumn   title of the done column created when no section is one
 * @param columns      section name (case-insensitive) → column type 1/2/3
 * @param noSection    title of the column for tasks without a section
 * @param noProject    title of the board for tasks without a project
 * @param types        resource_subtype → card type name
 * @param customFields CSV custom-field header → string | number | date
 */
record AsanaMapping(
        String completed,
        @JsonProperty("done_column") String doneColumn,
        Map<String, Integer> columns,
        @JsonProperty("no_section") String noSection,
        @JsonProperty("no_project") String noProject,
        Map<String, String> types,
        @JsonProperty("custom_fields") Map<String, String> customFields) {

    static final String DEFAULT_FILE = "asana.yaml";

    AsanaMapping {
        completed = blankTo(completed, "done-column");
        doneColumn = blankTo(doneColumn, "Done");
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        noSection = blankTo(noSection, "(no section)");
        noProject = blankTo(noProject, "Asana tasks");
        types = types == null ? Map.of() : Map.copyOf(types);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    static AsanaMapping load(Path userFile) {
        AsanaMapping m = MappingLoader.load(userFile, DEFAULT_FILE, AsanaMapping.class);
        Location where = Location.file(userFile == null ? "mappings/" + DEFAULT_FILE : userFile.toString());
        for (Map.Entry<String, Integer> e : m.columns.entrySet()) {
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 3) {
                throw new SourceException(where.withField("columns." + e.getKey()), "column type must be 1 (queued),"
                        + " 2 (in progress) or 3 (done), not " + e.getValue());
            }
        }
        if (!Set.of("done-column", "keep-section").contains(m.completed)) {
            throw new SourceException(where.withField("completed"), "'" + m.completed
                    + "' is not one of [done-column, keep-section]");
        }
        for (Map.Entry<String, String> e : m.customFields.entrySet()) {
            if (!Set.of("string", "number", "date").contains(e.getValue())) {
                throw new SourceException(where.withField("custom_fields." + e.getKey()), "'" + e.getValue()
                        + "' is not one of [string, number, date]");
            }
        }
        return m;
    }

    boolean completedToDone() {
        return completed.equals("done-column");
    }

    /** The card type name for a subtype, or null. */
    String typeName(String subtype) {
        String t = subtype == null ? null : types.get(subtype);
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static String blankTo(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
