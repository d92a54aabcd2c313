package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled schema object, and the check of a whole value (a {@link JsonNode}) against it. Every keyword is
 * applied on its own as networknt applies it: a wrong type does not stop the others, keywords of another type's
 * values are ignored, anyOf reports every branch's errors when none passes, if/then reports the then-branch's.
 * The streaming walk ({@link StreamCheck}) uses this for scalars and for the rare values it cannot stream.
 */
final class SchemaNode {
    final String where;
    /** Set for a {@code $ref} (draft-07 ignores its siblings, and the compiler refuses any that would matter). */
    SchemaNode ref;
    int types = Types.ANY;
    JsonNode typeRule;
    JsonNode enumRule;
    JsonNode constRule;
    JsonNode minLength;
    JsonNode maxLength;
    JsonNode minimum;
    JsonNode maximum;
    Pattern pattern;
    JsonNode patternRule;
    FormatCheck format;
    JsonNode formatRule;
    String[] required = new String[0];
    Map<String, SchemaNode> properties = Map.of();
    boolean noAdditional;
    SchemaNode additional;
    SchemaNode items;
    JsonNode minItems;
    JsonNode maxItems;
    boolean uniqueItems;
    SchemaNode[] allOf = new SchemaNode[0];
    SchemaNode[] anyOf = new SchemaNode[0];
    SchemaNode ifSchema;
    /** {@code contains} and {@code propertyNames}: only in a precheck compile (see SchemaCompiler.precheck). */
    SchemaNode contains;
    SchemaNode propertyNames;
    SchemaNode thenSchema;
    SchemaNode elseSchema;

    // Filled by StreamCheck.prepare: what the streaming walk needs, resolved once and never again (other threads
    // may be reading records with this node by the time another file is compiled).
    boolean prepared;
    /** Where to go instead of this node: through $ref and a lone allOf of an annotation-only wrapper. */
    SchemaNode target;
    /** Objects and arrays can be walked token by token (no keyword needs the whole value at once). */
    boolean streamsContainers;
    /** Strings need at most a type and length check (no text materialised). */
    boolean plainStrings;
    /** Numbers, booleans and null need at most a type check. */
    boolean plainOthers;
    /**
     * A string whose only keyword is a format with a quick test: checked in the parser's buffer
     * ({@link FormatCheck#quick}), made a String only when that test cannot say "valid".
     */
    boolean quickStrings;
    /** Properties and required names, numbered for a per-object bit set of names seen. */
    Map<String, Integer> nameIndex = Map.of();
    String[] names = new String[0];
    SchemaNode[] byIndex = new SchemaNode[0];

    SchemaNode(String where) {
        this.where = where;
    }

    /** Checks a whole value; {@code path} points at it and is left as it was. */
    void check(JsonNode v, Path path, List<SchemaError> out) {
        if (ref != null) {
            ref.check(v, path, out);
            return;
        }
        int kind = Types.of(v);
        if (!Types.accepts(types, v)) {
            out.add(new SchemaError("type", path.pointer(), null, typeRule, v,
                    "type"));
        }
        if (enumRule != null && !inEnum(v)) {
            out.add(new SchemaError("enum", path.pointer(), null, enumRule, v, "enum"));
        }
        if (constRule != null && !same(constRule, v)) {
            out.add(new SchemaError("const", path.pointer(), null, constRule, v, "const"));
        }
        switch (kind) {
            case Types.STRING -> string(v, path, out);
            case Types.INTEGER, Types.NUMBER -> number(v, path, out);
            case Types.OBJECT -> object(v, path, out);
            case Types.ARRAY -> array(v, path, out);
            default -> {
                // booleans and null have no keywords of their own
            }
        }
        for (SchemaNode s : allOf) {
            s.check(v, path, out);
        }
        if (anyOf.length > 0) {
            List<SchemaError> all = new ArrayList<>();
            boolean passed = false;
            for (SchemaNode s : anyOf) {
                int before = all.size();
                s.check(v, path, all);
                if (all.size() == before) {
                    passed = true;
                    break;
                }
            }
            if (!passed) {
                out.addAll(all);
            }
        }
        if (ifSchema != null) {
            SchemaNode branch = ifSchema.accepts(v, path) ? thenSchema : elseSchema;
            if (branch != null) {
                branch.check(v, path, out);
            }
        }
    }

