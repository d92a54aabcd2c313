package io.kaitenimport.source.text;

import static io.kaitenimport.source.text.AdfNodes.MALFORMED;
import static io.kaitenimport.source.text.AdfNodes.attr;
import static io.kaitenimport.source.text.AdfNodes.attrNode;
import static io.kaitenimport.source.text.AdfNodes.keyPart;
import static io.kaitenimport.source.text.AdfNodes.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders a run of ADF inline nodes. Marks are opened and closed at transitions between nodes rather than per node,
 * so adjacent text nodes with the same mark give {@code **ab**} instead of the broken {@code **a****b**}.
 */
final class AdfInline {

    private final Losses losses;

    AdfInline(Losses losses) {
        this.losses = losses;
    }

    static boolean isInline(JsonNode n) {
        return n.isValueNode() || AdfNodes.isInlineType(type(n));
    }

    /** @param lineBreak what a hardBreak becomes: a Markdown hard break, or a space inside headings */
    String render(List<JsonNode> nodes, String lineBreak, int depth) {
        List<Leaf> leaves = new ArrayList<>();
        flatten(nodes, leaves, depth);
        int from = 0;
        int to = leaves.size();
        while (from < to && leaves.get(from).isHardBreak()) {
            from++;
        }
        while (to > from && leaves.get(to - 1).isHardBreak()) {
            to--;
        }
        Out out = new Out();
        for (Leaf leaf : leaves.subList(from, to)) {
            if (leaf.plain() != null) {
                out.closeUnmatched(List.of());
                out.append(Markdown.escapeText(leaf.plain(), true));
                continue;
            }
            String type = type(leaf.node());
            if ("hardBreak".equals(type)) {
                out.closeUnmatched(List.of());
                out.append(lineBreak);
            } else if ("text".equals(type)) {
                text(leaf.node(), out);
            } else {
                String md = atom(leaf.node(), type);
                if (!md.isEmpty()) {
                    List<Mark> marks = marks(leaf.node()).wanted();
                    out.closeUnmatched(marks);
                    out.openMissing(marks);
                    out.append(md);
                }
            }
        }
        out.closeUnmatched(List.of());
        return out.toString();
    }

    private record Leaf(JsonNode node, String plain) {
        boolean isHardBreak() {
            return plain == null && "hardBreak".equals(type(node));
        }
    }

    /** Inline content may only hold inline nodes; anything else is unwrapped so its words survive. */
    private void flatten(List<JsonNode> nodes, List<Leaf> out, int depth) {
        for (JsonNode n : nodes) {
            if (n.isValueNode()) {
                losses.add(MALFORMED);
                out.add(new Leaf(null, n.asText()));
                continue;
            }
            String type = type(n);
            if (type != null && (AdfNodes.isInlineType(type) || "media".equals(type))) {
                out.add(new Leaf(n, null));
                continue;
            }
            if (type == null || AdfNodes.isBlockType(type)) {
                losses.add(MALFORMED);
            } else {
                losses.add("adf.unknown." + keyPart(type));
            }
            if (depth > AdfNodes.MAX_DEPTH) {
                losses.add(MALFORMED);
                continue;
            }
            List<JsonNode> kids = AdfNodes.children(n, losses);
            if (!kids.isEmpty()) {
                flatten(kids, out, depth + 1);
            } else {
                String own = n.isObject() ? AdfNodes.ownText(n) : null;
                if (own != null && !own.isEmpty()) {
                    out.add(new Leaf(null, own));
                }
            }
        }
    }

