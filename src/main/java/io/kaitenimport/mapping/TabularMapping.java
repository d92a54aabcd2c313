package io.kaitenimport.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The YAML mapping of spreadsheet-like sources (CSV, Excel): which header names feed which card field, column
 * types, custom fields. See {@code mappings/csv-default.yaml} for the commented default.
 *
 * @param fields        card field → header names that feed it (case-insensitive, first present header wins)
 * @param listSeparator separator inside multi-value cells (tags, members, links, relations); newlines always split
 * @param columns       column (status) name → type 1 queued, 2 in progress, 3 done
 * @param customFields  other headers to carry as custom fields
 * @param defaultBoard  board title when no board column is mapped (default: the export's file name)
 * @param defaultColumn column title for rows without a status
 * @param trueValues    cell values meaning "yes" for archived/checkbox fields
 * @param nullValues    cell values meaning "nothing" (e.g. "Unassigned"), treated as empty cells
 */
public record TabularMapping(
        Fields fields,
        @JsonProperty("list_separator") String listSeparator,
        Map<String, Integer> columns,
        @JsonProperty("custom_fields") List<CustomFieldRule> customFields,
        @JsonProperty("default_board") String defaultBoard,
        @JsonProperty("default_column") String defaultColumn,
        @JsonProperty("true_values") List<String> trueValues,
        @JsonProperty("null_values") List<String> nullValues) {

    public TabularMapping {
        fields = fields == null ? Fields.EMPTY : fields;
        listSeparator = listSeparator == null || listSeparator.isEmpty() ? "," : listSeparator;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        defaultColumn = defaultColumn == null ? "To do" : defaultColumn;
        trueValues = trueValues == null ? List.of("true", "yes", "y", "1", "x", "да", "+") : List.copyOf(trueValues);
        nullValues = nullValues == null ? List.of() : List.copyOf(nullValues);
    }

    /** Header names per card field. */
    public record Fields(
            List<String> id,
            List<String> aliases,
            List<String> title,
            List<String> description,
            List<String> column,
            List<String> board,
            List<String> type,
            List<String> tags,
            List<String> owner,
            List<String> responsible,
            List<String> members,
            List<String> due,
            @JsonProperty("planned_start") List<String> plannedStart,
            @JsonProperty("planned_end") List<String> plannedEnd,
            List<String> created,
            List<String> archived,
            List<String> size,
            List<String> estimate,
            List<String> parent,
            List<String> blocks,
            @JsonProperty("blocked_by") List<String> blockedBy,
            List<String> related,
            List<String> links,
            List<String> checklist) {
        static final Fields EMPTY = new Fields(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);

        /** The header names of a field by its enum name, never null. */
        public List<String> of(TabularField f) {
            List<String> v = switch (f) {
                case ID -> id;
                case ALIASES -> aliases;
                case TITLE -> title;
                case DESCRIPTION -> description;
                case COLUMN -> column;
                case BOARD -> board;
                case TYPE -> type;
                case TAGS -> tags;
                case OWNER -> owner;
                case RESPONSIBLE -> responsible;
                case MEMBERS -> members;
                case DUE -> due;
                case PLANNED_START -> plannedStart;
                case PLANNED_END -> plannedEnd;
                case CREATED -> created;
                case ARCHIVED -> archived;
                case SIZE -> size;
                case ESTIMATE -> estimate;
                case PARENT -> parent;
                case BLOCKS -> blocks;
                case BLOCKED_BY -> blockedBy;
                case RELATED -> related;
                case LINKS -> links;
                case CHECKLIST -> checklist;
            };
            return v == null ? List.of() : v;
        }
    }

    /**
     * A header carried as a custom field. {@code type}: string, number, date, select, multi_select, checkbox, url,
     * user. {@code name} defaults to the header.
     */
    public record CustomFieldRule(String header, String type, String name) {
    }
}
