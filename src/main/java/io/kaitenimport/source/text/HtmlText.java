package io.kaitenimport.source.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HTML rich text (Asana {@code html_notes} and comment {@code html_text}, wiki pages) to CommonMark/GFM.
 * Headings, paragraphs, emphasis, strike, code, links, images, lists at any depth, quotes, code blocks, rules and
 * tables are kept; what Markdown cannot express (underline, colours, sub/superscript, embedded media…) keeps its
 * text and is counted in {@link TextConversion#lost()} under {@code html.*} keys. Never throws. Needs no HTML
 * library: rich-text fields are small fragments, and Asana's own form (line breaks as newline characters, see
 * {@link #toMarkdown(String, boolean)}) is not standard HTML whitespace.
 */
public final class HtmlText {
    private static final Set<String> TRANSPARENT = Set.of("#root", "html", "body", "div", "span", "section",
            "article", "header", "footer", "main", "nav", "aside", "figure", "figcaption", "label", "thead", "tbody",
            "tfoot", "center", "small", "big", "abbr", "cite", "time", "q", "dl", "dt", "dd", "caption");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "blockquote", "pre", "hr", "table", "section", "article", "header", "footer", "main", "nav",
            "aside", "figure", "body", "html", "dl", "dt", "dd", "tr", "td", "th");

    private final Losses losses = new Losses();
    private final boolean newlinesAreBreaks;

    private HtmlText(boolean newlinesAreBreaks) {
        this.newlinesAreBreaks = newlinesAreBreaks;
    }

    /** Standard HTML: runs of whitespace, newlines included, are one space. */
    public static TextConversion toMarkdown(String html) {
        return toMarkdown(html, false);
    }

    /**
     * @param newlinesAreBreaks true for rich text that writes line breaks as newline characters instead of
     *                          {@code <br>}/{@code <p>} (Asana's {@code html_notes}): one newline is a line break, a
     *                          blank line a new paragraph
     */
    public static TextConversion toMarkdown(String html, boolean newlinesAreBreaks) {
        if (html == null || html.isBlank()) {
            return TextConversion.of("");
        }
        HtmlText c = new HtmlText(newlinesAreBreaks);
        String markdown;
        try {
            markdown = Markdown.joinBlocks(c.blocks(HtmlNodes.parse(html)));
        } catch (RuntimeException e) {
            // one odd field must not abort an import: keep the words and flag the field
            c.losses.add("html.converter.error");
            markdown = Markdown.escapeText(HtmlNodes.parse(html).plainText().strip(), true);
        }
        return c.losses.result(markdown.strip());
    }

    /**
     * Plain text (Asana {@code notes}, a CSV cell) as Markdown that shows exactly that text: Markdown characters
     * escaped, line breaks kept, blank lines as paragraph breaks.
     */
    public static String plainText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        flush(new StringBuilder(Markdown.escapeText(text.replace("\r\n", "\n").replace('\r', '\n'), true)), out);
        return Markdown.joinBlocks(out);
    }

    /** The block-level Markdown of an element's children; inline runs between blocks become paragraphs. */
    private List<String> blocks(HtmlNodes.Node parent) {
        List<String> out = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        for (HtmlNodes.Node n : parent.children) {
            if (n.isText() || !BLOCKS.contains(n.name)) {
                inline(n, inline);
                continue;
            }
            flush(inline, out);
            block(n, out);
        }
        flush(inline, out);
        return out;
    }

    private void block(HtmlNodes.Node n, List<String> out) {
        switch (n.name) {
            case "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "figure", "body",
                    "html", "dl", "dt", "dd", "li", "tr", "td", "th" -> out.addAll(blocks(n));
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                StringBuilder b = new StringBuilder();
                inlineChildren(n, b);
                String text = Markdown.escapeHeadingText(b.toString().replace("\n", " "));
                if (!text.isBlank()) {
                    out.add("#".repeat(n.name.charAt(1) - '0') + " " + text);
                }
            }
            case "ul", "ol" -> out.add(list(n));
            case "blockquote" -> out.add(Markdown.quote(Markdown.joinBlocks(blocks(n))));
            case "pre" -> out.add(Markdown.fencedCode(n.plainText().replaceFirst("\\A\\r?\\n", ""), language(n)));
            case "hr" -> out.add("---");
            case "table" -> out.add(table(n));
            default -> out.addAll(blocks(n));
        }
    }

    private String list(HtmlNodes.Node list) {
        boolean ordered = list.name.equals("ol");
        int number = 1;
        if (ordered && list.attr("start") != null) {
            try {
                number = Math.max(0, Integer.parseInt(list.attr("start").strip()));
            } catch (NumberFormatException e) {
                losses.add("html.ol.start");
            }
        }
        List<String> items = new ArrayList<>();
        for (HtmlNodes.Node item : list.children) {
            if (item.isText() && item.text.isBlank()) {
                continue;
            }
            List<String> parts = item.isText() || !item.name.equals("li")
                    ? blocksOf(item) : blocks(item);
            String body = String.join("\n", parts.stream().filter(s -> !s.isBlank()).toList());
            String marker = ordered ? (number++) + ". " : "- ";
            items.add(Markdown.listItem(marker, body));
        }
        return String.join("\n", items);
    }

    /** Blocks of a single node that is not a list item (stray text or elements directly in a list). */
    private List<String> blocksOf(HtmlNodes.Node n) {
        HtmlNodes.Node wrapper = HtmlNodes.parse("");
        wrapper.children.add(n);
        return blocks(wrapper);
    }

    private String table(HtmlNodes.Node table) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        return Markdown.table(rows);
    }

    private void collectRows(HtmlNodes.Node n, List<List<String>> rows) {
        for (HtmlNodes.Node c : n.children) {
            if (c.isText()) {
                continue;
            }
            if (c.name.equals("tr")) {
                List<String> cells = new ArrayList<>();
                for (HtmlNodes.Node cell : c.children) {
                    if (!cell.isText() && (cell.name.equals("td") || cell.name.equals("th"))) {
                        cells.add(String.join("\n", blocks(cell)));
                    }
                }
                rows.add(cells);
            } else if (!c.name.equals("table")) {
                collectRows(c, rows);
            } else {
                losses.add("html.table.nested");
            }
        }
    }

    private static String language(HtmlNodes.Node pre) {
        for (HtmlNodes.Node c : pre.children) {
            String cls = c.isText() ? null : c.attr("class");
            if (cls != null && cls.startsWith("language-")) {
                return cls.substring("language-".length());
            }
        }
        return null;
    }

    private void inlineChildren(HtmlNodes.Node n, StringBuilder b) {
        for (HtmlNodes.Node c : n.children) {
            inline(c, b);
        }
    }

    private void inline(HtmlNodes.Node n, StringBuilder b) {
        if (n.isText()) {
            String t = newlinesAreBreaks ? n.text.replaceAll("[ \\t\\r\\f\\u000B]+", " ")
                    : n.text.replaceAll("\\s+", " ");
            b.append(Markdown.escapeText(t, true));
            return;
        }
        switch (n.name) {
            case "br" -> b.append('\n');
            case "strong", "b" -> wrap(n, b, "**");
            case "em", "i" -> wrap(n, b, "*");
            case "s", "strike", "del" -> wrap(n, b, "~~");
            case "code", "kbd", "samp", "tt" -> b.append(Markdown.codeSpan(n.plainText()));
            case "a" -> link(n, b);
            case "img" -> {
                String src = n.attr("src");
                if (src != null && !src.isBlank()) {
                    String alt = n.attr("alt") == null ? "" : n.attr("alt");
                    String text = Markdown.escapeText(alt.replace('\n', ' '), false);
                    b.append('!').append(Markdown.link(text, src.strip()));
                } else {
                    losses.add("html.img.without-src");
                }
            }
            case "u", "ins", "mark", "sub", "sup", "font", "var" -> {
                losses.add("html." + n.name);
                inlineChildren(n, b);
            }
            case "iframe", "video", "audio", "object", "embed", "svg", "canvas", "input", "button", "select",
                    "textarea", "form" -> {
                losses.add("html." + n.name);
                inlineChildren(n, b);
            }
            default -> {
                if (!TRANSPARENT.contains(n.name)) {
                    losses.add("html.unknown-tag");
                }
                if (BLOCKS.contains(n.name)) {
                    // a block inside inline markup: keep it on its own line
                    b.append('\n');
                    inlineChildren(n, b);
                    b.append('\n');
                } else {
                    inlineChildren(n, b);
                }
            }
        }
    }

    /** Emphasis around the children, with edge spaces moved outside (CommonMark needs flanking delimiters). */
    private void wrap(HtmlNodes.Node n, StringBuilder b, String delimiter) {
        StringBuilder inner = new StringBuilder();
        inlineChildren(n, inner);
        String s = inner.toString();
        if (s.isBlank()) {
            b.append(s);
            return;
        }
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        b.append(s, 0, start).append(delimiter).append(s, start, end).append(delimiter).append(s, end, s.length());
    }

    private void link(HtmlNodes.Node n, StringBuilder b) {
        String href = n.attr("href");
        StringBuilder inner = new StringBuilder();
        inlineChildren(n, inner);
        String text = inner.toString().replace('\n', ' ').strip();
        if (href == null || href.isBlank()) {
            b.append(text);
            return;
        }
        href = href.strip();
        if (text.isEmpty() || n.plainText().strip().equals(href)) {
            b.append(Markdown.autolink(href));
        } else {
            b.append(Markdown.link(text, href));
        }
    }

    /**
     * Ends the current inline run: line breaks become hard breaks, blank lines separate paragraphs, and what would
     * start a Markdown block at a line start is escaped.
     */
    private static void flush(StringBuilder inline, List<String> out) {
        String s = inline.toString();
        inline.setLength(0);
        if (s.isBlank()) {
            return;
        }
        for (String paragraph : s.split("\\n[ \\t]*\\n+")) {
            List<String> lines = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            if (!lines.isEmpty()) {
                out.add(Markdown.escapeLineStarts(String.join("\n", lines)).replace("\n", Markdown.HARD_BREAK));
            }
        }
    }
}
