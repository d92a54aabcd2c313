package io.kaitenimport.source.text;

import static io.kaitenimport.source.text.AdfNodes.MALFORMED;
import static io.kaitenimport.source.text.AdfNodes.attr;
import static io.kaitenimport.source.text.AdfNodes.isListType;
import static io.kaitenimport.source.text.AdfNodes.keyPart;
import static io.kaitenimport.source.text.AdfNodes.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Renders ADF block nodes. One instance per conversion: it shares the conversion's {@link Losses}. */
final class AdfBlocks {

    private static final Pattern INTERRUPTING_ITEM = Pattern.compile("(?:- |1\\. )\\S");

    private final Losses losses;
    private final AdfInline inline;
    private final AdfTables tables;

    AdfBlocks(Losses losses) {
        this.losses = losses;
        this.inline = new AdfInline(losses);
        this.tables = new AdfTables(losses, this);
    }

    String document(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return "";
        }
        List<JsonNode> top = new ArrayList<>();
        if (root.isArray()) {
            losses.add(MALFORMED);
            for (JsonNode n : root) {
                if (n == null || n.isNull()) {
                    losses.add(MALFORMED);
                } else {
                    top.add(n);
                }
            }
        } else {
            top.add(root);
        }
        return join(render(top, 0));
    }

    /** A rendered block; the node type decides how it is joined to its neighbours. */
    record Part(String type, String markdown) {
    }

    /** Renders a sequence of nodes, gathering runs of inline nodes into paragraphs. */
    private List<Part> render(List<JsonNode> nodes, int depth) {
        List<Part> parts = new ArrayList<>();
        List<JsonNode> run = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (AdfInline.isInline(n)) {
                run.add(n);
                continue;
            }
            flushRun(run, parts, depth);
            String type = type(n);
            String md = block(n, type, depth);
            if (!md.isBlank()) {
                parts.add(new Part(type == null ? "" : type, md));
            }
        }
        flushRun(run, parts, depth);
        return parts;
    }

    private void flushRun(List<JsonNode> run, List<Part> parts, int depth) {
        if (run.isEmpty()) {
            return;
        }
        String md = paragraph(List.copyOf(run), depth);
        if (!md.isBlank()) {
            parts.add(new Part("paragraph", md));
        }
        run.clear();
    }

    List<Part> renderChildren(JsonNode n, int depth) {
        return render(AdfNodes.children(n, losses), depth + 1);
    }

    private String block(JsonNode n, String type, int depth) {
        if (depth > AdfNodes.MAX_DEPTH) {
            losses.add(MALFORMED);
            return "";
        }
        if (type == null) {
            losses.add(MALFORMED);
            return fallback(n, depth);
        }
        return switch (type) {
            case "doc", "layoutColumn", "caption" -> join(renderChildren(n, depth));
            case "paragraph" -> paragraph(AdfNodes.children(n, losses), depth);
            case "heading" -> heading(n, depth);
            case "bulletList" -> list(n, false, depth);
            case "orderedList" -> list(n, true, depth);
            case "listItem" -> item("- ", AdfNodes.children(n, losses), depth);
            case "taskList" -> taskList(n, depth);
            case "taskItem" -> taskItem(n, depth);
            case "decisionList" -> decisionList(n, depth);
            case "decisionItem" -> decisionItem(n, depth);
            case "codeBlock" -> Markdown.fencedCode(codeText(n), attr(n, "language"));
            case "blockquote" -> Markdown.quote(join(renderChildren(n, depth)));
            case "rule" -> "---";
            case "panel" -> panel(n, depth);
            case "table" -> tables.table(n, depth);
            case "mediaSingle" -> mediaSingle(n, depth);
            case "mediaGroup" -> mediaGroup(n, depth);
            case "media" -> inline.media(n);
            case "expand", "nestedExpand" -> expand(n, depth);
            case "blockCard", "embedCard" -> inline.card(n);
            case "extension" -> {
                losses.add("adf.extension");
                yield "";
            }
            case "bodiedExtension" -> {
                losses.add("adf.extension");
                yield join(renderChildren(n, depth));
            }
            case "layoutSection" -> {
                losses.add("adf.layout");
                yield join(renderChildren(n, depth));
            }
            case "tableRow", "tableHeader", "tableCell" -> {
                losses.add(MALFORMED);
                yield join(renderChildren(n, depth));
            }
            default -> {
                losses.add("adf.unknown." + keyPart(type));
                yield fallback(n, depth);
            }
        };
    }

    /** Unknown or untyped node: its children if it has any, else its own text. */
    private String fallback(JsonNode n, int depth) {
        List<JsonNode> kids = AdfNodes.children(n, losses);
        if (!kids.isEmpty()) {
            return join(render(kids, depth + 1));
        }
        String own = n.isObject() ? AdfNodes.ownText(n) : null;
        return own == null ? "" : Markdown.escapeLineStarts(Markdown.escapeText(own, true));
    }

    private String paragraph(List<JsonNode> content, int depth) {
        return Markdown.escapeLineStarts(inline.render(content, Markdown.HARD_BREAK, depth + 1)).stripTrailing();
    }

    private String heading(JsonNode n, int depth) {
        Long level = AdfNodes.longAttr(n, "level");
        if (level == null || level < 1 || level > 6) {
            losses.add(MALFORMED);
            level = level == null ? 1L : Math.max(1L, Math.min(6L, level));
        }
        String text = Markdown.escapeHeadingText(inline.render(AdfNodes.children(n, losses), " ", depth + 1));
        // an empty heading is only vertical space in Jira; a bare "#" line would be noise
        return text.isEmpty() ? "" : "#".repeat(level.intValue()) + " " + text;
    }

    // ---- lists ---------------------------------------------------------------------------------------------

    private String list(JsonNode n, boolean ordered, int depth) {
        long number = ordered ? start(n) : 0;
        List<String> items = new ArrayList<>();
        int lastWidth = 2;
        for (JsonNode child : AdfNodes.children(n, losses)) {
            String type = type(child);
            if (isListType(type) && !items.isEmpty()) {
                // a list directly inside a list belongs to the previous item
                losses.add(MALFORMED);
                attachNested(items, block(child, type, depth + 1), lastWidth);
                continue;
            }
            List<JsonNode> content;
            if ("listItem".equals(type)) {
                content = AdfNodes.children(child, losses);
            } else {
                losses.add(MALFORMED);
                content = List.of(child);
            }
            String marker = ordered ? (number++) + ". " : "- ";
            lastWidth = marker.length();
            items.add(item(marker, content, depth));
        }
        return String.join("\n", items);
    }

    private long start(JsonNode n) {
        if (AdfNodes.attrNode(n, "order") == null) {
            return 1;
        }
        Long order = AdfNodes.longAttr(n, "order");
        if (order == null || order < 0) {
            losses.add(MALFORMED);
            return 1;
        }
        return Math.min(order, 999_999_999L);
    }

    private static void attachNested(List<String> items, String nested, int width) {
        if (nested.isBlank()) {
            return;
        }
        int last = items.size() - 1;
        items.set(last, items.get(last) + "\n" + Markdown.indent(nested, width));
    }

    private String item(String marker, List<JsonNode> content, int depth) {
        return Markdown.listItem(marker, joinItem(render(content, depth + 1)));
    }

    private String taskList(JsonNode n, int depth) {
        return itemList(n, depth, "taskItem", this::taskItem);
    }

    /** Task and decision lists: items of one node type, nested lists attached to the item before them. */
    private String itemList(JsonNode n, int depth, String itemType,
                            java.util.function.BiFunction<JsonNode, Integer, String> renderItem) {
        List<String> items = new ArrayList<>();
        for (JsonNode child : AdfNodes.children(n, losses)) {
            String type = type(child);
            if (itemType.equals(type)) {
                items.add(renderItem.apply(child, depth));
            } else if (isListType(type) && !items.isEmpty()) {
                // nested lists are siblings of the item they belong to
                attachNested(items, block(child, type, depth + 1), 2);
            } else {
                losses.add(MALFORMED);
                items.add(item("- ", List.of(child), depth));
            }
        }
        return String.join("\n", items);
    }

    private String taskItem(JsonNode n, int depth) {
        String box = "DONE".equalsIgnoreCase(attr(n, "state")) ? "[x]" : "[ ]";
        String body = joinItem(renderChildren(n, depth));
        return Markdown.listItem("- ", body.isEmpty() ? box : box + " " + body);
    }

    private String decisionList(JsonNode n, int depth) {
        return itemList(n, depth, "decisionItem", this::decisionItem);
    }

    private String decisionItem(JsonNode n, int depth) {
        losses.add("adf.decision");
        return item("- ", AdfNodes.children(n, losses), depth);
    }

    // ---- other blocks --------------------------------------------------------------------------------------

    private String codeText(JsonNode n) {
        StringBuilder code = new StringBuilder();
        for (JsonNode child : AdfNodes.children(n, losses)) {
            String type = type(child);
            if ("hardBreak".equals(type)) {
                code.append('\n');
                continue;
            }
            String text = child.isValueNode() ? child.asText() : child.isObject() ? AdfNodes.ownText(child) : null;
            if (!"text".equals(type) || text == null) {
                losses.add(MALFORMED);
            }
            if (text != null) {
                code.append(text);
            }
        }
        return code.toString();
    }

    private String panel(JsonNode n, int depth) {
        losses.add("adf.panel");
        String prefix = "**" + panelLabel(attr(n, "panelType")) + ":**";
        List<Part> parts = renderChildren(n, depth);
        if (!parts.isEmpty() && "paragraph".equals(parts.get(0).type())) {
            Part first = parts.get(0);
            parts.set(0, new Part(first.type(), prefix + " " + first.markdown()));
        } else {
            parts.add(0, new Part("paragraph", prefix));
        }
        return Markdown.quote(join(parts));
    }

    private static String panelLabel(String panelType) {
        if (panelType == null) {
            return "Info";
        }
        return switch (panelType.toLowerCase(Locale.ROOT)) {
            case "info" -> "Info";
            case "warning" -> "Warning";
            case "success" -> "Success";
            case "error" -> "Error";
            default -> "Note";
        };
    }

    private String expand(JsonNode n, int depth) {
        losses.add("adf.expand");
        String title = attr(n, "title");
        List<Part> parts = renderChildren(n, depth);
        if (title != null && !title.isBlank()) {
            parts.add(0, new Part("paragraph", "**" + Markdown.escapeText(title.strip(), false) + "**"));
        }
        return join(parts);
    }

    private String mediaSingle(JsonNode n, int depth) {
        String layout = attr(n, "layout");
        if (layout != null && !"center".equals(layout)) {
            losses.add("adf.mediaSingle.layout");
        }
        return join(renderChildren(n, depth));
    }

    private String mediaGroup(JsonNode n, int depth) {
        List<String> lines = new ArrayList<>();
        for (JsonNode child : AdfNodes.children(n, losses)) {
            if ("media".equals(type(child))) {
                lines.add(inline.media(child));
            } else {
                losses.add(MALFORMED);
                lines.add(join(render(List.of(child), depth + 1)));
            }
        }
        lines.removeIf(String::isBlank);
        return String.join("\n", lines);
    }

    // ---- joining -------------------------------------------------------------------------------------------

    private static String join(List<Part> parts) {
        List<String> blocks = new ArrayList<>(parts.size());
        for (Part p : parts) {
            blocks.add(p.markdown());
        }
        return Markdown.joinBlocks(blocks);
    }

    /**
     * Inside a list item a nested list follows its paragraph directly, keeping the list tight. Only a list whose
     * first item is non-empty and, if ordered, starts at 1 may interrupt a paragraph; anything else needs a blank line.
     */
    private static String joinItem(List<Part> parts) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (b.length() > 0) {
                boolean tight = isListType(p.type()) && INTERRUPTING_ITEM.matcher(p.markdown()).lookingAt();
                b.append(tight ? "\n" : "\n\n");
            }
            b.append(p.markdown());
        }
        return b.toString();
    }
}
