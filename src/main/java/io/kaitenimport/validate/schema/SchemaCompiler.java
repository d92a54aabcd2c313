package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles draft-07 schemas of the package format into {@link SchemaNode}s. Only the keywords this validator
 * implements exactly are accepted; any other keyword, an unresolvable {@code $ref} or an unknown format fails the
 * compile, so a schema edit cannot silently loosen validation. {@code $ref}s are {@code #/…} inside the same file or
 * {@code <base><file>#/…} into another file of the same folder.
 */
public final class SchemaCompiler {
    /** Keywords that say something to people and nothing to the validator. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "default", "examples", "definitions");
    private static final Set<String> IMPLEMENTED = Set.of("$ref", "type", "enum", "const", "minLength", "maxLength",
            "minimum", "maximum", "pattern", "format", "required", "properties", "additionalProperties", "items",
            "minItems", "maxItems", "uniqueItems", "allOf", "anyOf", "if", "then", "else");
    /**
     * Keywords a {@link #precheck} compile also takes: their answer is only "passes or not", so no error wording
     * has to match networknt's (meta-data.json uses them; networknt words the errors when there are any).
     */
    private static final Set<String> PRECHECK_ONLY = Set.of("contains", "propertyNames");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Function<String, String> source;
    private final Map<String, JsonNode> documents = new HashMap<>();
    private final Map<String, SchemaNode> compiled = new LinkedHashMap<>();
    /** A compiler of prechecks ({@link #precheck}), or of record schemas; one kind for its whole life. */
    private final boolean precheck;

    /**
     * @param base   the address schemas use for each other ({@code https://…/schemas/}); a file is base + name
     * @param source reads a schema file by name, null when there is none
     */
    public SchemaCompiler(String base, Function<String, String> source) {
        this(base, source, false);
    }

    private SchemaCompiler(String base, Function<String, String> source, boolean precheck) {
        this.base = base;
        this.source = source;
        this.precheck = precheck;
    }

    /**
     * A schema compiled only to answer whether a whole document passes ({@link CompiledSchema#passes}): it also
     * takes {@code contains} and {@code propertyNames}. Callers ask networknt for the errors when it does not pass.
     * Compiled apart from the record schemas, so those never accept the extra keywords.
     */
    public static CompiledSchema precheck(String base, Function<String, String> source, String file) {
        return new SchemaCompiler(base, source, true).compile(file);
    }

    /** The compiled schema of one file, ready to check records token by token (or, for a precheck, whole). */
    public CompiledSchema compile(String file) {
        SchemaNode root = node(file, "");
        // Unreferenced definitions are compiled too, so an unsupported keyword fails even before it is used.
        JsonNode definitions = document(file).get("definitions");
        if (definitions != null) {
            definitions.fieldNames().forEachRemaining(d -> node(file, "/definitions/" + d));
        }
        StreamCheck.prepare(compiled.values());
        return new CompiledSchema(root);
    }

    /** Every node compiled so far (tests check that compiling one file leaves earlier nodes untouched). */
    java.util.Collection<SchemaNode> nodes() {
        return java.util.List.copyOf(compiled.values());
    }

    private JsonNode document(String file) {
        return documents.computeIfAbsent(file, f -> {
            String text = source.apply(f);
            if (text == null) {
                throw new SchemaCompileException(f, "schema file not found");
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("schema " + f + " is not JSON", e);
            }
        });
    }

    private SchemaNode node(String file, String pointer) {
        String key = file + "#" + pointer;
        SchemaNode done = compiled.get(key);
        if (done != null) {
            return done;
        }
        JsonNode json = document(file).at(pointer);
        if (json.isMissingNode()) {
            throw new SchemaCompileException(key, "$ref points at nothing");
        }
        if (!json.isObject()) {
            throw new SchemaCompileException(key, "boolean or non-object schemas are not supported");
        }
        SchemaNode n = new SchemaNode(key);
        compiled.put(key, n); // before the children: a schema may refer to itself
        fill(n, json, file, pointer);
        return n;
    }

    private void fill(SchemaNode n, JsonNode json, String file, String pointer) {
        String where = n.where;
        for (var it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ANNOTATIONS.contains(k) && !IMPLEMENTED.contains(k) && !(precheck && PRECHECK_ONLY.contains(k))) {
                throw new SchemaCompileException(where, "keyword '" + k + "' is not implemented by the compiled "
                        + "validator (implement it in validate/schema and its differential test)");
            }
        }
        JsonNode ref = json.get("$ref");
        if (ref != null) {
            for (var it = json.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("$ref") && !ANNOTATIONS.contains(k)) {
                    throw new SchemaCompileException(where, "'" + k + "' beside $ref is ignored by draft-07; "
                            + "wrap the $ref in allOf");
                }
            }
            n.ref = resolve(file, ref.asText(), where);
            return;
        }
        JsonNode type = json.get("type");
        if (type != null) {
            int bits = 0;
            if (type.isArray()) {
                for (JsonNode t : type) {
                    bits |= Types.bit(t.asText(), where);
                }
            } else {
                bits = Types.bit(type.asText(), where);
            }
            n.types = bits;
            n.typeRule = type;
        }
        n.enumRule = json.get("enum");
        if (n.enumRule != null && !n.enumRule.isArray()) {
            throw new SchemaCompileException(where, "enum must be an array");
        }
        n.constRule = json.get("const");
        n.minLength = count(json, "minLength", where);
        n.maxLength = count(json, "maxLength", where);
        n.minItems = count(json, "minItems", where);
        n.maxItems = count(json, "maxItems", where);
        n.minimum = number(json, "minimum", where);
        n.maximum = number(json, "maximum", where);
        JsonNode pattern = json.get("pattern");
        if (pattern != null) {
            try {
                n.pattern = Pattern.compile(pattern.asText());
            } catch (PatternSyntaxException e) {
                throw new SchemaCompileException(where, "pattern does not compile: " + e.getMessage());
            }
            n.patternRule = pattern;
        }
        JsonNode format = json.get("format");
        if (format != null) {
            n.format = format(format.asText(), where);
            n.formatRule = format;
        }
        JsonNode required = json.get("required");
        if (required != null) {
            n.required = new String[required.size()];
            for (int i = 0; i < required.size(); i++) {
                n.required[i] = required.get(i).asText();
            }
        }
        JsonNode properties = json.get("properties");
        if (properties != null) {
            Map<String, SchemaNode> props = new LinkedHashMap<>();
            properties.fieldNames().forEachRemaining(p -> props.put(p,
                    node(file, pointer + "/properties/" + Path.escape(p))));
            n.properties = props;
        }
        JsonNode additional = json.get("additionalProperties");
        if (additional != null) {
            if (additional.isBoolean()) {
                n.noAdditional = !additional.booleanValue();
            } else {
                n.additional = node(file, pointer + "/additionalProperties");
            }
        }
        JsonNode items = json.get("items");
        if (items != null) {
            if (!items.isObject()) {
                throw new SchemaCompileException(where, "only a single schema under items is supported");
            }
            n.items = node(file, pointer + "/items");
        }
        JsonNode unique = json.get("uniqueItems");
        n.uniqueItems = unique != null && unique.asBoolean();
        n.allOf = list(json, "allOf", file, pointer);
        n.anyOf = list(json, "anyOf", file, pointer);
        if (json.has("contains")) {
            n.contains = node(file, pointer + "/contains");
        }
        if (json.has("propertyNames")) {
            n.propertyNames = node(file, pointer + "/propertyNames");
        }
        if (json.has("if")) {
            n.ifSchema = node(file, pointer + "/if");
            n.thenSchema = json.has("then") ? node(file, pointer + "/then") : null;
            n.elseSchema = json.has("else") ? node(file, pointer + "/else") : null;
        }
    }

    private SchemaNode[] list(JsonNode json, String keyword, String file, String pointer) {
        JsonNode list = json.get(keyword);
        if (list == null) {
            return new SchemaNode[0];
        }
        SchemaNode[] out = new SchemaNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node(file, pointer + "/" + keyword + "/" + i);
        }
        return out;
    }

    private SchemaNode resolve(String file, String ref, String where) {
        String target = file;
        String fragment;
        if (ref.startsWith("#")) {
            fragment = ref.substring(1);
        } else if (ref.startsWith(base)) {
            int hash = ref.indexOf('#');
            target = ref.substring(base.length(), hash < 0 ? ref.length() : hash);
            fragment = hash < 0 ? "" : ref.substring(hash + 1);
        } else {
            throw new SchemaCompileException(where, "$ref " + ref + " is outside " + base);
        }
        return node(target, fragment);
    }

    private static JsonNode count(JsonNode json, String keyword, String where) {
        JsonNode v = json.get(keyword);
        if (v != null && !(v.canConvertToExactIntegral() && v.asLong() >= 0)) {
            throw new SchemaCompileException(where, keyword + " must be a non-negative integer");
        }
        return v;
    }

    private static JsonNode number(JsonNode json, String keyword, String where) {
        JsonNode v = json.get(keyword);
        if (v != null && !v.isNumber()) {
            throw new SchemaCompileException(where, keyword + " must be a number");
        }
        return v;
    }

    private static FormatCheck format(String name, String where) {
        for (Format f : Formats.DEFAULT) {
            if (f.getName().equals(name)) {
                return new FormatCheck(f);
            }
        }
        throw new SchemaCompileException(where, "format '" + name + "' is unknown");
    }
}
