package io.kaitenimport.source.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Atlassian Document Format (Jira Cloud REST v3 rich text) to CommonMark/GFM.
 * Constructs Markdown cannot express are counted in {@link TextConversion#lost()} under {@code adf.*} keys.
 */
public final class AdfToMarkdown {

    private AdfToMarkdown() {
    }

    /**
     * Converts a document (or any single ADF node). Never throws: malformed input gives best-effort Markdown and
     * counts {@code adf.malformed}; a null or JSON-null node is an empty field and gives empty Markdown.
     */
    public static TextConversion convert(JsonNode doc) {
        Losses losses = new Losses();
        String markdown;
        try {
            markdown = new AdfBlocks(losses).document(doc);
        } catch (RuntimeException e) {
            // one odd field must not abort an import of thousands of issues: keep the words and flag the field
            losses.add("adf.converter.error");
            markdown = plainText(doc);
        }
        return losses.result(markdown);
    }

    private static String plainText(JsonNode doc) {
        try {
            return Markdown.escapeText(String.join(" ", doc.findValuesAsText("text")), true);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
