package io.kaitenimport.source.trello;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kaitenimport.mapping.MappingLoader;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The Trello mapping file ({@code mappings/trello.yaml}, commented there for users).
 *
 * @param columns         list name (case-insensitive) → column type 1 queued, 2 in progress, 3 done
 * @param colorOnlyLabel  tag name for a label without a name; {@code {color}} is replaced by its colour
 * @param uncoloredLabel  tag name for a label with neither name nor colour
 * @param dueCompleteTag  tag added to cards whose due date is marked complete; empty: report it as a loss instead
 * @param responsible     {@code first-member}: the first card member who is a package user; {@code none}
 * @param plannedEnd      {@code due}: a card with a start date gets planned_end = due; {@code none}
 * @param unknownList     title of the column made for cards whose list is not in the export ({@code {id}} = list id)
 */
record TrelloMapping(
        Map<String, Integer> columns,
        @JsonProperty("color_only_label") String colorOnlyLabel,
        @JsonProperty("uncolored_label") String uncoloredLabel,
        @JsonProperty("due_complete_tag") String dueCompleteTag,
        String responsible,
        @JsonProperty("planned_end") String plannedEnd,
        @JsonProperty("unknown_list") String unknownList) {

    static final String DEFAULT_FILE = "trello.yaml";

    TrelloMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        colorOnlyLabel = blankTo(colorOnlyLabel, "Trello {color}");
        uncoloredLabel = blankTo(uncoloredLabel, "Trello label");
        dueCompleteTag = dueCompleteTag == null ? "" : dueCompleteTag.strip();
        responsible = blankTo(responsible, "first-member");
        plannedEnd = blankTo(plannedEnd, "due");
        unknownList = blankTo(unknownList, "Unknown list ({id})");
    }

    /** The user's file or the bundled default; values outside their allowed sets are errors naming the key. */
    static TrelloMapping load(Path userFile) {
        TrelloMapping m = MappingLoader.load(userFile, DEFAULT_FILE, TrelloMapping.class);
        Location where = Location.file(userFile == null ? "mappings/" + DEFAULT_FILE : userFile.toString());
        for (Map.Entry<String, Integer> e : m.columns.entrySet()) {
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 3) {
                throw new SourceException(where.withField("columns." + e.getKey()), "column type must be 1 (queued),"
                        + " 2 (in progress) or 3 (done), not " + e.getValue());
            }
        }
        check(where, "responsible", m.responsible, Set.of("first-member", "none"));
        check(where, "planned_end", m.plannedEnd, Set.of("due", "none"));
        return m;
    }

    boolean responsibleFirstMember() {
        return responsible.equals("first-member");
    }

    boolean plannedEndFromDue() {
        return plannedEnd.equals("due");
    }

    private static void check(Location where, String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new SourceException(where.withField(key), "'" + value + "' is not one of " + allowed);
        }
    }

    private static String blankTo(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
