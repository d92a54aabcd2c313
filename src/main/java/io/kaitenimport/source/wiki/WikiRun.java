package io.kaitenimport.source.wiki;

import io.kaitenimport.source.text.HtmlToMarkdown;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.Document;
import io.kaitenimport.model.DocumentFile;
import io.kaitenimport.model.Folder;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.SourceContext;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One wiki conversion: the tree a format reader built, written as a space, folders, documents (each with its
 * body file in the package) and document files; links between pages and to files resolved and counted.
 */
final class WikiRun {
    /** Where links to another page point: the document's package id after this prefix. */
    static final String DOCUMENT_LINK = "kaiten-import://document/";
    static final String DOCUMENTS_DIR = "documents";

    final SourceContext ctx;
    final ModelSink sink;
    final WikiFiles files;
    private final Map<String, WikiNode> pagesByFile = new HashMap<>();
    private final Map<String, Map<String, String>> filesOfPage = new HashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    /** A reader's own way of finding a link target that is not a relative path (Obsidian: a name anywhere). */
    Function<String, String> byName = name -> null;
    String sourceName = "wiki";
    long pageLinks;
    long fileLinks;
    long missingFiles;
    long unresolvedLinks;
    long documents;
    long folders;
    long documentFiles;
    long keptHtml;

    WikiRun(SourceContext ctx, ModelSink sink, WikiFiles files) {
        this.ctx = ctx;
        this.sink = sink;
        this.files = files;
    }

