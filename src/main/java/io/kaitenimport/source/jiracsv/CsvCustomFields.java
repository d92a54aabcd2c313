package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Column;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The custom fields of a Jira CSV: {@code Custom field (X)} columns (and unknown headers), grouped by name. A name
 * that repeats is one multi-valued field when Jira filled its columns from the left on every row (how it writes
 * several values), else it is several fields that share a name (a collision: {@code Cost Center}, {@code Cost
 * Center (2)}). Types are inferred from all values after pass 1.
 */
final class CsvCustomFields {

    /** Inferred kinds, as the Jira {@code schema.custom} key the JSON adapter understands. */
    enum Type {
        NUMBER("float", "number"), DATE("datepicker", "date"), DATETIME("datetime", "date (with time)"),
        URL("url", "url"), USER("userpicker", "user"), USERS("multiuserpicker", "user (several)"),
        MULTI("multiselect", "multi_select"), SELECT("select", "select"), TEXT("textarea", "string (rich text)"),
        STRING("textfield", "string"), EPIC("gh-epic-link", "epic link (parent card)"),
        SPRINT("gh-sprint", "sprint");

        final String customKey;
        final String label;

        Type(String customKey, String label) {
            this.customKey = customKey;
            this.label = label;
        }

        String schemaCustom() {
            return (this == EPIC || this == SPRINT ? "com.pyxis.greenhopper.jira:"
                    : "com.atlassian.jira.plugin.system.customfieldtypes:") + customKey;
        }
    }

    /** One field: its id, name, the columns it reads, and (after pass 1) its type and value statistics. */
    static final class Field {
        final String id;
        final String name;
        final List<Integer> columns;
        final List<String> headers;
        final CustomFieldStats stats = new CustomFieldStats();
        Type type;
        String rule;

        Field(String id, String name, List<Integer> columns, List<String> headers) {
            this.id = id;
            this.name = name;
            this.columns = columns;
            this.headers = headers;
        }

        boolean multi() {
            return columns.size() > 1;
        }
    }

    /** Columns of one name, before pass 1 decides whether they are one field or several. */
    private static final class Group {
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<CustomFieldStats> perColumn = new ArrayList<>();
        final CustomFieldStats merged = new CustomFieldStats();
        boolean gaps;
        String id;

        Group(String name) {
            this.name = name;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Field> fields = new ArrayList<>();
    private final Map<Integer, Field> byColumn = new HashMap<>();

    CsvCustomFields(JiraCsvColumns columns) {
        for (Column c : columns.all()) {
            if (c.role() == Role.CUSTOM || c.role() == Role.UNKNOWN) {
                groups.computeIfAbsent(c.name().toLowerCase(Locale.ROOT), k -> new Group(c.name())).columns.add(c);
            }
        }
        groups.values().forEach(g -> g.columns.forEach(c -> g.perColumn.add(new CustomFieldStats())));
        // a name that does not repeat is one field whatever the data says: its id is known before pass 1
        for (Group g : groups.values()) {
            if (g.columns.size() == 1) {
                g.id = uniqueId(g.name);
            }
        }
    }

    /** Pass 1: one row's values; {@code value} reads a column's cell, null when empty or not data. */
    void observe(java.util.function.IntFunction<String> value) {
        for (Group g : groups.values()) {
            boolean empty = false;
            for (int i = 0; i < g.columns.size(); i++) {
                String v = value.apply(g.columns.get(i).index());
                if (v == null) {
                    empty = true;
                    continue;
                }
                g.gaps |= empty;
                g.perColumn.get(i).add(v);
                g.merged.add(v);
            }
        }
    }

    /** After pass 1: the fields, their ids and types. {@code isPerson} tells whether a value names a person. */
    void plan(java.util.function.Predicate<String> isPerson) {
        for (Group g : groups.values()) {
            if (g.merged.values == 0) {
                continue;
            }
            if (g.columns.size() == 1 || !g.gaps) {
                Field f = field(g.id != null ? g.id : uniqueId(g.name), g.name, g.columns);
                f.stats.addAll(g.merged);
                add(f, isPerson);
                if (g.columns.size() > 1) {
                    f.rule = g.columns.size() + " columns named '" + g.columns.get(0).header() + "', filled from the"
                            + " left on every row: one field with several values; " + f.rule;
                }
                continue;
            }
            int n = 0;
            for (int i = 0; i < g.columns.size(); i++) {
                if (g.perColumn.get(i).values == 0) {
                    continue;
                }
                n++;
                String name = n == 1 ? g.name : g.name + " (" + n + ")";
                Field f = field(uniqueId(name), name, List.of(g.columns.get(i)));
                f.stats.addAll(g.perColumn.get(i));
                add(f, isPerson);
                f.rule = "'" + g.columns.get(0).header() + "' repeats but a row has a value in a later column with"
                        + " an earlier one empty, so these are different fields sharing a name; " + f.rule;
            }
        }
    }

    private final Set<String> ids = new HashSet<>();

    /** {@code customfield_<slug of the name>}: Jira's numeric ids are not in the CSV. */
    private String uniqueId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        String id = "customfield_" + (slug.isEmpty() ? "field" : slug);
        String unique = id;
        for (int i = 2; !ids.add(unique); i++) {
            unique = id + "-" + i;
        }
        return unique;
    }