    /**
     * Whether a string passes every keyword here, i.e. whether {@link #check} would find nothing; cheaper, as it
     * builds no errors. The streaming walk asks this first and runs {@link #check} only for a string that fails.
     */
    boolean passes(String s) {
        if (ref != null) {
            return ref.passes(s);
        }
        if (!Types.allows(types, Types.STRING)
                || (enumRule != null && !textIn(enumRule, s))
                || (constRule != null && !(constRule.isTextual() && constRule.textValue().equals(s)))) {
            return false;
        }
        if (minLength != null || maxLength != null) {
            int length = s.codePointCount(0, s.length());
            if ((minLength != null && length < minLength.asLong())
                    || (maxLength != null && length > maxLength.asLong())) {
                return false;
            }
        }
        if ((pattern != null && !pattern.matcher(s).find()) || (format != null && !format.matches(s))) {
            return false;
        }
        for (SchemaNode a : allOf) {
            if (!a.passes(s)) {
                return false;
            }
        }
        if (anyOf.length > 0) {
            boolean any = false;
            for (SchemaNode a : anyOf) {
                if (a.passes(s)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        if (ifSchema != null) {
            SchemaNode branch = ifSchema.passes(s) ? thenSchema : elseSchema;
            return branch == null || branch.passes(s);
        }
        return true;
    }

    private static boolean textIn(JsonNode list, String s) {
        for (JsonNode allowed : list) {
            if (allowed.isTextual() && allowed.textValue().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private void string(JsonNode v, Path path, List<SchemaError> out) {
        String s = v.textValue();
        if (minLength != null || maxLength != null) {
            int length = s.codePointCount(0, s.length());
            if (minLength != null && length < minLength.asLong()) {
                out.add(new SchemaError("minLength", path.pointer(), null, minLength, v, "minLength"));
            }
            if (maxLength != null && length > maxLength.asLong()) {
                out.add(new SchemaError("maxLength", path.pointer(), null, maxLength, v, "maxLength"));
            }
        }
        if (pattern != null && !pattern.matcher(s).find()) {
            out.add(new SchemaError("pattern", path.pointer(), null, patternRule, v, "pattern"));
        }
        if (format != null && !format.matches(s)) {
            out.add(new SchemaError("format", path.pointer(), null, formatRule, v, "format"));
        }
    }

    private void number(JsonNode v, Path path, List<SchemaError> out) {
        if (minimum != null && compare(v, minimum) < 0) {
            out.add(new SchemaError("minimum", path.pointer(), null, minimum, v,
                    "must have a minimum value of " + minimum.asText()));
        }
        if (maximum != null && compare(v, maximum) > 0) {
            out.add(new SchemaError("maximum", path.pointer(), null, maximum, v,
                    "must have a maximum value of " + maximum.asText()));
        }
    }

    private static int compare(JsonNode v, JsonNode bound) {
        if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            return v.doubleValue() > 0 ? 1 : -1;
        }
        return v.decimalValue().compareTo(bound.decimalValue());
    }

    private boolean anyPasses(JsonNode array, Path path) {
        for (JsonNode item : array) {
            if (contains.accepts(item, path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #check} finds nothing in {@code v} (if, contains and propertyNames ask it of a subschema). */
    boolean accepts(JsonNode v, Path path) {
        List<SchemaError> probe = new ArrayList<>();
        check(v, path, probe);
        return probe.isEmpty();
    }

    private void object(JsonNode v, Path path, List<SchemaError> out) {
        if (propertyNames != null) {
            for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!propertyNames.accepts(com.fasterxml.jackson.databind.node.TextNode.valueOf(name), path)) {
                    out.add(new SchemaError("propertyNames", path.pointer(), name, null, v, "propertyNames"));
                }
            }
        }
        for (String name : required) {
            if (!v.has(name)) {
                out.add(new SchemaError("required", path.pointer(), name, null, null, "required"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            SchemaNode p = properties.get(field.getKey());
            if (p == null && noAdditional) {
                out.add(new SchemaError("additionalProperties", path.pointer(), field.getKey(), null, v,
                        "additionalProperties"));
                continue;
            }
            SchemaNode s = p != null ? p : additional;
            if (s != null) {
                path.push(field.getKey());
                s.check(field.getValue(), path, out);
                path.pop();
            }
        }
    }

    private void array(JsonNode v, Path path, List<SchemaError> out) {
        if (contains != null && !anyPasses(v, path)) {
            out.add(new SchemaError("contains", path.pointer(), null, null, v, "contains"));
        }
        if (items != null) {
            for (int i = 0; i < v.size(); i++) {
                path.push(i);
                items.check(v.get(i), path, out);
                path.pop();
            }
        }
        if (minItems != null && v.size() < minItems.asLong()) {
            out.add(new SchemaError("minItems", path.pointer(), null, minItems, v, "minItems"));
        }
        if (maxItems != null && v.size() > maxItems.asLong()) {
            out.add(new SchemaError("maxItems", path.pointer(), null, maxItems, v, "maxItems"));
        }
        if (uniqueItems) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : v) {
                if (!seen.add(item)) {
                    out.add(new SchemaError("uniqueItems", path.pointer(), null, null, v,
                            "must have only unique items in the array")); // once per repeat, as networknt
                }
            }
        }
    }

    private boolean inEnum(JsonNode v) {
        for (JsonNode allowed : enumRule) {
            if (same(allowed, v)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality, with numbers equal by value (1 and 1.0), as the specification asks for enum and const. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** Names of properties and required fields, numbered (for the streaming walk). */
    void numberNames() {
        Map<String, Integer> index = new HashMap<>();
        List<String> all = new ArrayList<>(properties.keySet());
        for (String r : required) {
            if (!properties.containsKey(r)) {
                all.add(r);
            }
        }
        names = all.toArray(new String[0]);
        byIndex = new SchemaNode[names.length];
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
            byIndex[i] = properties.get(names[i]);
        }
        nameIndex = index;
    }
}
