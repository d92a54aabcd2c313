package io.kaitenimport.source.text;

import static io.kaitenimport.source.text.WikiText.LINE_BREAK;
import static io.kaitenimport.source.text.WikiText.isBreak;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira wiki inline markup to Markdown, in a single left-to-right pass so that Markdown already produced is never
 * parsed again as wiki markup. Input has gone through {@link WikiText#encodeEscapes}.
 */
final class WikiInline {

    static final Pattern IMAGE = Pattern.compile("!([^\\s!|][^!|\\n\\uE000]*)(?:\\|([^!\\n\\uE000]*))?!");
    private static final Pattern COLOR = Pattern.compile("\\{color(:[^}\\n]*)?}", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANCHOR = Pattern.compile("\\{anchor(:[^}\\n]*)?}", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]{1,31}:|www\\.).*");
    private static final int MAX_DEPTH = 16;

    /** Longest first where one is a prefix of another. */
    private static final List<Map.Entry<String, String>> EMOTICONS = List.of(
            Map.entry("(on)", "\uD83D\uDCA1"), Map.entry("(/)", "\u2705"), Map.entry("(x)", "\u274C"),
            Map.entry("(!)", "\u26A0\uFE0F"), Map.entry("(?)", "\u2753"), Map.entry("(i)", "\u2139\uFE0F"),
            Map.entry("(y)", "\uD83D\uDC4D"), Map.entry("(n)", "\uD83D\uDC4E"), Map.entry("(*)", "\u2B50"),
            Map.entry("(+)", "\u2795"), Map.entry("(-)", "\u2796"),
            Map.entry(":D", "\uD83D\uDE00"), Map.entry(":)", "\uD83D\uDE42"), Map.entry(":(", "\uD83D\uDE41"),
            Map.entry(":P", "\uD83D\uDE1B"), Map.entry(";)", "\uD83D\uDE09"));

    private final Losses losses;

    WikiInline(Losses losses) {
        this.losses = losses;
    }

    /** @param lineBreak what a newline or {@code \\} becomes: a hard break, {@code <br>} in cells, a space in headings */
    String render(String s, String lineBreak) {
        return parse(s, lineBreak, false, 0);
    }

    private String parse(String s, String br, boolean inLink, int depth) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        StringBuilder text = new StringBuilder();
        // a marker that found no closer from position p will not find one from a later position on that line either;
        // value: {p, end of that line}
        Map<String, int[]> noCloserFrom = new HashMap<>();
        int i = 0;
        while (i < s.length()) {
            Match m = match(s, i, br, inLink, depth, noCloserFrom);
            if (m == null) {
                text.append(s.charAt(i));
                i++;
            } else {
                out.append(WikiText.plain(text.toString()));
                text.setLength(0);
                out.append(m.markdown());
                i += m.length();
            }
        }
        out.append(WikiText.plain(text.toString()));
        return out.toString();
    }

    /** Markdown for the construct starting at {@code i} and how many characters it spans. */
    private record Match(String markdown, int length) {
    }

    private Match match(String s, int i, String br, boolean inLink, int depth, Map<String, int[]> noCloserFrom) {
        char c = s.charAt(i);
        int n = s.length();
        if (isBreak(c)) {
            // "\\" at the end of a line is one break, not two
            return new Match(br, c == LINE_BREAK && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1);
        }
        if (c == '{') {
            return macro(s, i);
        }
        if (c == '[') {
            int close = linkEnd(s, i);
            return close > 0 ? new Match(link(s.substring(i + 1, close), br, depth), close + 1 - i) : null;
        }
        if (!atBoundary(s, i)) {
            return null;
        }
        if (c == '!') {
            Matcher m = IMAGE.matcher(s).region(i, n);
            if (m.lookingAt() && looksLikeFile(m.group(1)) && (m.end() == n || !Character.isLetterOrDigit(s.charAt(m.end())))) {
                return new Match(image(m.group(1), m.group(2)), m.end() - i);
            }
        }
        for (Map.Entry<String, String> e : EMOTICONS) {
            int end = i + e.getKey().length();
            if (s.startsWith(e.getKey(), i) && (end == n || !Character.isLetterOrDigit(s.charAt(end)))) {
                return new Match(e.getValue(), e.getKey().length());
            }
        }
        if (!inLink && "hHfF".indexOf(c) >= 0) {
            int end = Markdown.bareUrlEnd(s, i);
            if (end > i) {
                return new Match("<" + WikiText.raw(s.substring(i, end)) + ">", end - i);
            }
        }
        String marker = c == '?' ? (s.startsWith("??", i) ? "??" : null) : "*_-+^~".indexOf(c) >= 0 ? String.valueOf(c) : null;
        if (marker != null && depth < MAX_DEPTH) {
            int close = closer(s, i, marker, noCloserFrom);
            if (close > 0) {
                String inner = parse(s.substring(i + marker.length(), close), br, inLink, depth + 1);
                return new Match(wrap(marker, inner), close + marker.length() - i);
            }
        }
        return null;
    }

    /** {@code {{mono}}}, {@code {color}} and {@code {anchor}}; other braces are text. */
    private Match macro(String s, int i) {
        if (s.startsWith("{{", i)) {
            int close = s.indexOf("}}", i + 2);
            return close > i + 2 ? new Match(Markdown.codeSpan(WikiText.raw(s.substring(i + 2, close))), close + 2 - i) : null;
        }
        Matcher m = COLOR.matcher(s).region(i, s.length());
        if (m.lookingAt()) {
            if (m.group(1) != null) {
                losses.add("wiki.color");
            }
            return new Match("", m.end() - i);
        }
        m = ANCHOR.matcher(s).region(i, s.length());
        if (m.lookingAt()) {
            losses.add("wiki.anchor");
            return new Match("", m.end() - i);
        }
        return null;
    }

    private static boolean atBoundary(String s, int i) {
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    /**
     * Jira's rule: the opening marker follows a non-alphanumeric character and precedes a non-space; the closing
     * marker follows a non-space and precedes a non-alphanumeric character; both on the same line.
     */
    private static int closer(String s, int open, String marker, Map<String, int[]> noCloserFrom) {
        int n = s.length();
        int len = marker.length();
        int start = open + len;
        if (!atBoundary(s, open) || start >= n || Character.isWhitespace(s.charAt(start)) || isBreak(s.charAt(start))) {
            return -1;
        }
        int[] failed = noCloserFrom.get(marker);
        if (failed != null && failed[0] <= start && start < failed[1]) {
            return -1;
        }
        int j = start;
        for (; j < n; j++) {
            char c = s.charAt(j);
            if (isBreak(c)) {
                break;
            }
            if (j > start && s.startsWith(marker, j) && !Character.isWhitespace(s.charAt(j - 1))
                    && (j + len >= n || !Character.isLetterOrDigit(s.charAt(j + len)))) {
                return j;
            }
            // a marker character inside a code span or a link does not close
            if (c == '{' && s.startsWith("{{", j)) {
                int end = s.indexOf("}}", j + 2);
                if (end > 0 && end < lineEnd(s, j)) {
                    j = end + 1;
                }
            } else if (c == '[') {
                int end = linkEnd(s, j);
                if (end > 0) {
                    j = end;
                }
            }
        }
        noCloserFrom.put(marker, new int[] {start, j});
        return -1;
    }

    private static int lineEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (isBreak(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    /** Index of the {@code ]} closing a link opened at {@code open}, on the same line and without a nested {@code [}. */
    static int linkEnd(String s, int open) {
        for (int j = open + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == ']') {
                return j;
            }
            if (c == '[' || isBreak(c)) {
                return -1;
            }
        }
        return -1;
    }

    private String wrap(String marker, String inner) {
        switch (marker) {
            case "+" -> losses.add("wiki.underline");
            case "^" -> losses.add("wiki.superscript");
            case "~" -> losses.add("wiki.subscript");
            default -> {
            }
        }
        if (inner.isBlank()) {
            return inner;
        }
        return switch (marker) {
            case "*" -> "**" + inner + "**";
            case "_", "??" -> "*" + inner + "*";
            case "-" -> "~~" + inner + "~~";
            default -> inner;
        };
    }

    private String link(String body, String br, int depth) {
        if (body.startsWith("~")) {
            return mention(body.substring(1));
        }
        if (body.startsWith("^")) {
            return attachment(body.substring(1));
        }
        int bar = body.indexOf('|');
        if (bar < 0) {
            String target = WikiText.raw(body).strip();
            if (target.startsWith("#") && target.length() > 1) {
                return Markdown.link(Markdown.escapeText(target, false), target);
            }
            if (SCHEME.matcher(target).matches()) {
                return target.regionMatches(true, 0, "www.", 0, 4)
                        ? Markdown.link(Markdown.escapeText(target, false), "http://" + target)
                        : Markdown.autolink(target);
            }
            // [text] without a target is not a link in Jira either
            return "\\[" + parse(body, br, false, depth + 1) + "\\]";
        }
        String label = body.substring(0, bar);
        String rest = body.substring(bar + 1);
        int tip = rest.indexOf('|');
        String target = WikiText.raw(tip >= 0 ? rest.substring(0, tip) : rest).strip();
        if (target.startsWith("~")) {
            return mention(target.substring(1));
        }
        if (target.startsWith("^")) {
            losses.add("wiki.attachment");
            return parse(label, br, false, depth + 1);
        }
        String text = parse(label, br, true, depth + 1);
        if (target.isEmpty()) {
            return text;
        }
        if (target.regionMatches(true, 0, "www.", 0, 4)) {
            target = "http://" + target;
        }
        return Markdown.link(text.isBlank() ? Markdown.escapeText(target, false) : text, target);
    }

    private static String mention(String who) {
        String name = WikiText.raw(who).strip();
        if (name.toLowerCase(Locale.ROOT).startsWith("accountid:")) {
            name = name.substring("accountid:".length()).strip();
        }
        return "@" + Markdown.escapeText(name, false);
    }

    private String attachment(String name) {
        losses.add("wiki.attachment");
        return Markdown.escapeText(WikiText.raw(name).strip(), false);
    }

    /** Attachment name or URL: {@code !a.png!} but not the exclamation marks of ordinary prose. */
    private static boolean looksLikeFile(String name) {
        String n = name.strip();
        return n.contains("://") || n.matches(".*\\.[A-Za-z0-9]{1,8}");
    }

    private String image(String rawName, String params) {
        String name = WikiText.raw(rawName).strip();
        if (params != null && !params.isBlank()) {
            losses.add("wiki.image.params");
        }
        return "![" + Markdown.escapeText(name, false) + "](" + Markdown.destination(name) + ")";
    }
}
