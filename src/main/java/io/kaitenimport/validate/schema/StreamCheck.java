package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a value straight from the token stream: objects and arrays are walked token by token and never built,
 * strings are measured in the parser's buffer. A value whose schema needs it whole (anyOf, if/then, enum,
 * uniqueItems…, or the wrong type, whose error quotes it) is read into a small tree and checked by
 * {@link SchemaNode#check}. The issues are the same either way; only the cost differs.
 */
final class StreamCheck {
    private final JsonParser p;
    private final Path path = new Path();
    private List<SchemaError> out;
    /** The record schema (its target) and the top-level fields handed on as values; the rest are skipped. */
    private final SchemaNode record;
    private final KeptFields keep;
    /** The kept slot of each of the record schema's numbered names (-1: not kept). */
    private final int[] keptSlots;

    StreamCheck(JsonParser p, SchemaNode schema, KeptFields keep) {
        this.p = p;
        this.record = schema.target;
        this.keep = keep;
        this.keptSlots = new int[record.byIndex.length];
        java.util.Arrays.fill(keptSlots, -1);
        record.nameIndex.forEach((name, i) -> keptSlots[i] = keep.slot(name));
    }

    /** Resolves, once per compile, what the walk needs to know about each node. */
    static void prepare(Collection<SchemaNode> all) {
        // Only nodes not prepared yet: earlier ones may already be checking records on other threads (a later
        // file compiled by the same compiler must not renumber them under a reader's feet).
        List<SchemaNode> nodes = new java.util.ArrayList<>();
        for (SchemaNode n : all) {
            if (!n.prepared) {
                nodes.add(n);
            }
        }
        for (SchemaNode n : nodes) {
            n.numberNames();
        }
        for (SchemaNode n : nodes) {
            SchemaNode t = n;
            for (int hops = 0; t.ref != null || isWrapper(t); hops++) {
                if (hops > all.size()) {
                    throw new SchemaCompileException(n.where, "$ref cycle without a schema in between");
                }
                t = t.ref != null ? t.ref : t.allOf[0];
            }
            n.target = t;
            if (t.prepared) {
                continue; // flags of a node prepared before, which readers may be using
            }
            boolean whole = t.enumRule != null || t.constRule != null || t.allOf.length > 0 || t.anyOf.length > 0
                    || t.ifSchema != null || t.contains != null || t.propertyNames != null;
            t.streamsContainers = !whole && t.minItems == null && t.maxItems == null && !t.uniqueItems
                    && t.names.length <= 64;
            t.plainStrings = !whole && t.pattern == null && t.format == null;
            t.quickStrings = !whole && t.pattern == null && t.minLength == null && t.maxLength == null
                    && t.format != null && t.format.hasQuick();
            // (other strings: SchemaNode.passes, then check only on failure)
            t.plainOthers = !whole && t.minimum == null && t.maximum == null;
        }
        for (SchemaNode n : nodes) {
            n.prepared = true;
        }
    }

    /** An object holding nothing but annotations and one allOf entry: the entry says it all. */
    private static boolean isWrapper(SchemaNode n) {
        return n.allOf.length == 1 && n.types == Types.ANY && n.enumRule == null && n.constRule == null
                && n.minLength == null && n.maxLength == null && n.minimum == null && n.maximum == null
                && n.pattern == null && n.format == null && n.required.length == 0 && n.properties.isEmpty()
                && !n.noAdditional && n.additional == null && n.items == null && n.minItems == null
                && n.maxItems == null && !n.uniqueItems && n.anyOf.length == 0 && n.ifSchema == null
                && n.contains == null && n.propertyNames == null;
    }

    /**
     * Checks the record at the parser's current token and consumes it.
     *
     * @return the record with only the kept fields when it is an object, else the whole value
     */
    JsonNode record(List<SchemaError> errors) throws IOException {
        out = errors;
        path.reset();
        SchemaNode n = record;
        if (p.currentToken() == JsonToken.START_OBJECT && n.streamsContainers
                && Types.allows(n.types, Types.OBJECT)) {
            KeptRecord kept = new KeptRecord(keep);
            object(n, kept);
            return kept;
        }
        JsonNode whole = node();
        n.check(whole, path, out);
        return whole;
    }

    private void value(SchemaNode schema) throws IOException {
        SchemaNode n = schema.target;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                if (n.streamsContainers && Types.allows(n.types, Types.OBJECT)) {
                    object(n, null);
                } else {
                    n.check(node(), path, out);
                }
            }
            case START_ARRAY -> {
                if (n.streamsContainers && Types.allows(n.types, Types.ARRAY)) {
                    array(n);
                } else {
                    n.check(node(), path, out);
                }
            }
            case VALUE_STRING -> {
                if (n.plainStrings) {
                    string(n);
                } else if (!n.quickStrings || !quickString(n)) {
                    String s = p.getText();
                    if (!n.passes(s)) {
                        n.check(TextNode.valueOf(s), path, out);
                    }
                }
            }
            case VALUE_NUMBER_INT -> scalar(n, Types.INTEGER);
            case VALUE_NUMBER_FLOAT -> scalar(n, Types.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> scalar(n, Types.BOOLEAN);
            case VALUE_NULL -> scalar(n, Types.NULL);
            default -> throw new IllegalStateException("unexpected token " + p.currentToken());
        }
    }

    private void scalar(SchemaNode n, int kind) throws IOException {
        if (!n.plainOthers) {
            n.check(node(), path, out);
        } else if (!Types.allows(n.types, kind)) {
            JsonNode v = node();
            if (!Types.accepts(n.types, v)) {
                typeError(n, v);
            }
        }
    }

    private void string(SchemaNode n) throws IOException {
        if (!Types.allows(n.types, Types.STRING)) {
            // its length errors, if any, would be dropped beside the type error anyway
            typeError(n, node());
            return;
        }
        if (n.minLength == null && n.maxLength == null) {
            return;
        }
        int length = p.getTextLength();
        long min = n.minLength == null ? 0 : n.minLength.asLong();
        long max = n.maxLength == null ? Long.MAX_VALUE : n.maxLength.asLong();
        // A string of L chars has between ceil(L/2) and L code points: count only when that range straddles a bound.
        if (length <= max && (length + 1) / 2 >= min) {
            return;
        }
        long points = codePoints(p.getTextCharacters(), p.getTextOffset(), length);
        if (points < min || points > max) {
            n.check(node(), path, out);
        }
    }

    /** Whether the string at the parser passes a {@link SchemaNode#quickStrings} node, judged in the buffer. */
    private boolean quickString(SchemaNode n) throws IOException {
        if (!Types.allows(n.types, Types.STRING)) {
            return false;
        }
        return n.format.quick(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static long codePoints(char[] c, int offset, int length) {
        long points = length;
        int end = offset + length;
        for (int i = offset; i < end - 1; i++) {
            if (Character.isHighSurrogate(c[i]) && Character.isLowSurrogate(c[i + 1])) {
                points--;
                i++;
            }
        }
        return points;
    }

    private void typeError(SchemaNode n, JsonNode value) {
        out.add(new SchemaError("type", path.pointer(), null, n.typeRule, value, "type"));
    }

    private void object(SchemaNode n, KeptRecord kept) throws IOException {
        int start = out.size();
        long seen = 0;
        Set<String> seenOthers = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Integer index = n.nameIndex.get(name);
            SchemaNode child = null;
            if (index != null) {
                long bit = 1L << index;
                if ((seen & bit) != 0) {
                    forget(start, name);
                }
                seen |= bit;
                child = n.byIndex[index];
            } else {
                if (seenOthers == null) {
                    seenOthers = new HashSet<>();
                }
                if (!seenOthers.add(name)) {
                    forget(start, name);
                }
            }
            if (child == null) {
                if (n.noAdditional) {
                    out.add(new SchemaError("additionalProperties", path.pointer(), name, null, null,
                            "additionalProperties"));
                }
                child = n.additional;
            }
            path.push(name);
            // kept: by its slot when the schema numbers the name, else (an unknown field) by name
            int slot = kept == null ? -1 : index != null ? keptSlots[index] : kept.keptFields().slot(name);
            if (slot >= 0) {
                JsonNode v = node();
                if (child != null && !(v.isTextual() && child.passes(v.textValue()))) {
                    child.check(v, path, out);
                }
                kept.put(slot, v);
            } else if (child != null) {
                value(child);
            } else {
                p.skipChildren();
            }
            path.pop();
        }
        for (String r : n.required) {
            if ((seen & (1L << n.nameIndex.get(r))) == 0) {
                out.add(new SchemaError("required", path.pointer(), r, null, null, "required"));
            }
        }
    }

    /**
     * A repeated key: a tree keeps only its last value, so what was found about the earlier one goes (its own
     * errors and an unknown-field error for it), and the later one is checked in its place.
     */
    private void forget(int start, String name) {
        String here = path.pointer();
        String at = here + "/" + Path.escape(name);
        for (int i = out.size() - 1; i >= start; i--) {
            SchemaError e = out.get(i);
            if (e.at().equals(at) || e.at().startsWith(at + "/")
                    || (e.at().equals(here) && name.equals(e.property())
                    && "additionalProperties".equals(e.keyword()))) {
                out.remove(i);
            }
        }
    }

    private void array(SchemaNode n) throws IOException {
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (n.items != null) {
                path.push(i);
                value(n.items);
                path.pop();
            } else {
                p.skipChildren();
            }
            i++;
        }
    }

    /**
     * Tree reading with the JsonNode type resolved once: {@code readValueAsTree} looks the type up again on every
     * call, which showed in profiles of big packages.
     */
    private static final ObjectReader TREES = Json.MAPPER.readerFor(JsonNode.class);

    /** The current value as a tree node, the same node Jackson's own tree reading would give; consumes it. */
    private JsonNode node() throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> IntNode.valueOf(p.getIntValue());
                case LONG -> LongNode.valueOf(p.getLongValue());
                default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
            };
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            case START_ARRAY -> {
                // Lists of ids are most kept values: built here, without a deserialization context per list.
                // Elements go through this same method, so objects and fractions still get the mapper's rules,
                // and a syntax error is the parser's own, as with tree reading.
                ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "end of input inside an array");
                    }
                    a.add(node());
                }
                yield a;
            }
            default -> TREES.readValue(p); // objects and fractions: the mapper's own rules
        };
    }
}
