package io.kaitenimport.source.tabular;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kaitenimport.mapping.MappingLoader;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * @param sections      where a row's section goes (from a {@code section} column or an Excel heading row merged
 *                      across the table): a tag (default), the card's board or column when its own cell is empty,
 *                      or nowhere (counted as lost)
 */
public record TabularMapping(
        Fields fields,
        @JsonProperty("list_separator") String listSeparator,
        Map<String, Integer> columns,
        @JsonProperty("custom_fields") List<CustomFieldRule> customFields,
        @JsonProperty("default_board") String defaultBoard,
        @JsonProperty("default_column") String defaultColumn,
        @JsonProperty("true_values") List<String> trueValues,
        @JsonProperty("null_values") List<String> nullValues,
        Sections sections) {

    public TabularMapping {
        fields = fields == null ? Fields.EMPTY : fields;
        listSeparator = listSeparator == null || listSeparator.isEmpty() ? "," : listSeparator;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        defaultColumn = defaultColumn == null ? "To do" : defaultColumn;
        trueValues = trueValues == null ? List.of("true", "yes", "y", "1", "x", "да", "+") : List.copyOf(trueValues);
        nullValues = nullValues == null ? List.of() : List.copyOf(nullValues);
        sections = sections == null ? Sections.TAG : sections;
    }

    /** The bundled default, shared by every tabular source (CSV, Excel) unless a preset brings its own. */
    public static final String DEFAULT_MAPPING = "csv-default.yaml";

    /** The user's {@code --mapping} file merged over the bundled default (the default alone when null). */
    public static TabularMapping load(Path userFile) {
        return MappingLoader.load(userFile, DEFAULT_MAPPING, TabularMapping.class);
    }

    /** The header names this mapping recognises, lower-cased, for finding the header row. */
    public Set<String> knownHeaders() {
        Set<String> known = new HashSet<>();
        for (TabularField f : TabularField.values()) {
            for (String h : fields.of(f)) {
                known.add(h.toLowerCase(Locale.ROOT));
            }
        }
        customFields.forEach(c -> known.add(c.header().toLowerCase(Locale.ROOT)));
        return known;
    }

    /** A copy with other custom-field rules (the Excel workbook layout adds those of its CustomFields sheet). */
    public TabularMapping withCustomFields(List<CustomFieldRule> rules) {
        return new TabularMapping(fields, listSeparator, columns, rules, defaultBoard, defaultColumn, trueValues,
                nullValues, sections);
    }

    /** Where section text goes. */
    public enum Sections {
        @JsonProperty("tag") TAG,
        @JsonProperty("board") BOARD,
        @JsonProperty("column") COLUMN,
        @JsonProperty("skip") SKIP;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
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
            List<String> checklist,
            List<String> section) {
        static final Fields EMPTY = new Fields(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);

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
                case SECTION -> section;
            };
            return v == null ? List.of() : v;
        }
    }

    /**
     * A header carried as a custom field. {@code type}: string, number, date, select, multi_select, checkbox, url,
     * user. {@code name} defaults to the header. {@code options} (select and multi_select only) fixes the first
     * options, in order and with colours; values found in the data that are not among them are added after.
     */
    public record CustomFieldRule(String header, String type, String name, List<OptionRule> options) {
        public static final List<String> TYPES = List.of("string", "number", "date", "select", "multi_select",
                "checkbox", "url", "user");

        public CustomFieldRule {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("custom field without header");
            }
            type = type == null ? "string" : type;
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("custom field '" + header + "' has type '" + type
                        + "'; use one of " + TYPES);
            }
            options = options == null ? List.of() : List.copyOf(options);
            if (!options.isEmpty() && !type.equals("select") && !type.equals("multi_select")) {
                throw new IllegalArgumentException("custom field '" + header + "' is " + type
                        + "; only select and multi_select take options");
            }
        }

        public CustomFieldRule(String header, String type, String name) {
            this(header, type, name, null);
        }

        public boolean isSelect() {
            return type.equals("select") || type.equals("multi_select");
        }
    }

    /** A select option: its text and optional Kaiten colour 1–17. Written as text alone, or {value, color}. */
    public record OptionRule(String value, Integer color) {
        public OptionRule {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("option without value");
            }
            value = value.strip();
            if (color != null && (color < 1 || color > 17)) {
                throw new IllegalArgumentException("option '" + value + "' has colour " + color
                        + "; Kaiten colours are 1–17");
            }
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static OptionRule of(String value) {
            return new OptionRule(value, null);
        }
    }
}
