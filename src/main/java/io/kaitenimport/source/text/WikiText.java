package io.kaitenimport.source.text;

/**
 * Wiki escapes ({@code \*}) and forced line breaks ({@code \\}) are replaced by private-use characters before
 * parsing, so that no rule can mistake an escaped character for markup; they are turned back when text is emitted.
 */
final class WikiText {

    static final char LINE_BREAK = '\uE000';
    private static final char ESCAPE_BASE = '\uE100';

    private WikiText() {
    }

    static String encodeEscapes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                if (d == '\\') {
                    b.append(LINE_BREAK);
                    i++;
                    continue;
                }
                if (d < 128 && !Character.isLetterOrDigit(d) && !Character.isWhitespace(d)) {
                    b.append((char) (ESCAPE_BASE + d));
                    i++;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    static boolean isEscaped(char c) {
        return c >= ESCAPE_BASE && c < ESCAPE_BASE + 128;
    }

    static boolean isBreak(char c) {
        return c == '\n' || c == LINE_BREAK;
    }

    /** The characters as the reader sees them: for code spans, URLs and names. */
    static String raw(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isEscaped(c)) {
                b.append((char) (c - ESCAPE_BASE));
            } else if (c == LINE_BREAK) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Plain text as Markdown: ordinary runs escaped, wiki-escaped characters escaped only if Markdown needs it. */
    static String plain(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isEscaped(c) || c == LINE_BREAK) {
                b.append(Markdown.escapeText(s.substring(runStart, i), false));
                b.append(c == LINE_BREAK ? " " : Markdown.escapeText(String.valueOf((char) (c - ESCAPE_BASE)), false));
                runStart = i + 1;
            }
        }
        b.append(Markdown.escapeText(s.substring(runStart), false));
        return b.toString();
    }
}