    private void text(JsonNode n, Out out) {
        JsonNode t = n.get("text");
        if (t == null || !t.isTextual()) {
            losses.add(MALFORMED);
            return;
        }
        String text = t.asText();
        if (text.isEmpty()) {
            return;
        }
        MarkSet marks = marks(n);
        if (marks.code()) {
            out.closeUnmatched(marks.wanted());
            out.openMissing(marks.wanted());
            out.append(Markdown.codeSpan(text));
            return;
        }
        int a = 0;
        int b = text.length();
        while (a < b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            // whitespace alone neither opens nor closes marks: delimiters must hug non-space text
            out.append(text);
            return;
        }
        boolean inLink = marks.wanted().stream().anyMatch(m -> m.kind() == Kind.LINK);
        out.closeUnmatched(marks.wanted());
        out.append(text.substring(0, a));
        out.openMissing(marks.wanted());
        out.append(Markdown.escapeText(text.substring(a, b), !inLink));
        out.append(text.substring(b));
    }

    private String atom(JsonNode n, String type) {
        return switch (type) {
            case "mention" -> mention(n);
            case "emoji" -> emoji(n);
            case "inlineCard" -> card(n);
            case "date" -> date(n);
            case "status" -> status(n);
            case "media", "mediaInline" -> media(n);
            case "placeholder" -> {
                losses.add("adf.placeholder");
                yield "";
            }
            case "inlineExtension" -> {
                losses.add("adf.extension");
                yield "";
            }
            default -> "";
        };
    }

    private String mention(JsonNode n) {
        String name = attr(n, "text");
        if (name != null) {
            name = name.strip();
            name = name.startsWith("@") ? name.substring(1) : name;
        }
        if (name == null || name.isBlank()) {
            name = attr(n, "id");
        }
        if (name == null || name.isBlank()) {
            losses.add(MALFORMED);
            return "";
        }
        return "@" + Markdown.escapeText(name.strip(), false);
    }

    private String emoji(JsonNode n) {
        String text = attr(n, "text");
        if (text == null || text.isBlank()) {
            text = attr(n, "shortName");
        }
        if (text == null || text.isBlank()) {
            losses.add(MALFORMED);
            return "";
        }
        return Markdown.escapeText(text, false);
    }

    /** Smart links: the URL is in attrs.url, or in attrs.data (JSON-LD) for cards resolved at save time. */
    String card(JsonNode n) {
        String url = attr(n, "url");
        JsonNode data = attrNode(n, "data");
        if ((url == null || url.isBlank()) && data != null && data.isObject()) {
            JsonNode u = data.get("url");
            url = u != null && u.isTextual() ? u.asText() : null;
        }
        if (url == null || url.isBlank()) {
            losses.add(MALFORMED);
            return "";
        }
        return Markdown.autolink(url);
    }

    private String date(JsonNode n) {
        Long millis = AdfNodes.longAttr(n, "timestamp");
        if (millis == null) {
            losses.add(MALFORMED);
            String raw = attr(n, "timestamp");
            return raw == null ? "" : Markdown.escapeText(raw, false);
        }
        try {
            // Jira stores the picked day as midnight UTC, so UTC gives back the day the user chose
            return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeException e) {
            losses.add(MALFORMED);
            return String.valueOf(millis);
        }
    }

    private String status(JsonNode n) {
        losses.add("adf.status");
        String text = attr(n, "text");
        if (text == null || text.isBlank()) {
            return "";
        }
        return "\\[" + Markdown.escapeText(text.strip().toUpperCase(Locale.ROOT), false) + "\\]";
    }

