package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One failed keyword, in the shape networknt reports it, so that one translation ({@code validate.SchemaErrors})
 * words the issues of both validators alike.
 *
 * @param keyword  the schema keyword that failed ("type", "required", …)
 * @param at       JSON pointer of the value the keyword applies to ("" for the record itself)
 * @param property the property named by required / additionalProperties errors, else null
 * @param rule     the keyword's value in the schema
 * @param value    the offending value (null when absent)
 * @param message  networknt's wording, used only by keywords without a sentence of their own
 */
public record SchemaError(String keyword, String at, String property, JsonNode rule, JsonNode value, String message) {
}
