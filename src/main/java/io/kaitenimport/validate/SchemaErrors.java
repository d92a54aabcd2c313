package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.kaitenimport.validate.schema.SchemaError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns networknt's errors into catalog issues with sentences a person can act on ("title is 1,300 characters;
 * the maximum is 1024") instead of the library's generic wording.
 */
final class SchemaErrors {
    private static final int QUOTE_MAX = 60;
    private static final Set<String> CONSEQUENCES =
            Set.of("enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum");

    private SchemaErrors() {
    }

    /**
     * @param base the record's location; each issue gets the pointer of the offending value in it
     */
    static List<Issue> toIssues(List<Error> errors, Location base, IssueCode fallback) {
        return fromErrors(fromNetworknt(errors), base, fallback);
    }

    /** networknt's errors in the validator-neutral shape (meta-data, mapping files, and the tests' oracle). */
    static List<SchemaError> fromNetworknt(List<Error> errors) {
        List<SchemaError> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            out.add(new SchemaError(e.getKeyword(),
                    e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString(), e.getProperty(),
                    e.getSchemaNode(), e.getInstanceNode(), e.getMessage()));
        }
        return out;
    }

    /**
     * @param base the record's location; each issue gets the pointer of the offending value in it
     */
    static List<Issue> fromErrors(List<SchemaError> errors, Location base, IssueCode fallback) {
        if (errors.isEmpty()) {
            return new ArrayList<>(0);
        }
        // The whole document is "the record" inside an entity array, else the file itself (meta-data, mappings).
        String root = base.recordIndex() == null && base.file() != null ? base.file() : "the record";
        List<Issue> out = new ArrayList<>();
        // A value of the wrong type also fails its enum, length or format; the type error alone says what to fix.
        Set<String> wrongType = new java.util.HashSet<>();
        for (SchemaError e : errors) {
            if ("type".equals(e.keyword())) {
                wrongType.add(pointer(e));
            }
        }
        // anyOf/oneOf branches each report their own error for the same value ("type" twice, or "format" for
        // date and again for date-time): say it once, listing every alternative that would have been accepted.
        Map<String, Set<String>> expectedTypes = new LinkedHashMap<>();
        Map<String, Set<String>> expectedFormats = new LinkedHashMap<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (SchemaError e : errors) {
            String pointer = pointer(e);
            String keyword = e.keyword();
            if (wrongType.contains(pointer) && CONSEQUENCES.contains(keyword)) {
                continue;
            }
            if ("type".equals(keyword) || "format".equals(keyword)) {
                Map<String, Set<String>> into = "type".equals(keyword) ? expectedTypes : expectedFormats;
                Set<String> expected = into.computeIfAbsent(pointer, p -> new LinkedHashSet<>());
                JsonNode rule = e.rule();
                if (rule != null && rule.isArray()) {
                    rule.forEach(t -> expected.add(t.asText()));
                } else if (rule != null) {
                    expected.add(rule.asText());
                }
                values.putIfAbsent(pointer, e.value());
                continue;
            }
            out.add(convert(e, pointer, base, fallback, root));
        }
        for (Map.Entry<String, Set<String>> t : expectedTypes.entrySet()) {
            String message = name(t.getKey(), root) + " is " + typeOf(values.get(t.getKey())) + "; expected "
                    + String.join(" or ", t.getValue());
            out.add(issue(IssueCode.SCHEMA_TYPE, fallback, base, t.getKey(), message));
        }
        for (Map.Entry<String, Set<String>> f : expectedFormats.entrySet()) {
            String message = name(f.getKey(), root) + " is not a valid " + String.join(" or ", f.getValue()) + ": "
                    + quote(values.get(f.getKey()));
            out.add(issue(IssueCode.SCHEMA_FORMAT, fallback, base, f.getKey(), message));
        }
        return out;
    }

    private static Issue convert(SchemaError e, String pointer, Location base, IssueCode fallback, String root) {
        String keyword = e.keyword() == null ? "" : e.keyword();
        JsonNode value = e.value();
        JsonNode rule = e.rule();
        String name = name(pointer, root);
        return switch (keyword) {
            case "required" -> issue(IssueCode.SCHEMA_REQUIRED, fallback, base, pointer,
                    "required field '" + e.property() + "' is missing" + within(parent(pointer)));
            case "additionalProperties" -> issue(IssueCode.SCHEMA_UNKNOWN_FIELD, fallback, base, pointer,
                    "unknown field '" + e.property() + "'" + within(parent(pointer)));
            case "enum" -> issue(IssueCode.SCHEMA_ENUM, fallback, base, pointer,
                    name + " is " + quote(value) + "; allowed values are " + list(rule));
            case "const" -> issue(IssueCode.SCHEMA_ENUM, fallback, base, pointer,
                    name + " is " + quote(value) + "; it must be " + quote(rule));
            case "maxLength" -> issue(IssueCode.SCHEMA_LENGTH, fallback, base, pointer,
                    String.format(Locale.ROOT, "%s is %,d characters; the maximum is %d", name, length(value),
                            rule.asLong()));
            case "minLength" -> issue(IssueCode.SCHEMA_LENGTH, fallback, base, pointer,
                    String.format(Locale.ROOT, "%s is %,d characters; the minimum is %d", name, length(value),
                            rule.asLong()));
            case "maxItems" -> issue(IssueCode.SCHEMA_LENGTH, fallback, base, pointer,
                    String.format(Locale.ROOT, "%s has %,d items; the maximum is %d", name, value.size(),
                            rule.asLong()));
            case "minItems" -> issue(IssueCode.SCHEMA_LENGTH, fallback, base, pointer,
                    String.format(Locale.ROOT, "%s has %,d items; the minimum is %d", name, value.size(),
                            rule.asLong()));
            case "pattern" -> issue(IssueCode.SCHEMA_FORMAT, fallback, base, pointer,
                    name + " " + quote(value) + " does not match the pattern " + rule.asText());
            default -> issue(IssueCode.SCHEMA_OTHER, fallback, base, pointer, name + " " + e.message());
        };
    }

    /** Under meta-data.json every schema problem is one code; elsewhere the keyword decides. */
    private static Issue issue(IssueCode code, IssueCode fallback, Location base, String pointer, String message) {
        IssueCode chosen = fallback == null ? code : fallback;
        return new Issue(chosen, chosen.severity(), message, base.withPointer(pointer));
    }

    /** The instance location, extended by the property for errors about one property (missing, extra, badly named). */
    private static String pointer(SchemaError e) {
        String at = e.at();
        String keyword = e.keyword();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword) || "propertyNames".equals(keyword))
                && e.property() != null) {
            at = at + "/" + e.property().replace("~", "~0").replace("/", "~1");
        }
        return at;
    }

    static String field(String pointer) {
        return name(pointer, "the record");
    }

    private static String name(String pointer, String root) {
        return pointer == null || pointer.isEmpty() ? root : pointer.substring(1);
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    private static String within(String parentPointer) {
        return parentPointer.isEmpty() ? "" : " in " + parentPointer.substring(1);
    }

    private static long length(JsonNode value) {
        String s = value == null ? "" : value.asText();
        return s.codePointCount(0, s.length());
    }

    private static String list(JsonNode values) {
        if (values == null || !values.isArray()) {
            return String.valueOf(values);
        }
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", items);
    }

    static String quote(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        String s = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return s.length() > QUOTE_MAX ? s.substring(0, QUOTE_MAX) + "…" : s;
    }

    static String typeOf(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