    /**
     * Media ids are Media Services UUIDs, not attachment ids, so the image points at {@code attachment:<id>}
     * for a later step to rewrite after matching the alt text (usually the file name) to an attachment.
     */
    String media(JsonNode n) {
        String id = attr(n, "id");
        String alt = attr(n, "alt");
        String url = attr(n, "url");
        if ("external".equals(attr(n, "type")) && url != null && !url.isBlank()) {
            String label = alt != null && !alt.isBlank() ? alt : fileName(url);
            return "![" + Markdown.escapeText(label.strip(), false) + "](" + Markdown.destination(url.strip()) + ")";
        }
        losses.add("adf.media");
        if (id != null && !id.isBlank()) {
            String label = alt != null && !alt.isBlank() ? alt : id;
            return "![" + Markdown.escapeText(label.strip(), false) + "](attachment:" + Markdown.destination(id.strip()) + ")";
        }
        if (alt != null && !alt.isBlank()) {
            return "\\[attachment: " + Markdown.escapeText(alt.strip(), false) + "\\]";
        }
        losses.add(MALFORMED);
        return "\\[attachment\\]";
    }

    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        int slash = path.lastIndexOf('/');
        String name = slash >= 0 ? path.substring(slash + 1) : path;
        return name.isBlank() ? url : name;
    }

    // ---- marks ---------------------------------------------------------------------------------------------

    /** Declaration order is nesting order, outermost first. */
    private enum Kind {
        LINK, STRIKE, STRONG, EM
    }

    private record Mark(Kind kind, String href) {
        String opener() {
            return switch (kind) {
                case LINK -> "[";
                case STRIKE -> "~~";
                case STRONG -> "**";
                case EM -> "*";
            };
        }

        String closer() {
            return kind == Kind.LINK ? "](" + Markdown.destination(href) + ")" : opener();
        }
    }

    private record MarkSet(List<Mark> wanted, boolean code) {
    }

    private MarkSet marks(JsonNode n) {
        JsonNode array = n.get("marks");
        if (array == null || array.isNull()) {
            return new MarkSet(List.of(), false);
        }
        if (!array.isArray()) {
            losses.add(MALFORMED);
            return new MarkSet(List.of(), false);
        }
        List<Mark> wanted = new ArrayList<>();
        boolean code = false;
        for (JsonNode m : array) {
            String type = type(m);
            if (type == null) {
                losses.add(MALFORMED);
                continue;
            }
            switch (type) {
                case "strong" -> add(wanted, new Mark(Kind.STRONG, null));
                case "em" -> add(wanted, new Mark(Kind.EM, null));
                case "strike" -> add(wanted, new Mark(Kind.STRIKE, null));
                case "code" -> code = true;
                case "link" -> {
                    String href = attr(m, "href");
                    if (href == null || href.isBlank()) {
                        losses.add(MALFORMED);
                    } else {
                        add(wanted, new Mark(Kind.LINK, href.strip()));
                    }
                }
                case "underline" -> losses.add("adf.underline");
                case "textColor" -> losses.add("adf.text.color");
                case "backgroundColor" -> losses.add("adf.text.background");
                case "subsup" -> losses.add("adf.subsup");
                default -> losses.add("adf.mark." + keyPart(type));
            }
        }
        wanted.sort(Comparator.comparing(Mark::kind));
        return new MarkSet(wanted, code);
    }

    private static void add(List<Mark> marks, Mark mark) {
        if (marks.stream().noneMatch(m -> m.kind() == mark.kind())) {
            marks.add(mark);
        }
    }

    /** Output buffer plus the stack of open marks. */
    private static final class Out {
        private final StringBuilder sb = new StringBuilder();
        private final List<Open> open = new ArrayList<>();

        private record Open(Mark mark, int openerStart, int contentStart) {
        }

        void append(String s) {
            sb.append(s);
        }

        void closeUnmatched(List<Mark> wanted) {
            int common = 0;
            while (common < open.size() && common < wanted.size() && open.get(common).mark().equals(wanted.get(common))) {
                common++;
            }
            while (open.size() > common) {
                close(open.remove(open.size() - 1));
            }
        }

        void openMissing(List<Mark> wanted) {
            for (int i = open.size(); i < wanted.size(); i++) {
                int start = sb.length();
                sb.append(wanted.get(i).opener());
                open.add(new Open(wanted.get(i), start, sb.length()));
            }
        }

        /** Trailing whitespace moves outside the closer (a closer after a space does not close); empty marks vanish. */
        private void close(Open o) {
            int end = sb.length();
            int ws = end;
            while (ws > o.contentStart() && Character.isWhitespace(sb.charAt(ws - 1))) {
                ws--;
            }
            String tail = sb.substring(ws);
            sb.setLength(ws);
            if (sb.length() == o.contentStart()) {
                sb.setLength(o.openerStart());
            } else {
                sb.append(o.mark().closer());
            }
            sb.append(tail);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
