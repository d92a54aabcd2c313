package io.kaitenimport.source.wiki;

import io.kaitenimport.source.text.HtmlToMarkdown;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notion's "Markdown &amp; CSV" and "HTML" exports: pages are {@code Title <32-hex id>.md|.html} with a same-named
 * folder for their children and files. A database is {@code X <id>.csv} (and {@code X <id>_all.csv}) with its
 * row pages in {@code X <id>/}: the database becomes a document holding the table as Markdown, its row pages its
 * children. In the HTML export a database is already an HTML page with its table.
 */
final class NotionFormat implements WikiFormat {
    static final Pattern ID_NAME = Pattern.compile("^(.*?)\\s*([0-9a-f]{32})(_all)?\\.(md|html|csv)$");
    private static final Pattern CREATED = Pattern.compile("^(Created|Created time|Date Created):\\s*(.+)$",
            Pattern.MULTILINE);
    private static final DateTimeFormatter NOTION_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a",
            Locale.ENGLISH);

    @Override
    public boolean claims(List<String> names) {
        return names.stream().anyMatch(n -> ID_NAME.matcher(TreeBuilder.name(n)).matches());
    }

    private static boolean page(WikiFiles files, String rel) {
        Matcher m = ID_NAME.matcher(TreeBuilder.name(rel));
        if (!m.matches()) {
            return MarkdownFormat.markdown(rel) || rel.toLowerCase(Locale.ROOT).endsWith(".html");
        }
        if (!m.group(4).equals("csv")) {
            return true;
        }
        String base = rel.substring(0, rel.length() - TreeBuilder.name(rel).length()) + m.group(1) + " " + m.group(2);
        if (files.has(base + ".md") || files.has(base + ".html")) {
            return false; // the page of the database already shows it
        }
        return m.group(3) == null || !files.has(base + ".csv");
    }

    static String title(String rel) {
        Matcher m = ID_NAME.matcher(TreeBuilder.name(rel));
        return m.matches() && !m.group(1).isBlank() ? m.group(1) : TreeBuilder.stem(rel);
    }

    private static String id(String rel) {
        Matcher m = ID_NAME.matcher(TreeBuilder.name(rel));
        return m.matches() ? m.group(2) : "doc-" + WikiRun.hash(rel);
    }

    @Override
    public List<WikiNode> tree(WikiFiles files, WikiRun run) throws IOException {
        // a database exported only as "X <id>_all.csv" still owns the folder "X <id>/"
        List<WikiNode> top = new TreeBuilder(files, rel -> page(files, rel), NotionFormat::title, NotionFormat::id)
                .companion(rel -> TreeBuilder.stem(rel).replaceFirst("(?<=[0-9a-f]{32})_all$", ""))
                .build("");
        order(top, run);
        return top;
    }

    /**
     * Notion's own order of subpages is the order their links appear in the parent page; file names only give the
     * alphabet. Children the parent does not link keep name order, after the linked ones.
     */
    private static void order(List<WikiNode> nodes, WikiRun run) throws IOException {
        for (WikiNode n : nodes) {
            order(n.children, run);
            if (n.children.size() < 2 || n.file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                continue;
            }
            // read quietly: render() reports bad bytes once, when it reads the page for its body
            String text = new String(java.nio.file.Files.readAllBytes(run.files.path(n.file)),
                    java.nio.charset.StandardCharsets.UTF_8);
            java.util.Map<WikiNode, Integer> at = new java.util.HashMap<>();
            for (WikiNode c : n.children) {
                String name = TreeBuilder.name(c.file);
                int i = text.indexOf(name.replace(" ", "%20"));
                int j = text.indexOf(Links.encodePath(name));
                int k = text.indexOf(name);
                at.put(c, java.util.stream.IntStream.of(i, j, k).filter(x -> x >= 0).min().orElse(Integer.MAX_VALUE));
            }
            n.children.sort(java.util.Comparator.comparingInt(at::get));
        }
    }

    /** The full-rows twin of a database CSV that is itself the database document. */
    @Override
    public boolean furniture(String relative) {
        return relative.endsWith("_all.csv");
    }

    @Override
    public Rendered render(WikiNode page, WikiRun run) throws IOException {
        String text = run.text(page.file);
        String lower = page.file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Rendered.markdown(table(text, page, run));
        }
        if (lower.endsWith(".html")) {
            Document doc = run.html(text, page.file);
            Element body = doc.selectFirst("article");
            body = body == null ? doc.body() : body;
            // Notion draws property and database icons as inline SVG: decoration, not content
            body.select("svg").remove();
            Element h1 = body.selectFirst("header h1.page-title");
            if (h1 != null) {
                h1.remove();
            }
            for (Element row : body.select("table.properties tr")) {
                Element th = row.selectFirst("th");
                Element td = row.selectFirst("td");
                if (th != null && td != null && th.text().strip().matches("(?i)created( time)?")) {
                    page.created = date(td.text().replace("@", ""));
                }
            }
            return HtmlPages.render(body, page, run);
        }
        // Markdown: the first "# Title" line repeats the document title
        String body = text.replaceFirst("^\\s*# [^\\n]*\\n?", "");
        Matcher c = CREATED.matcher(body.length() > 2000 ? body.substring(0, 2000) : body);
        if (c.find()) {
            page.created = date(c.group(2));
        }
        return Rendered.markdown(MarkdownFormat.rewrite(page, body.stripLeading(), run));
    }

    private static String date(String text) {
        try {
            return LocalDateTime.parse(text.strip(), NOTION_DATE).atOffset(ZoneOffset.UTC).toInstant().toString()
                    .replaceFirst("Z$", ".000Z").replaceFirst("\\.000\\.000Z$", ".000Z");
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A database's CSV as a Markdown table; a row's title links to its page when the export has one. */
    private static String table(String csv, WikiNode db, WikiRun run) throws IOException {
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get()
                .parse(new StringReader(csv))) {
            rows = p.getRecords();
        }
        StringBuilder out = new StringBuilder();
        int width = 0;
        for (CSVRecord r : rows) {
            width = Math.max(width, r.size());
        }
        if (width == 0) {
            return "";
        }
        List<String> rowPages = new ArrayList<>();
        for (WikiNode child : db.children) {
            rowPages.add(child.title);
        }
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            out.append('|');
            for (int c = 0; c < width; c++) {
                String cell = c < r.size() ? r.get(c) : "";
                String md = HtmlToMarkdown.convert(org.jsoup.nodes.Entities.escape(cell)).markdown().strip()
                        .replace("\n", "<br>").replace("|", "\\|");
                if (i > 0 && c == 0 && rowPages.contains(cell.strip()) && !cell.isBlank()) {
                    WikiNode row = db.children.get(rowPages.indexOf(cell.strip()));
                    md = "[" + md + "](" + WikiRun.DOCUMENT_LINK + run.sink.externalId(row.id) + ")";
                    run.pageLinks++;
                }
                out.append(' ').append(md).append(" |");
            }
            out.append('\n');
            if (i == 0) {
                out.append('|').append(" --- |".repeat(width)).append('\n');
            }
        }
        return out.toString();
    }
}
