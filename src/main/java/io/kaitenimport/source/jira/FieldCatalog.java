package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.CustomField;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom fields (and the system fields that become properties) across all inputs. Pass 1 feeds it the
 * {@code names}/{@code schema} maps and every field value, keeping only the shape seen and the distinct options;
 * after pass 1 {@link #plan} decides each field's kind: mapping file, then {@code schema.custom}, then
 * {@code schema.type}, then the shape of the values.
 */
final class FieldCatalog {
    /** System fields that become properties, with their names when the export has no {@code names}. */
    static final Map<String, String> SYSTEM_PROPERTIES = Map.of("priority", "Priority", "resolution", "Resolution",
            "components", "Components", "fixVersions", "Fix versions", "versions", "Affects versions");
    private static final Map<String, FieldKind> SYSTEM_KINDS = Map.of("priority", FieldKind.SELECT,
            "resolution", FieldKind.SELECT, "components", FieldKind.MULTI_SELECT,
            "fixVersions", FieldKind.MULTI_SELECT, "versions", FieldKind.MULTI_SELECT);
    /** Short texts are kept as would-be options in case the mapping makes a text field a select. */
    private static final int MAX_TEXT_OPTIONS = 1000;

    private final Map<String, String> names = new HashMap<>();
    /** Where each name, and each option text too long for Kaiten, was read: the report's place when one is cut. */
    private final Map<String, Location> nameAt = new HashMap<>();
    private final Map<String, Location> longOptionAt = new HashMap<>();
    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final Map<String, FieldPlan> plans = new LinkedHashMap<>();

    private static final class Stats {
        Shape shape;
        boolean mixed;
        final LinkedHashMap<String, OptionValues.Opt> options = new LinkedHashMap<>();
        boolean textOverflow;
    }

    static boolean isPropertyField(String fieldId) {
        return fieldId.startsWith("customfield_") || SYSTEM_PROPERTIES.containsKey(fieldId);
    }

    /** A {@code names} map, read at {@code at}. */
    void addNames(JsonNode map, Location at) {
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && !e.getValue().asText().isBlank()
                        && names.putIfAbsent(e.getKey(), e.getValue().asText().strip()) == null) {
                    nameAt.put(e.getKey(), JiraIssues.below(at, "/" + e.getKey()));
                }
            });
        }
    }

    private static boolean tooLong(String text) {
        return text.codePointCount(0, text.length()) > 128;
    }

    void addSchema(JsonNode map) {
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    schemas.putIfAbsent(e.getKey(), e.getValue());
                }
            });
        }
    }

    String nameOf(String fieldId) {
        return names.get(fieldId);
    }

    /** Pass 1: the shape and options of one issue's field values. */
    void observe(JsonNode fields, IssueStream.Position pos, String issueId) {
        fields.fields().forEachRemaining(e -> {
            if (!isPropertyField(e.getKey())) {
                return;
            }
            Shape shape = Shape.of(e.getValue());
            if (shape == Shape.EMPTY) {
                return;
            }
            Stats s = stats.computeIfAbsent(e.getKey(), k -> new Stats());
            if (s.shape == null) {
                s.shape = shape;
            } else if (FieldKind.ofShape(s.shape) != FieldKind.ofShape(shape)) {
                s.mixed = true;
            }
            boolean text = shape == Shape.STRING || shape == Shape.NUMBER;
            if (text && (s.textOverflow || e.getValue().asText().length() > 128)) {
                return;
            }
            for (OptionValues.Opt o : OptionValues.of(e.getKey(), e.getValue())) {
                if (s.options.putIfAbsent(o.id(), o) == null && tooLong(o.value())) {
                    longOptionAt.put(o.id(), pos.at(issueId, "/fields/" + e.getKey()));
                }
            }
            if (text && s.options.size() > MAX_TEXT_OPTIONS) {
                s.textOverflow = true;
            }
        });
    }

    /** After pass 1: decides every seen field's kind and reports the rule used. */
    void plan(JiraMapping mapping, SourceContext ctx) {
        Set<String> usedNames = new HashSet<>();
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            String id = e.getKey();
            Stats s = e.getValue();
            String name = names.getOrDefault(id, SYSTEM_PROPERTIES.getOrDefault(id, id));
            JsonNode schema = schemas.get(id);
            String custom = schema == null ? null : schema.path("custom").asText(null);
            FieldKind kind;
            String rule;
            String role = mapping.roleOf(id, name).orElse(null);
            if (role != null) {
                kind = FieldKind.ofRole(role);
                rule = "mapping file";
            } else if (SYSTEM_KINDS.containsKey(id)) {
                kind = SYSTEM_KINDS.get(id);
                rule = "system field";
            } else if (FieldKind.ofCustomKey(custom) != null) {
                kind = FieldKind.ofCustomKey(custom);
                rule = "schema " + custom;
            } else if (schema != null && FieldKind.ofSchemaType(schema.path("type").asText(null),
                    schema.path("items").asText(null)) != null) {
                kind = FieldKind.ofSchemaType(schema.path("type").asText(null), schema.path("items").asText(null));
                rule = "schema type " + schema.path("type").asText();
            } else if (s.mixed) {
                kind = FieldKind.STRING;
                rule = "values of mixed shapes, kept as text";
            } else {
                kind = FieldKind.ofShape(s.shape);
                rule = "value shape " + s.shape.name().toLowerCase(java.util.Locale.ROOT);
            }
            if (kind.hasOptions() && s.textOverflow) {
                ctx.issue(IssueCode.SOURCE_RULE, Location.NONE, "field " + id + " (" + name + "): more than "
                        + MAX_TEXT_OPTIONS + " distinct texts cannot be select options; kept as text");
                kind = FieldKind.STRING;
            }
            if (kind.isProperty() && !usedNames.add(name.toLowerCase(java.util.Locale.ROOT))) {
                name = name + " (" + id + ")";
            }
            List<OptionValues.Opt> options = kind.hasOptions() ? new ArrayList<>(s.options.values()) : List.of();
            boolean emitted = kind.isProperty() && (!kind.hasOptions() || !options.isEmpty());
            plans.put(id, new FieldPlan(id, name, kind, options, new HashSet<>(s.options.keySet()), emitted));
            ctx.issue(IssueCode.SOURCE_RULE, Location.NONE, "field " + id + " (" + name + ") → "
                    + describe(kind, mapping) + " (" + rule + ")");
        }
    }

    private static String describe(FieldKind kind, JiraMapping mapping) {
        String t = kind.kaitenType(mapping.allSprints());
        return t != null ? "custom field of type " + t : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    FieldPlan planOf(String fieldId) {
        return plans.get(fieldId);
    }

    /** Fields whose plan is {@code kind}, e.g. the Epic Link fields after planning. */
    Set<String> fieldsOf(FieldKind kind) {
        Set<String> out = new HashSet<>();
        plans.values().stream().filter(p -> p.kind() == kind).forEach(p -> out.add(p.fieldId()));
        return out;
    }

    /** Writes the custom_fields records (options in first-seen order) and counts option details they drop. */
    void emit(ModelSink sink, JiraMapping mapping, SourceContext ctx) throws IOException {
        for (FieldPlan p : plans.values()) {
            if (!p.emitted()) {
                continue;
            }
            String type = p.kind().kaitenType(mapping.allSprints());
            String name = cut(p.name(), p, "field name", nameAt.get(p.fieldId()), ctx);
            // (a note only for the kinds FieldTypes converts or calls a deviation: checkbox, url, user)
            FieldTypes.note(ctx, p.kind().name().toLowerCase(java.util.Locale.ROOT), name,
                    nameAt.getOrDefault(p.fieldId(), Location.NONE));
            if (p.kind() == FieldKind.CHECKBOX) {
                sink.accept(FieldTypes.checkbox(p.kaitenId(), name));
                continue;
            }
            if (!p.kind().hasOptions()) {
                sink.accept(CustomField.of(p.kaitenId(), type, name));
                continue;
            }
            List<CustomField.Option> options = new ArrayList<>();
            long extras = 0;
            for (OptionValues.Opt o : p.options()) {
                Integer color = p.fieldId().equals("priority") ? mapping.priorityColors().get(o.value()) : null;
                String value = cut(o.value(), p, "option", longOptionAt.get(o.id()), ctx);
                options.add(new CustomField.Option(o.id(), value, color, (double) options.size() + 1));
                extras += o.extra() ? 1 : 0;
            }
            ctx.losses().lost(p.lossKey() + " details", p.kind() == FieldKind.SPRINT
                    ? "sprint dates, state and goal: the option keeps only the sprint name"
                    : "dates (release, start, end): the option keeps only the name", extras, Location.NONE);
            sink.accept(CustomField.select(p.kaitenId(), type, name, options));
        }
    }

    /** {@code at}: where the text was read; null for names made up here (from a field id), never too long. */
    private static String cut(String text, FieldPlan p, String what, Location at, SourceContext ctx) {
        if (!tooLong(text)) {
            return text;
        }
        ctx.losses().lost(p.lossKey(), what + " cut to 128 characters", at == null ? Location.NONE : at);
        return text.substring(0, text.offsetByCodePoints(0, 127)) + "…";
    }
}
