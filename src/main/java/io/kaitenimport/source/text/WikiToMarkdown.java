package io.kaitenimport.source.text;

/**
 * Jira Server/Data Center (and REST v2, CSV) wiki markup to CommonMark/GFM.
 * Constructs Markdown cannot express are counted in {@link TextConversion#lost()} under {@code wiki.*} keys.
 */
public final class WikiToMarkdown {

    private WikiToMarkdown() {
    }

    /** Never throws; null gives empty Markdown. */
    public static TextConversion convert(String wiki) {
        if (wiki == null || wiki.isEmpty()) {
            return TextConversion.of("");
        }
        String text = wiki.replace("\r\n", "\n").replace('\r', '\n');
        Losses losses = new Losses();
        String markdown;
        try {
            markdown = new WikiBlocks(text, losses).document();
        } catch (RuntimeException e) {
            // one odd field must not abort an import: keep the text verbatim and flag the field
            losses.add("wiki.converter.error");
            markdown = Markdown.fencedCode(text, null);
        }
        return losses.result(markdown);
    }
}
