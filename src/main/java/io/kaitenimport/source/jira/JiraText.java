package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.text.AdfToMarkdown;
import io.kaitenimport.source.text.TextConversion;
import io.kaitenimport.source.text.WikiToMarkdown;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.util.Map;

/**
 * Jira rich text to Markdown, decided per value: a string is wiki markup (REST v2, Server/DC), an object is ADF
 * (REST v3). What Markdown cannot express is counted per field and construct.
 */
final class JiraText {
    private final SourceContext ctx;
    private final Malformed malformed;

    JiraText(SourceContext ctx, Malformed malformed) {
        this.ctx = ctx;
        this.malformed = malformed;
    }

    /**
     * Markdown, or null when the value is empty or not text (a list is reported and counted); {@code field} names
     * it in the loss report.
     */
    String markdown(JsonNode value, String field, Location where) {
        if (Shape.isEmpty(value)) {
            return null;
        }
        if (value.isArray()) {
            malformed.report(value, "text", "jira " + field, where);
            return null;
        }
        TextConversion c;
        try {
            if (value.isTextual()) {
                c = WikiToMarkdown.convert(value.asText());
            } else if (value.isObject()) {
                c = AdfToMarkdown.convert(value);
            } else {
                return value.isValueNode() ? value.asText() : null;
            }
        } catch (RuntimeException e) {
            // A converter bug must not lose the text: keep the source verbatim in a code block and say so.
            ctx.issue(IssueCode.SOURCE_VALUE_INVALID, where, "jira " + field + ": text could not be converted ("
                    + e.getMessage() + "); kept as source in a code block");
            return "```\n" + (value.isTextual() ? value.asText() : value.toString()) + "\n```";
        }
        if (c.lost() != null) {
            for (Map.Entry<String, Integer> e : c.lost().entrySet()) {
                ctx.losses().lost("jira " + field + ": " + e.getKey(), "Markdown cannot express it", e.getValue(),
                        where);
            }
        }
        String md = c.markdown() == null ? null : c.markdown().strip();
        return md == null || md.isEmpty() ? null : md;
    }
}
