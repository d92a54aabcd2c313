package io.kaitenimport.source.wiki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Link targets in page text: which are external, how relative ones resolve, and Markdown link rewriting. */
final class Links {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /**
     * {@code [text](target "title")} and {@code ![alt](target)}; text may hold one level of brackets. Runs are
     * matched possessively ({@code ++}): a loop over one character per alternative recursed per character and
     * overflowed the stack on a 500 KB link text (issue 14); the alternatives start with different characters, so
     * nothing a backtrack could find is lost.
     */
    private static final Pattern MD_LINK = Pattern.compile(
            "(!?)\\[((?:[^\\[\\]\\\\]++|\\\\.|\\[[^\\]]*+\\])*+)\\]\\(\\s*(<[^>\\n]*>|(?:[^()\\s]++|\\([^()\\s]*+\\))++)(\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```+|~~~+)");

    private Links() {
    }

    /** Web, mail and other scheme links, protocol-relative links and in-page anchors stay as they are. */
    static boolean external(String target) {
        return target.isEmpty() || target.startsWith("#") || target.startsWith("//") || SCHEME.matcher(target).find()
                && !target.matches("^[A-Za-z]:[\\\\/].*");
    }

    /** %-decodes exactly once (UTF-8); a malformed escape leaves the text as it is — files may contain '%'. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                return s;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** A package path as a link: every byte outside a safe set %-encoded, so any file name survives. */
    static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** {@code base} (a file's folder, "" for the root) joined with a relative target, '.' and '..' resolved. */
    static String resolve(String base, String target) {
        Deque<String> parts = new ArrayDeque<>();
        String joined = target.startsWith("/") ? target.substring(1) : base.isEmpty() ? target : base + "/" + target;
        for (String p : joined.replace('\\', '/').split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null; // leaves the export
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return Normalizer.normalize(String.join("/", parts), Normalizer.Form.NFC);
    }

    static String folderOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** A target without its {@code #fragment} or {@code ?query}, and the part cut off (with its mark). */
    record Split(String path, String rest) {
        static Split of(String target) {
            int q = target.indexOf('?');
            int h = target.indexOf('#');
            int cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
            return cut < 0 ? new Split(target, "") : new Split(target.substring(0, cut), target.substring(cut));
        }
    }

    /** Decides a link's or image's new target. */
    interface Rewriter {
        /** The new target, or null to leave the link as it is. */
        String target(String target, boolean image, String text);
    }

    /**
     * Rewrites every Markdown link and image target outside code (fenced blocks and code spans), keeping text and
     * titles as they are.
     */
    static String rewriteMarkdown(String text, Rewriter rewriter) {
        StringBuilder out = new StringBuilder(text.length());
        String fence = null;
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            Matcher f = FENCE.matcher(line);
            if (fence != null) {
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()) {
                    fence = null;
                }
                out.append(line);
                continue;
            }
            if (f.find()) {
                fence = f.group(1);
                out.append(line);
                continue;
            }
            out.append(outsideCodeSpans(line, part -> rewriteLinks(part, rewriter)));
        }
        return out.toString();
    }

    static String outsideCodeSpans(String line, UnaryOperator<String> op) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int tick = line.indexOf('`', i);
            if (tick < 0) {
                out.append(op.apply(line.substring(i)));
                break;
            }
            out.append(op.apply(line.substring(i, tick)));
            int run = tick;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            String ticks = line.substring(tick, run);
            int close = line.indexOf(ticks, run);
            if (close < 0) {
                out.append(op.apply(line.substring(tick)));
                break;
            }
            out.append(line, tick, close + ticks.length());
            i = close + ticks.length();
        }
        return out.toString();
    }

    private static String rewriteLinks(String s, Rewriter rewriter) {
        Matcher m = MD_LINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String raw = m.group(3);
            String target = raw.startsWith("<") ? raw.substring(1, raw.length() - 1) : raw;
            String replaced = rewriter.target(target, !m.group(1).isEmpty(), m.group(2));
            String whole = m.group();
            if (replaced != null) {
                whole = m.group(1) + "[" + m.group(2) + "](" + destination(replaced)
                        + (m.group(4) == null ? "" : m.group(4)) + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(whole));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A destination that needs no angle brackets: spaces and parentheses %-encoded. */
    static String destination(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E");
    }
}