    static String hash(String s) {
        return DigestUtils.sha1Hex(s.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The real name to give a file in the package when the export stores it under another (Confluence ids). */
    void nameFile(String relative, String name) {
        if (name != null && !name.isBlank()) {
            fileNames.putIfAbsent(relative, name.strip());
        }
    }

    void index(List<WikiNode> nodes) {
        for (WikiNode n : nodes) {
            if (n.kind == WikiNode.Kind.PAGE) {
                pagesByFile.put(n.file, n);
            }
            index(n.children);
        }
    }

    WikiNode page(String relative) {
        return pagesByFile.get(relative);
    }

    /**
     * The new destination for a link or image in {@code page}, or null to leave it: other pages become
     * {@code kaiten-import://document/<id>}, files of the export become document files (linked by their path in
     * the package, relative to the page's body file), external links stay, and what cannot be found is counted.
     */
    String link(WikiNode page, String target, boolean image) throws IOException {
        String t = target.strip();
        if (Links.external(t)) {
            return null;
        }
        Links.Split split = Links.Split.of(t);
        if (split.path().isEmpty()) {
            return null;
        }
        String base = Links.folderOf(page.file);
        String found = null;
        for (String candidate : new String[] {Links.decode(split.path()), split.path()}) {
            String r = Links.resolve(base, candidate);
            if (r != null && (pagesByFile.containsKey(r) || files.has(r))) {
                found = r;
                break;
            }
        }
        if (found == null) {
            found = byName.apply(Links.decode(split.path()));
        }
        String rest = split.rest().startsWith("#") ? split.rest() : "";
        return resolved(page, found, rest, t, image);
    }

    /** Destination for a target the reader already resolved to a relative name (or null when not found). */
    String resolved(WikiNode page, String found, String fragment, String shown, boolean image) throws IOException {
        if (found != null && pagesByFile.containsKey(found)) {
            pageLinks++;
            return DOCUMENT_LINK + sink.externalId(pagesByFile.get(found).id) + fragment;
        }
        if (found != null && files.has(found)) {
            fileLinks++;
            return "../../" + Links.encodePath(documentFile(page, found).substring(2));
        }
        Location at = files.at(page.file);
        if (image || looksLikeFile(shown)) {
            missingFiles++;
            ctx.losses().lost(sourceName + " file reference", "the file is not in the export", at);
        } else {
            unresolvedLinks++;
            ctx.losses().lost(sourceName + " page link", "the page is not in the export", at);
        }
        return null;
    }

    private static boolean looksLikeFile(String target) {
        String p = Links.Split.of(target).path().toLowerCase(java.util.Locale.ROOT);
        return p.matches(".*\\.[a-z0-9]{2,5}$") && !p.endsWith(".md") && !p.endsWith(".html") && !p.endsWith(".htm");
    }

    /** Packages {@code relative} for {@code page} once, and returns its package path. */
    String documentFile(WikiNode page, String relative) throws IOException {
        Map<String, String> mine = filesOfPage.computeIfAbsent(page.id, k -> new LinkedHashMap<>());
        String known = mine.get(relative);
        if (known != null) {
            return known;
        }
        String id = page.id + "-" + hash(relative).substring(0, 10);
        String name = fileNames.getOrDefault(relative, relative.substring(relative.lastIndexOf('/') + 1));
        String path = sink.storesFiles() ? sink.addFile("files", id, name, files.path(relative))
                : "./files/" + id + "/" + name;
        sink.accept(new DocumentFile(id, page.id, path, name));
        documentFiles++;
        mine.put(relative, path);
        return path;
    }

    /** Writes the space and the whole tree. */
    void write(String exportTitle, List<WikiNode> top, WikiFormat format) throws IOException {
        index(top);
        String given = ctx.common().spaceTitle();
        String title = given != null && !given.isBlank() ? given.strip() : exportTitle;
        String spaceId = "space";
        sink.accept(new Space(spaceId, fit(title, 128, "space title", Location.file(files.title())), null, null,
                null, null));
        write(top, spaceId, format);
        unreferenced(format);
        ctx.report().fact(sourceName, documents + " documents, " + folders + " folders, " + documentFiles
                + " document files; links: " + pageLinks + " to pages (as " + DOCUMENT_LINK + "<id>), "
                + fileLinks + " to files, " + unresolvedLinks + " to pages not in the export, " + missingFiles
                + " to missing files" + (keptHtml > 0 ? "; " + keptHtml + " pages kept as HTML" : ""));
    }

    /**
     * Files of the export that no page references reach no document: counted as lost, except the export tool's
     * own furniture (stylesheets, icons, Publish settings).
     */
    private void unreferenced(WikiFormat format) {
        java.util.Set<String> used = new java.util.HashSet<>(pagesByFile.keySet());
        filesOfPage.values().forEach(m -> used.addAll(m.keySet()));
        long n = 0;
        String first = null;
        for (String f : files.files().keySet()) {
            if (!used.contains(f) && !format.furniture(f)) {
                n++;
                first = first == null ? f : first;
            }
        }
        if (n > 0) {
            ctx.losses().lost(sourceName + " file no page references", "only files a page links or shows become "
                    + "document files", n, files.at(first));
        }
    }

    private void write(List<WikiNode> nodes, String parentId, WikiFormat format) throws IOException {
        int order = 0;
        for (WikiNode n : nodes) {
            order++;
            if (n.kind == WikiNode.Kind.FOLDER) {
                sink.accept(new Folder(n.id, fit(n.title, 128, "folder title", files.at(n.file)), n.created, parentId,
                        (double) order));
                folders++;
            } else {
                WikiFormat.Rendered body = format.render(n, this);
                String ext = body.type().equals("html") ? ".html" : ".md";
                byte[] bytes = body.text().getBytes(StandardCharsets.UTF_8);
                String path = sink.storesFiles() ? sink.addFile(DOCUMENTS_DIR, n.id, n.title + ext, bytes)
                        : "./" + DOCUMENTS_DIR + "/" + n.id + "/" + n.title + ext;
                sink.accept(new Document(n.id, fit(n.title, 1024, "document title", files.at(n.file)), n.created,
                        parentId, path,
                        (double) order, body.type()));
                documents++;
            }
            write(n.children, n.id, format);
        }
    }

    private String fit(String title, int max, String what, Location where) {
        String t = title == null || title.isBlank() ? "Untitled" : title.strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        ctx.issue(IssueCode.SOURCE_TITLE, where, what + " '" + t.substring(0, 40) + "…' cut to " + max
                + " characters");
        ctx.losses().lost(sourceName + " " + what, "longer than " + max + " characters", where);
        return t.substring(0, t.offsetByCodePoints(0, max));
    }

    /** Reads a page's text as UTF-8; bytes that are not UTF-8 are replaced, reported and counted. */
    /**
     * Parses an HTML page, refusing one nested deeper than {@link HtmlToMarkdown#MAX_DEPTH} elements: jsoup's
     * descendant selectors and the Markdown converter walk ancestors per element, so 30,000 nested tags took minutes
     * and 2,000 overflowed the stack (issue 14). No exported page nests like that.
     */
    org.jsoup.nodes.Document html(String text, String relative) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(text);
        if (HtmlToMarkdown.deeperThan(doc, HtmlToMarkdown.MAX_DEPTH)) {
            throw new io.kaitenimport.issue.SourceException(files.at(relative), "the HTML nests elements more than "
                    + HtmlToMarkdown.MAX_DEPTH + " deep; no exported page does, so this file is refused");
        }
        return doc;
    }

    String text(String relative) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(files.path(relative));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\r\n", "\n").replace('\r', '\n')
                    .replaceFirst("^\uFEFF", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            ctx.issue(IssueCode.SOURCE_ENCODING, files.at(relative), "not UTF-8; undecodable bytes replaced by U+FFFD");
            ctx.losses().lost(sourceName + " page text", "bytes that are not UTF-8", files.at(relative));
            return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }
}
