package io.kaitenimport.source.wiki;

import io.kaitenimport.issue.IssueCode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Confluence space HTML export: a flat folder of {@code <slug>_<pageId>.html} or {@code <pageId>.html} pages,
 * the tree only in {@code index.html} (nested lists) and in each page's breadcrumbs, titles {@code Space : Title},
 * attachments at {@code attachments/<pageId>/<id>.<ext>} whose real name is the link text or
 * {@code data-linked-resource-default-alias}. {@code images/} and {@code styles/} are Confluence's own furniture.
 */
final class ConfluenceFormat implements WikiFormat {
    private static final Pattern PAGE = Pattern.compile("^(?:.*_)?\\d+\\.html$");

    @Override
    public boolean claims(List<String> names) {
        return names.contains("index.html") && names.stream().anyMatch(n -> !n.contains("/") && PAGE.matcher(n).matches());
    }

    @Override
    public List<WikiNode> tree(WikiFiles files, WikiRun run) throws IOException {
        Map<String, WikiNode> pages = new LinkedHashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (String f : files.files().keySet()) {
            if (f.contains("/") || !PAGE.matcher(f).matches()) {
                continue;
            }
            Document doc = run.html(run.text(f), f);
            String title = doc.title();
            int colon = title.indexOf(" : ");
            title = colon >= 0 ? title.substring(colon + 3).strip() : title.strip();
            String id = f.replaceFirst("^(?:.*_)?(\\d+)\\.html$", "$1");
            pages.put(f, WikiNode.page(id, title.isEmpty() ? TreeBuilder.stem(f) : title, f));
            String parent = null;
            for (Element a : doc.select("#breadcrumbs a[href]")) {
                String href = Links.decode(a.attr("href"));
                if (PAGE.matcher(href).matches() && !href.equals(f)) {
                    parent = href;
                }
            }
            if (parent != null) {
                parentOf.put(f, parent);
            }
        }
        // index.html lists the pages in the space's order
        List<String> order = new ArrayList<>();
        if (files.has("index.html")) {
            for (Element a : run.html(run.text("index.html"), "index.html").select("a[href]")) {
                String href = Links.decode(a.attr("href"));
                if (pages.containsKey(href) && !order.contains(href)) {
                    order.add(href);
                }
            }
        }
        pages.keySet().stream().filter(p -> !order.contains(p)).forEach(order::add);
        List<WikiNode> top = new ArrayList<>();
        for (String f : order) {
            WikiNode n = pages.get(f);
            String parent = parentOf.get(f);
            if (parent != null && pages.containsKey(parent) && !cycle(f, parentOf)) {
                pages.get(parent).add(n);
            } else {
                if (parent != null && pages.containsKey(parent)) {
                    run.ctx.issue(IssueCode.SOURCE_STRUCTURE, files.at(f), "breadcrumbs make a cycle; the page is "
                            + "put at the top of the space");
                }
                top.add(n);
            }
        }
        // children in index order: the loop above added them in that order already
        return top;
    }

    @Override
    public boolean furniture(String relative) {
        return relative.equals("index.html") || relative.startsWith("styles/") || relative.startsWith("images/")
                || relative.startsWith("attachments/thumbnails/");
    }

    /** The space's name: the "Name" row of index.html's overview table, else the page title of index.html. */
    @Override
    public String title(WikiFiles files, WikiRun run) throws IOException {
        if (files.has("index.html")) {
            Document index = run.html(run.text("index.html"), "index.html");
            for (Element th : index.select("#main-content th")) {
                Element td = th.nextElementSibling();
                if (th.text().strip().equalsIgnoreCase("Name") && td != null && !td.text().isBlank()) {
                    return td.text().strip();
                }
            }
            if (!index.title().isBlank()) {
                return index.title().strip();
            }
        }
        return files.title();
    }

    private static boolean cycle(String start, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        for (String p = start; p != null; p = parentOf.get(p)) {
            if (!seen.add(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Rendered render(WikiNode page, WikiRun run) throws IOException {
        Document doc = run.html(run.text(page.file), page.file);
        Element body = doc.selectFirst("#main-content");
        if (body == null) {
            body = doc.body();
        }
        Element meta = doc.selectFirst(".page-metadata");
        if (meta != null) {
            java.util.regex.Matcher m = Pattern.compile("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2})")
                    .matcher(meta.text());
            if (m.find()) {
                page.created = m.group(1) != null
                        ? String.format("%s-%02d-%02dT00:00:00.000Z", m.group(3), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)))
                        : m.group(4) + "-" + m.group(5) + "-" + m.group(6) + "T00:00:00.000Z";
            }
        }
        // Confluence stores attachments under their ids; the link text or alias carries the real name
        for (Element a : body.select("a[href*=attachments/], img[src*=attachments/]")) {
            String ref = a.hasAttr("href") ? a.attr("href") : a.attr("src");
            String rel = Links.resolve("", Links.decode(Links.Split.of(ref).path()));
            String name = a.attr("data-linked-resource-default-alias");
            if (name.isBlank() && a.normalName().equals("a")) {
                name = a.text();
            }
            if (rel != null && name.matches(".*\\.[A-Za-z0-9]{1,8}$")) {
                run.nameFile(rel, name);
            }
        }
        for (Element img : body.select("img[src]")) {
            // ?width=… and similar are display hints, not part of the file name
            img.attr("src", img.attr("src").replaceFirst("\\?.*$", ""));
        }
        body.select("img[src^=images/icons/], img[src*=/images/icons/]").remove();
        return HtmlPages.render(body, page, run);
    }
}
