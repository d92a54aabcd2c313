package io.kaitenimport.source.text;

import static io.kaitenimport.source.text.WikiText.LINE_BREAK;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level wiki blocks (headings, bq., rules, lists, tables, paragraphs) of text free of {code}/{quote}/{panel}. */
final class WikiLines {

    private static final Pattern HEADING = Pattern.compile("h([1-6])\\.(?:\\s+(.*))?", Pattern.DOTALL);
    private static final Pattern QUOTE_LINE = Pattern.compile("bq\\.(?:\\s+(.*))?", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("-{4,}");
    private static final Pattern LIST_ITEM = Pattern.compile("([*#]+|-)\\s+(.*)", Pattern.DOTALL);

    private final Losses losses;
    private final WikiInline inline;

    WikiLines(Losses losses) {
        this.losses = losses;
        this.inline = new WikiInline(losses);
    }

    List<String> blocks(String text) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String t = lines[i].strip();
            Matcher m;
            if (t.isEmpty()) {
                i++;
            } else if ((m = HEADING.matcher(t)).matches()) {
                out.add(heading(Integer.parseInt(m.group(1)), m.group(2)));
                i++;
            } else if ((m = QUOTE_LINE.matcher(t)).matches()) {
                out.add(Markdown.quote(paragraph(m.group(1) == null ? "" : m.group(1))));
                i++;
            } else if (RULE.matcher(t).matches()) {
                out.add("---");
                i++;
            } else if (t.startsWith("|")) {
                i = table(lines, i, out);
            } else if (LIST_ITEM.matcher(t).matches()) {
                i = list(lines, i, out);
            } else {
                StringBuilder p = new StringBuilder(t);
                i++;
                while (i < lines.length && !lines[i].isBlank() && !startsBlock(lines[i].strip())) {
                    p.append('\n').append(lines[i].strip());
                    i++;
                }
                out.add(paragraph(p.toString()));
            }
        }
        return out;
    }

    private static boolean startsBlock(String t) {
        return HEADING.matcher(t).matches() || QUOTE_LINE.matcher(t).matches() || RULE.matcher(t).matches()
                || t.startsWith("|") || LIST_ITEM.matcher(t).matches();
    }

    private String heading(int level, String text) {
        String md = text == null ? "" : Markdown.escapeHeadingText(inline.render(trimBreaks(text), " "));
        // an empty heading is only vertical space in Jira; a bare "#" line would be noise
        return md.isEmpty() ? "" : "#".repeat(level) + " " + md;
    }

    private String paragraph(String text) {
        return Markdown.escapeLineStarts(inline.render(trimBreaks(text), Markdown.HARD_BREAK));
    }

    /** Breaks at either end of a block would leave a dangling backslash. */
    private static String trimBreaks(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == LINE_BREAK || Character.isWhitespace(s.charAt(a)))) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == LINE_BREAK || Character.isWhitespace(s.charAt(b - 1)))) {
            b--;
        }
        return s.substring(a, b);
    }

    // ---- lists ---------------------------------------------------------------------------------------------

    /** One nesting level of the list being built: its marker type and where its items start. */
    private static final class Level {
        final char type;
        final int indent;
        int count;
        int childIndent;

        Level(char type, int indent) {
            this.type = type;
            this.indent = indent;
            this.childIndent = indent + (type == '#' ? 3 : 2);
        }
    }

    /**
     * Wiki lists spell the whole path in each marker ({@code #*} is a bullet inside a numbered item); Markdown
     * nests by indenting to the parent item's content column, which is 2 after "- " and 3 or more after "1. ".
     */
    private int list(String[] lines, int i, List<String> out) {
        List<Level> stack = new ArrayList<>();
        List<String> items = new ArrayList<>();
        while (i < lines.length) {
            Matcher m = LIST_ITEM.matcher(lines[i].strip());
            if (!m.matches()) {
                break;
            }
            String markers = m.group(1).equals("-") ? "*" : m.group(1);
            int depth = markers.length();
            while (stack.size() > depth) {
                stack.remove(stack.size() - 1);
            }
            for (int k = 0; k < stack.size(); k++) {
                if (stack.get(k).type != markers.charAt(k)) {
                    stack.subList(k, stack.size()).clear();
                    break;
                }
            }
            while (stack.size() < depth) {
                int indent = stack.isEmpty() ? 0 : stack.get(stack.size() - 1).childIndent;
                stack.add(new Level(markers.charAt(stack.size()), indent));
            }
            i++;
            String body = paragraph(m.group(2));
            if (body.isBlank()) {
                // an empty nested item ("  -") right under a paragraph would read as a setext underline
                continue;
            }
            Level level = stack.get(stack.size() - 1);
            level.count++;
            String marker = level.type == '#' ? level.count + ". " : "- ";
            level.childIndent = level.indent + marker.length();
            items.add(Markdown.listItem(" ".repeat(level.indent) + marker, body));
        }
        if (!items.isEmpty()) {
            out.add(String.join("\n", items));
        }
        return i;
    }

    // ---- tables --------------------------------------------------------------------------------------------

    private record Cell(String content, boolean header) {
    }

    private int table(String[] lines, int i, List<String> out) {
        List<String> rows = new ArrayList<>();
        while (i < lines.length) {
            String t = lines[i].strip();
            if (t.startsWith("|")) {
                rows.add(t);
            } else if (!t.isEmpty() && !rows.get(rows.size() - 1).endsWith("|") && !startsBlock(t)) {
                // a cell may run over several lines until its row is closed with a pipe
                rows.set(rows.size() - 1, rows.get(rows.size() - 1) + "\n" + t);
            } else {
                break;
            }
            i++;
        }
        List<List<Cell>> parsed = new ArrayList<>();
        int cols = 0;
        for (String row : rows) {
            List<Cell> cells = cells(row);
            cols = Math.max(cols, cells.size());
            parsed.add(cells);
        }
        if (cols == 0) {
            out.add(paragraph(String.join("\n", rows)));
            return i;
        }
        List<List<String>> md = new ArrayList<>();
        boolean hasHeader = parsed.get(0).stream().anyMatch(Cell::header);
        if (!hasHeader) {
            losses.add("wiki.table.noheader");
            md.add(List.of());
        }
        for (int r = 0; r < parsed.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (Cell cell : parsed.get(r)) {
                String text = Markdown.toSingleLine(inline.render(trimBreaks(cell.content()), Markdown.CELL_BREAK));
                // header cells below the first row (a header column) have no GFM equivalent: keep them bold
                if (cell.header() && (r > 0 || !hasHeader) && !text.isBlank()) {
                    text = "**" + text + "**";
                }
                cells.add(text);
            }
            md.add(cells);
        }
        out.add(Markdown.table(md));
        return i;
    }

    /** Splits {@code ||h||h||} or {@code |c|c|} on pipes that are not inside links, code spans or images. */
    private static List<Cell> cells(String row) {
        List<Cell> cells = new ArrayList<>();
        int n = row.length();
        int p = 0;
        while (p < n && row.charAt(p) == '|') {
            boolean header = row.startsWith("||", p);
            p += header ? 2 : 1;
            int q = p;
            while (q < n && row.charAt(q) != '|') {
                q = skip(row, q);
            }
            String content = row.substring(p, Math.min(q, n));
            if (q >= n && content.isBlank()) {
                break;
            }
            cells.add(new Cell(content.strip(), header));
            p = q;
        }
        return cells;
    }

    /** Index after the construct starting at {@code q}, or {@code q + 1}. */
    private static int skip(String row, int q) {
        char c = row.charAt(q);
        if (c == '[') {
            int end = WikiInline.linkEnd(row, q);
            return end > 0 ? end + 1 : q + 1;
        }
        if (c == '{' && row.startsWith("{{", q)) {
            int end = row.indexOf("}}", q + 2);
            return end > 0 ? end + 2 : q + 1;
        }
        if (c == '!') {
            Matcher m = WikiInline.IMAGE.matcher(row).region(q, row.length());
            return m.lookingAt() ? m.end() : q + 1;
        }
        return q + 1;
    }
}
