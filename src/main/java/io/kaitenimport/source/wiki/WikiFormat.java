package io.kaitenimport.source.wiki;

import java.io.IOException;
import java.util.List;

/** One kind of wiki export: how its files make a tree, and how one page becomes a document body. */
interface WikiFormat {
    /** A page's body: Markdown (preferred) or HTML, with its links already rewritten. */
    record Rendered(String text, String type) {
        static Rendered markdown(String text) {
            return new Rendered(text, "markdown");
        }
    }

    /** Whether the names of an export's files look like this format (cheap; names only). */
    boolean claims(List<String> names);

    List<WikiNode> tree(WikiFiles files, WikiRun run) throws IOException;

    /** The space's title when --space is not given: the export's own name for itself, else its file name. */
    default String title(WikiFiles files, WikiRun run) throws IOException {
        return files.title();
    }

    Rendered render(WikiNode page, WikiRun run) throws IOException;

    /** Files the exporting tool adds for itself (styles, icons, settings): neither content nor a loss. */
    default boolean furniture(String relative) {
        return false;
    }
}
