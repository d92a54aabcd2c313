package io.kaitenimport.source.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * HTML (a page body from Notion, Confluence, …) → CommonMark/GFM. Every element Markdown cannot express is
 * counted under {@code html.<tag>} in {@link TextConversion#lost()} — underline, super/subscript and highlights
 * among them — so a caller can keep the HTML instead when the Markdown would lose something. Styling carried by
 * classes and attributes (colours, fonts) is not counted.
 */
public final class HtmlToMarkdown {
    /** Elements that only group others: their children are converted as if they stood in their place. */
    private static final Set<String> TRANSPARENT = Set.of("div", "span", "article", "section", "main", "header",
            "footer", "body", "html", "tbody", "thead", "tfoot", "figure", "font", "center", "nav", "label", "small",
            "big", "abbr", "cite", "colgroup", "col", "picture", "source", "time",
            "summary", "figcaption", "caption");
    /** Elements whose content is dropped without loss (head matter, scripts, styles). */
    private static final Set<String> IGNORED = Set.of("head", "script", "style", "meta", "link", "title", "noscript",
            "template", "wbr");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre",
            "blockquote", "table", "hr", "div", "figure", "details", "dl", "article", "section", "header", "li");

    private final TreeMap<String, Integer> lost = new TreeMap<>();

    private HtmlToMarkdown() {
    }

    /** Converts an HTML fragment or document. */
    public static TextConversion convert(String html) {
        return convert(Jsoup.parseBodyFragment(html == null ? "" : html).body());
    }

    /** Converts the children of an element already parsed (the caller may have rewritten its links). */
    public static TextConversion convert(Element root) {
        HtmlToMarkdown c = new HtmlToMarkdown();
        if (deeperThan(root, MAX_DEPTH)) {
            // The converter recurses per element and looks ahead into wrappers: 2,000 nested tags overflowed
            // the stack and 30,000 took minutes (issue 14). No real page nests like this; keep its text.
            c.lose("nested deeper than " + MAX_DEPTH + " elements (kept as plain text)");
            String text = root.wholeText().strip();
            return new TextConversion(text.isEmpty() ? "" : Markdown.escapeLineStarts(Markdown.escapeText(text, false)) + "\n", c.lost);
        }
        StringBuilder out = new StringBuilder();
        c.blocks(root, out);
        String md = out.toString().replaceAll("\n{3,}", "\n\n").strip();
        return new TextConversion(md.isEmpty() ? "" : md + "\n", c.lost);
    }

    /** Element nesting depth budget; measured without recursion. */
    public static final int MAX_DEPTH = 256;

    public static boolean deeperThan(Element root, int limit) {
        int[] deepest = {0};
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), root);
        return deepest[0] > limit;
    }

    private void lose(String what) {
        lost.merge("html." + what, 1, Integer::sum);
    }

    /** Block content: paragraphs separated by blank lines, inline runs gathered into paragraphs. */
    private void blocks(Element parent, StringBuilder out) {
        StringBuilder inline = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && isBlock(e)) {
                flush(inline, out);
                block(e, out);
            } else {
                inline(n, inline);
            }
        }
        flush(inline, out);
    }

    private boolean isBlock(Element e) {
        String tag = e.normalName();
        if (BLOCKS.contains(tag) || IGNORED.contains(tag)) {
            return true;
        }
        // a transparent wrapper holding blocks (Notion's <div>, <figure>) is itself a block
        return TRANSPARENT.contains(tag) && e.children().stream().anyMatch(this::isBlock);
    }

    private static void flush(StringBuilder inline, StringBuilder out) {
        String text = inline.toString().strip();
        inline.setLength(0);
        if (!text.isEmpty()) {
            out.append(Markdown.escapeLineStarts(text).replace("\n", Markdown.HARD_BREAK.substring(0, 1) + "\n"))
                    .append("\n\n");
        }
    }

    private void block(Element e, StringBuilder out) {
        String tag = e.normalName();
        switch (tag) {
            case "p" -> {
                StringBuilder b = new StringBuilder();
                inlineChildren(e, b);
                flush(b, out);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                StringBuilder b = new StringBuilder();
                inlineChildren(e, b);
                String text = Markdown.escapeHeadingText(b.toString());
                if (!text.isEmpty()) {
                    out.append("#".repeat(tag.charAt(1) - '0')).append(' ').append(text).append("\n\n");
                }
            }
            case "hr" -> out.append("---\n\n");
            case "pre" -> {
                Element code = e.selectFirst("code");
                String lang = code == null ? null : language(code);
                out.append(Markdown.fencedCode(e.wholeText(), lang)).append("\n\n");
            }
            case "blockquote" -> {
                StringBuilder b = new StringBuilder();
                blocks(e, b);
                for (String line : b.toString().strip().split("\n", -1)) {
                    out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
                out.append('\n');
            }
            case "ul", "ol" -> list(e, out, tag.equals("ol"));
            case "table" -> table(e, out);
            case "details" -> {
                lose("details");
                blocks(e, out);
            }
            case "dl" -> {
                lose("dl");
                blocks(e, out);
            }
            case "li" -> list(e, out, false);
            default -> {
                if (IGNORED.contains(tag)) {
                    return;
                }
                blocks(e, out);
            }
        }
    }

    private static String language(Element code) {
        for (String cls : code.classNames()) {
            if (cls.startsWith("language-")) {
                return cls.substring("language-".length());
            }
        }
        return null;
    }

    private void list(Element list, StringBuilder out, boolean ordered) {
        int n = 1;
        if (ordered && list.hasAttr("start")) {
            try {
                n = Integer.parseInt(list.attr("start").strip());
            } catch (NumberFormatException ignored) {
                // numbering starts at 1
            }
        }
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                StringBuilder b = new StringBuilder();
                blocks(li, b);
                out.append(b);
                continue;
            }
            String marker = ordered ? (n++) + ". " : "- ";
            String box = checkbox(li);
            StringBuilder b = new StringBuilder();
            blocks(li, b);
            String body = b.toString().strip();
            if (li.select("> p, > pre, > blockquote, > table").isEmpty()) {
                body = body.replaceAll("\n\n+", "\n"); // a tight item: text and its sublist
            }
            String pad = " ".repeat(marker.length());
            String[] lines = body.split("\n", -1);
            out.append(marker).append(box);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append('\n');
                    if (!lines[i].isEmpty()) {
                        out.append(pad);
                    }
                }
                out.append(lines[i]);
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /** Task items: {@code <input type=checkbox>} or Notion's {@code <div class="checkbox checkbox-on">}. */
    private static String checkbox(Element li) {
        Element input = li.selectFirst("input[type=checkbox]");
        if (input != null) {
            input.remove();
            return input.hasAttr("checked") ? "[x] " : "[ ] ";
        }
        Element box = li.selectFirst(".checkbox");
        if (box != null) {
            boolean on = box.hasClass("checkbox-on");
            box.remove();
            return on ? "[x] " : "[ ] ";
        }
        return "";
    }

    private void table(Element table, StringBuilder out) {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        int width = 0;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            java.util.List<String> cells = new java.util.ArrayList<>();
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                if (cell.hasAttr("colspan") && !cell.attr("colspan").equals("1")
                        || cell.hasAttr("rowspan") && !cell.attr("rowspan").equals("1")) {
                    lose("table.span");
                }
                if (cell.selectFirst("table") != null) {
                    lose("table.nested");
                }
                StringBuilder b = new StringBuilder();
                blocks(cell, b);
                cells.add(b.toString().strip().replace("\n\n", Markdown.CELL_BREAK).replace("\n", Markdown.CELL_BREAK)
                        .replace("|", "\\|"));
            }
            width = Math.max(width, cells.size());
            rows.add(cells);
        }
        if (rows.isEmpty() || width == 0) {
            return;
        }
        for (int r = 0; r < rows.size(); r++) {
            java.util.List<String> cells = rows.get(r);
            out.append('|');
            for (int c = 0; c < width; c++) {
                out.append(' ').append(c < cells.size() ? cells.get(c) : "").append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|').append(" --- |".repeat(width)).append('\n');
            }
        }
        out.append('\n');
    }

    private void inlineChildren(Element e, StringBuilder out) {
        for (Node n : e.childNodes()) {
            inline(n, out);
        }
    }

    private void inline(Node n, StringBuilder out) {
        if (n instanceof TextNode t) {
            String text = t.text();
            if (!text.isEmpty()) {
                out.append(Markdown.escapeText(text.replaceAll("\\s+", " "), false));
            }
            return;
        }
        if (!(n instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        switch (tag) {
            case "br" -> out.append("\n");
            case "strong", "b" -> wrap(e, out, "**");
            case "em", "i" -> wrap(e, out, "_");
            case "del", "s", "strike" -> wrap(e, out, "~~");
            case "code", "kbd", "samp", "tt" -> out.append(Markdown.codeSpan(e.wholeText()));
            case "a" -> {
                StringBuilder b = new StringBuilder();
                inlineChildren(e, b);
                String href = e.attr("href").strip();
                String text = b.toString().strip();
                if (href.isEmpty()) {
                    out.append(text);
                } else {
                    out.append(Markdown.link(text.isEmpty() ? Markdown.escapeText(href, false) : text, href));
                }
            }
            case "img" -> {
                String src = e.attr("src").strip();
                if (!src.isEmpty()) {
                    out.append("![").append(Markdown.escapeText(e.attr("alt"), false)).append("](")
                            .append(Markdown.destination(src)).append(')');
                }
            }
            case "input" -> out.append(e.hasAttr("checked") ? "[x] " : "[ ] ");
            case "iframe", "video", "audio", "embed", "object", "canvas", "svg", "math", "form", "button", "select",
                    "textarea" -> {
                lose(tag);
                String src = e.attr("src").strip();
                if (!src.isEmpty()) {
                    out.append(Markdown.link(Markdown.escapeText(src, false), src));
                }
            }
            default -> {
                if (IGNORED.contains(tag)) {
                    return;
                }
                if (!TRANSPARENT.contains(tag) && !BLOCKS.contains(tag)) {
                    lose(tag.toLowerCase(Locale.ROOT));
                }
                inlineChildren(e, out);
            }
        }
    }

    private void wrap(Element e, StringBuilder out, String mark) {
        StringBuilder b = new StringBuilder();
        inlineChildren(e, b);
        String text = b.toString();
        String core = text.strip();
        if (core.isEmpty()) {
            out.append(text);
            return;
        }
        // emphasis must hug its text: keep the spaces outside the markers
        int lead = text.indexOf(core);
        out.append(text, 0, lead).append(mark).append(core).append(mark).append(text.substring(lead + core.length()));
    }
}