    /** An id for a field that is not a custom-field column (Sprint), kept apart from the others. */
    String reserve(String name) {
        return uniqueId(name);
    }

    private static Field field(String id, String name, List<Column> cols) {
        return new Field(id, name, cols.stream().map(Column::index).toList(),
                cols.stream().map(Column::header).toList());
    }

    private void add(Field f, java.util.function.Predicate<String> isPerson) {
        CustomFieldStats s = f.stats;
        String lower = f.name.toLowerCase(Locale.ROOT);
        if (lower.equals("epic link")) {
            f.type = Type.EPIC;
            f.rule = "Jira's Epic Link field (holds the epic's key)";
        } else if (lower.equals("sprint")) {
            f.type = Type.SPRINT;
            f.rule = "Jira's Sprint field";
        } else if (!s.overflow && !s.distinct.isEmpty() && s.distinct.stream().allMatch(isPerson)) {
            f.type = f.multi() ? Type.USERS : Type.USER;
            f.rule = "all values name people seen in Assignee/Reporter/Creator/Watchers";
        } else if (f.multi()) {
            boolean options = !s.multiline && s.maxLength <= 128;
            f.type = options ? Type.MULTI : Type.STRING;
            f.rule = options ? "several values per issue" : "several long values per issue, joined as text";
        } else if (s.number) {
            f.type = Type.NUMBER;
            f.rule = "all " + s.values + " values are numbers";
        } else if (s.date) {
            f.type = s.midnight ? Type.DATE : Type.DATETIME;
            f.rule = "all " + s.values + " values are dates" + (s.midnight ? " without a time of day" : "");
        } else if (s.url) {
            f.type = Type.URL;
            f.rule = "all " + s.values + " values are URLs";
        } else if (s.repeats() && !s.multiline && s.maxLength <= 128) {
            f.type = Type.SELECT;
            f.rule = s.distinct.size() + " distinct values repeat over " + s.values + " issues";
        } else if (s.multiline) {
            f.type = Type.TEXT;
            f.rule = "multi-line text (wiki markup converted to Markdown)";
        } else {
            f.type = Type.STRING;
            f.rule = "free text (" + s.distinct.size() + " distinct of " + s.values + ")";
        }
        fields.add(f);
        f.columns.forEach(c -> byColumn.put(c, f));
    }

    List<Field> fields() {
        return fields;
    }

    /** The field a column feeds after planning, or null (no data). */
    Field ofColumn(int column) {
        return byColumn.get(column);
    }

    /** Before planning: the id of a column whose name does not repeat (known before pass 1), else null. */
    String stableId(Column c) {
        Group g = groups.get(c.name().toLowerCase(Locale.ROOT));
        return g == null ? null : g.id;
    }

    /**
     * After planning: the distinct values of the fields pass 1 could not name (repeated headers), as
     * {@code {fieldId: [values…]}} — what the Jira field catalog would have seen row by row.
     */
    Map<String, List<String>> lateValues() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field f : fields) {
            Group g = groups.get(f.name.toLowerCase(Locale.ROOT));
            if ((g == null || g.id == null) && !f.stats.overflow) {
                out.put(f.id, new ArrayList<>(f.stats.distinct));
            }
        }
        return out;
    }

    /** Pass 1: the values of fields whose id is known before pass 1, as text. */
    void writeStable(ObjectNode f, java.util.function.IntFunction<String> data) {
        for (Group g : groups.values()) {
            String v = g.id == null ? null : data.apply(g.columns.get(0).index());
            if (v != null) {
                f.put(g.id, v);
            }
        }
    }

    /** Pass 2: every field's values typed as planned (numbers, ISO dates, user objects, arrays for several). */
    void write(ObjectNode f, java.util.function.IntFunction<String> data,
               java.util.function.Function<String, JiraCsvDates.Parsed> dates, java.time.ZoneId zone,
               CsvPeople people) {
        for (Field field : fields) {
            List<JsonNode> typed = new ArrayList<>();
            for (int col : field.columns) {
                String v = data.apply(col);
                if (v != null) {
                    typed.add(typed(field.type, v, dates, zone, people));
                }
            }
            if (typed.isEmpty()) {
                continue;
            }
            if (field.multi()) {
                ArrayNode a = f.putArray(field.id);
                typed.forEach(a::add);
            } else {
                f.set(field.id, typed.get(0));
            }
        }
    }

    private static JsonNode typed(Type type, String v, java.util.function.Function<String, JiraCsvDates.Parsed> dates,
                                  java.time.ZoneId zone, CsvPeople people) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        switch (type) {
            case NUMBER: {
                java.math.BigDecimal d = CustomFieldStats.number(v);
                return d == null ? n.textNode(v) : n.numberNode(d);
            }
            case DATE:
            case DATETIME: {
                JiraCsvDates.Parsed d = dates.apply(v);
                if (d == null) {
                    return n.textNode(v);
                }
                return n.textNode(type == Type.DATE ? d.at().toLocalDate().toString() : JiraCsvDates.iso(d, zone));
            }
            case USER:
            case USERS:
                return people.value(v);
            default:
                return n.textNode(v);
        }
    }
}
