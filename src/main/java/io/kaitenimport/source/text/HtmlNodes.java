package io.kaitenimport.source.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forgiving HTML fragment parser for rich-text fields (Asana {@code html_notes}, wiki pages): tags, attributes,
 * text and entities into a small tree. It never throws on bad markup: unclosed tags close at the end, a stray
 * closing tag is ignored, void elements ({@code br}, {@code img}, {@code hr}) never take children.
 */
final class HtmlNodes {
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "meta", "link", "col", "area",
            "base", "wbr", "source", "embed", "param", "track");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\\s+[^\\s/>=]+(?:\\s*=\\s*"
            + "(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*(/?)>");
    private static final Pattern ATTR = Pattern.compile("([^\\s/>=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("times", "×"), Map.entry("euro", "€"));

    private HtmlNodes() {
    }

    /** A node: an element (name non-null) or a text run (text non-null). */
    static final class Node {
        final String name;
        final Map<String, String> attrs;
        final List<Node> children = new ArrayList<>();
        final String text;

        private Node(String name, Map<String, String> attrs, String text) {
            this.name = name;
            this.attrs = attrs;
            this.text = text;
        }

        boolean isText() {
            return text != null;
        }

        String attr(String key) {
            return attrs == null ? null : attrs.get(key);
        }

        /** The text of this node and its descendants, entities decoded, as written (no whitespace folding). */
        String plainText() {
            if (isText()) {
                return text;
            }
            StringBuilder b = new StringBuilder();
            for (Node c : children) {
                b.append(c.name != null && c.name.equals("br") ? "\n" : c.plainText());
            }
            return b.toString();
        }
    }

    /** The fragment as a root element named {@code #root}. */
    static Node parse(String html) {
        Node root = new Node("#root", Map.of(), null);
        List<Node> open = new ArrayList<>();
        open.add(root);
        int pos = 0;
        int n = html.length();
        while (pos < n) {
            int lt = html.indexOf('<', pos);
            if (lt < 0) {
                text(open, html.substring(pos));
                break;
            }
            if (lt > pos) {
                text(open, html.substring(pos, lt));
            }
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                pos = end < 0 ? n : end + 3;
                continue;
            }
            if (html.startsWith("<!", lt) || html.startsWith("<?", lt)) {
                int end = html.indexOf('>', lt);
                pos = end < 0 ? n : end + 1;
                continue;
            }
            Matcher m = TAG.matcher(html);
            m.region(lt, n);
            if (!m.lookingAt()) {
                text(open, "<");
                pos = lt + 1;
                continue;
            }
            pos = m.end();
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (!m.group(1).isEmpty()) {
                close(open, name);
                continue;
            }
            Node el = new Node(name, attributes(m.group(3)), null);
            open.get(open.size() - 1).children.add(el);
            if (name.equals("script") || name.equals("style")) {
                int end = html.toLowerCase(Locale.ROOT).indexOf("</" + name, pos);
                pos = end < 0 ? n : html.indexOf('>', end) < 0 ? n : html.indexOf('>', end) + 1;
                continue;
            }
            if (!VOID.contains(name) && m.group(4).isEmpty()) {
                open.add(el);
            }
        }
        return root;
    }

    private static void text(List<Node> open, String raw) {
        open.get(open.size() - 1).children.add(new Node(null, null, decode(raw)));
    }

    private static void close(List<Node> open, String name) {
        for (int i = open.size() - 1; i > 0; i--) {
            if (open.get(i).name.equals(name)) {
                open.subList(i, open.size()).clear();
                return;
            }
        }
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(s);
        while (m.find()) {
            String v = m.group(2);
            if (v != null && (v.startsWith("\"") || v.startsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v == null ? "" : decode(v));
        }
        return out;
    }

    /** Decodes character references; unknown named ones stay as written. */
    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#")) {
                int cp;
                try {
                    cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1));
                } catch (NumberFormatException ex) {
                    cp = -1;
                }
                r = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : m.group();
            } else {
                r = NAMED.getOrDefault(e, m.group());
            }
            m.appendReplacement(b, Matcher.quoteReplacement(r));
        }
        m.appendTail(b);
        return b.toString();
    }
}
