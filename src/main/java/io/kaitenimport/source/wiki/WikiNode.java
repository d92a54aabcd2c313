package io.kaitenimport.source.wiki;

import java.util.ArrayList;
import java.util.List;

/**
 * One place in a wiki's tree: a page (becomes a document; {@code file} is its source file) or a folder (becomes a
 * folder). Children keep the export's order. Nodes hold names and ids only; a page's text is read when written.
 */
final class WikiNode {
    enum Kind { FOLDER, PAGE }

    final Kind kind;
    final String id;
    final String title;
    /** The page's source file, or the folder's relative name. */
    final String file;
    String created;
    final List<WikiNode> children = new ArrayList<>();
    WikiNode parent;

    WikiNode(Kind kind, String id, String title, String file) {
        this.kind = kind;
        this.id = id;
        this.title = title;
        this.file = file;
    }

    static WikiNode page(String id, String title, String file) {
        return new WikiNode(Kind.PAGE, id, title, file);
    }

    static WikiNode folder(String id, String title, String folder) {
        return new WikiNode(Kind.FOLDER, id, title, folder);
    }

    void add(WikiNode child) {
        child.parent = this;
        children.add(child);
    }
}
