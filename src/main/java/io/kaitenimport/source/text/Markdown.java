package io.kaitenimport.source.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CommonMark/GFM building blocks shared by both converters. Pure functions only. */
final class Markdown {

    /** Backslash hard break: visible in the source, unlike two trailing spaces. */
    static final String HARD_BREAK = "\\\n";
    static final String CELL_BREAK = "<br>";

    private static final Pattern BARE_URL =
            Pattern.compile("(?:https?|ftp)://[^\\s<>\\[\\]|\"'`{}\\uE000-\\uF8FF]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern AUTOLINKABLE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>\\x00-\\x1f]*");
    private static final Pattern HEADING_LIKE = Pattern.compile("#{1,6}(?:[ \\t]|$)");
    private static final Pattern BULLET_LIKE = Pattern.compile("[-+](?:[ \\t]|$)");
    private static final Pattern SETEXT_LIKE = Pattern.compile("(?:-+|=+)[ \\t]*$");
    private static final Pattern ORDERED_LIKE = Pattern.compile("([0-9]{1,9})[.)](?:[ \\t]|$)");
    private static final Pattern HEADING_CLOSER = Pattern.compile("(^|[ \\t])(#+)[ \\t]*$");

    private Markdown() {
    }

    /**
     * Escapes characters that would start inline Markdown. Line-start constructs are handled by
     * {@link #escapeLineStarts}. With {@code autolink}, bare URLs become {@code <url>} so their characters stay literal.
     */
    static String escapeText(String s, boolean autolink) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (autolink && (c == 'h' || c == 'H' || c == 'f' || c == 'F')
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                int end = bareUrlEnd(s, i);
                if (end > i) {
                    b.append('<').append(s, i, end).append('>');
                    i = end - 1;
                    continue;
                }
            }
            switch (c) {
                case '\\', '*', '`', '[', ']', '~' -> b.append('\\').append(c);
                case '_' -> {
                    // intraword underscores never open or close emphasis, so snake_case stays readable
                    boolean intraword = i > 0 && i + 1 < n
                            && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
                    b.append(intraword ? "_" : "\\_");
                }
                case '<' -> {
                    char next = i + 1 < n ? s.charAt(i + 1) : ' ';
                    boolean tagLike = Character.isLetter(next) || next == '/' || next == '!' || next == '?';
                    b.append(tagLike ? "\\<" : "<");
                }
                case '&' -> b.append(ENTITY.matcher(s).region(i, n).lookingAt() ? "\\&" : "&");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** End index of a bare http/https/ftp URL starting at {@code start}, or -1. Trailing punctuation is left out as GFM does. */
    static int bareUrlEnd(CharSequence s, int start) {
        Matcher m = BARE_URL.matcher(s).region(start, s.length());
        if (!m.lookingAt()) {
            return -1;
        }
        int end = m.end();
        while (end > start) {
            char last = s.charAt(end - 1);
            if (".,:;!?*_~'\"".indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(s, start, end, '(') < count(s, start, end, ')')) {
                end--;
            } else {
                break;
            }
        }
        String prefixEnd = s.subSequence(start, end).toString();
        return prefixEnd.endsWith("://") ? -1 : end;
    }

    private static int count(CharSequence s, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * Escapes what would turn a line of paragraph text into a heading, quote, list item, or setext underline,
     * and drops leading whitespace (which Markdown ignores, except that four spaces would start a code block).
     */
    static String escapeLineStarts(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(escapeLineStart(lines[i].stripLeading()));
        }
        return b.toString();
    }

    private static String escapeLineStart(String line) {
        if (line.startsWith(">") || HEADING_LIKE.matcher(line).lookingAt() || BULLET_LIKE.matcher(line).lookingAt()
                || SETEXT_LIKE.matcher(line).lookingAt()) {
            return "\\" + line;
        }
        Matcher m = ORDERED_LIKE.matcher(line);
        if (m.lookingAt()) {
            return m.group(1) + "\\" + line.substring(m.end(1));
        }
        return line;
    }

    /** Heading text must stay on one line, and a trailing run of {@code #} would be read as a closing sequence. */
    static String escapeHeadingText(String text) {
        String oneLine = text.replace('\n', ' ').strip();
        Matcher m = HEADING_CLOSER.matcher(oneLine);
        if (m.find()) {
            return oneLine.substring(0, m.start(2)) + "\\" + oneLine.substring(m.start(2));
        }
        return oneLine;
    }

    /** Inline code whose delimiter is longer than any backtick run inside. */
    static String codeSpan(String code) {
        String c = code.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (c.isEmpty()) {
            return "";
        }
        String fence = "`".repeat(longestRun(c, '`') + 1);
        boolean pad = c.startsWith("`") || c.endsWith("`") || (c.startsWith(" ") && c.endsWith(" ") && !c.isBlank());
        return pad ? fence + " " + c + " " + fence : fence + c + fence;
    }

    /** Fenced code block whose fence is longer than any backtick run inside. */
    static String fencedCode(String code, String language) {
        String body = code.replace("\r\n", "\n").replace('\r', '\n');
        String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
        StringBuilder b = new StringBuilder(body.length() + 16).append(fence).append(infoString(language)).append('\n');
        b.append(body);
        if (!body.isEmpty() && !body.endsWith("\n")) {
            b.append('\n');
        }
        return b.append(fence).toString();
    }

    private static String infoString(String language) {
        if (language == null) {
            return "";
        }
        String first = language.strip().split("\\s+", 2)[0];
        return first.replace("`", "");
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Link destination safe without angle brackets: spaces, parentheses and angle brackets are percent-encoded. */
    static String destination(String url) {
        StringBuilder b = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> b.append("%20");
                case '(' -> b.append("%28");
                case ')' -> b.append("%29");
                case '<' -> b.append("%3C");
                case '>' -> b.append("%3E");
                case '\\' -> b.append("%5C");
                default -> {
                    if (c >= ' ' && c != 0x7f) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String link(String markdownText, String url) {
        return "[" + markdownText + "](" + destination(url) + ")";
    }

    /** {@code <url>} for absolute URLs, otherwise a link whose text is the URL. */
    static String autolink(String url) {
        String u = url.strip();
        if (u.isEmpty()) {
            return "";
        }
        if (AUTOLINKABLE.matcher(u).matches()) {
            return "<" + u + ">";
        }
        return link(escapeText(u, false), u);
    }

    static String quote(String block) {
        if (block.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder(block.length() + 16);
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(lines[i].isEmpty() ? ">" : "> " + lines[i]);
        }
        return b.toString();
    }

    /** A list item: the marker on the first line, continuation lines indented to the content column. */
    static String listItem(String marker, String body) {
        if (body.isEmpty()) {
            return marker.stripTrailing();
        }
        return marker + indentRest(body, marker.length());
    }

    /** Indents every non-empty line. */
    static String indent(String block, int width) {
        String rest = indentRest(block, width);
        return block.isEmpty() || block.startsWith("\n") ? rest : " ".repeat(width) + rest;
    }

    private static String indentRest(String block, int width) {
        String pad = " ".repeat(width);
        String[] lines = block.split("\n", -1);
        StringBuilder b = new StringBuilder(block.length() + lines.length * width);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append('\n');
                if (!lines[i].isEmpty()) {
                    b.append(pad);
                }
            }
            b.append(lines[i]);
        }
        return b.toString();
    }

    /** Turns rendered Markdown into one table-cell line: hard breaks and newlines become {@code <br>}. */
    static String toSingleLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                int backslashes = 0;
                while (backslashes < b.length() && b.charAt(b.length() - 1 - backslashes) == '\\') {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    b.setLength(b.length() - 1);
                }
                b.append(CELL_BREAK);
            } else if (c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** GFM pipe table; the first row is the header. Cells are made single-line and their pipes escaped. */
    static String table(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int cols = 1;
        for (List<String> row : rows) {
            cols = Math.max(cols, row.size());
        }
        StringBuilder b = new StringBuilder();
        appendRow(b, rows.get(0), cols);
        b.append("\n|");
        b.append(" --- |".repeat(cols));
        for (int r = 1; r < rows.size(); r++) {
            b.append('\n');
            appendRow(b, rows.get(r), cols);
        }
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> cells, int cols) {
        b.append('|');
        for (int c = 0; c < cols; c++) {
            String v = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            v = toSingleLine(v).replace("|", "\\|").strip();
            b.append(v.isEmpty() ? " " : " " + v + " ").append('|');
        }
    }

    /** Joins blocks with blank lines, skipping empty ones. */
    static String joinBlocks(List<String> blocks) {
        StringBuilder b = new StringBuilder();
        for (String block : blocks) {
            if (block == null || block.isBlank()) {
                continue;
            }
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append(block);
        }
        return b.toString();
    }
}
