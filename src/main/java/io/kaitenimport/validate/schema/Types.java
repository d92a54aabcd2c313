package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON Schema's seven types as bits, and which of them a value has (draft-07 rules, as networknt applies them). */
final class Types {
    static final int STRING = 1;
    static final int INTEGER = 2;
    static final int NUMBER = 4;
    static final int BOOLEAN = 8;
    static final int NULL = 16;
    static final int ARRAY = 32;
    static final int OBJECT = 64;
    static final int ANY = 127;

    private Types() {
    }

    static int bit(String name, String where) {
        return switch (name) {
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "null" -> NULL;
            case "array" -> ARRAY;
            case "object" -> OBJECT;
            default -> throw new SchemaCompileException(where, "unknown type '" + name + "'");
        };
    }

    /** Whether a value of the given JSON kind is allowed by the type bits; "number" takes integers too. */
    static boolean allows(int allowed, int kind) {
        return (allowed & kind) != 0 || (kind == INTEGER && (allowed & NUMBER) != 0);
    }

    /**
     * Whether the value has an allowed type. Since draft-06 a number without a fractional part (1.0) is an
     * integer, and networknt applies that.
     */
    static boolean accepts(int allowed, JsonNode v) {
        int kind = of(v);
        return allows(allowed, kind)
                || (kind == NUMBER && (allowed & INTEGER) != 0 && v.canConvertToExactIntegral());
    }

    static int of(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> STRING;
            case NUMBER -> v.isIntegralNumber() ? INTEGER : NUMBER;
            case BOOLEAN -> BOOLEAN;
            case NULL -> NULL;
            case ARRAY -> ARRAY;
            case OBJECT -> OBJECT;
            default -> 0;
        };
    }
}
