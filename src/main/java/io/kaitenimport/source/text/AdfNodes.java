package io.kaitenimport.source.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lenient accessors for ADF nodes: missing or mistyped fields give null or empty, never an exception. */
final class AdfNodes {

    static final String MALFORMED = "adf.malformed";
    static final int MAX_DEPTH = 128;

    private static final Set<String> INLINE_TYPES = Set.of(
            "text", "hardBreak", "mention", "emoji", "inlineCard", "date", "status",
            "mediaInline", "placeholder", "inlineExtension");
    private static final Set<String> BLOCK_TYPES = Set.of(
            "doc", "paragraph", "heading", "bulletList", "orderedList", "listItem", "taskList", "taskItem",
            "decisionList", "decisionItem", "codeBlock", "blockquote", "rule", "panel", "table", "tableRow",
            "tableHeader", "tableCell", "mediaSingle", "mediaGroup", "media", "expand", "nestedExpand",
            "extension", "bodiedExtension", "layoutSection", "layoutColumn", "blockCard", "embedCard", "caption");
    private static final Set<String> LIST_TYPES = Set.of("bulletList", "orderedList", "taskList", "decisionList");

    private AdfNodes() {
    }

    // Set.of(...).contains(null) throws, and a node's type may be missing
    static boolean isInlineType(String type) {
        return type != null && INLINE_TYPES.contains(type);
    }

    static boolean isBlockType(String type) {
        return type != null && BLOCK_TYPES.contains(type);
    }

    static boolean isListType(String type) {
        return type != null && LIST_TYPES.contains(type);
    }

    static String type(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode t = n.get("type");
        return t != null && t.isTextual() ? t.asText() : null;
    }

    static JsonNode attrNode(JsonNode n, String name) {
        JsonNode attrs = n == null ? null : n.get("attrs");
        if (attrs == null || !attrs.isObject()) {
            return null;
        }
        JsonNode v = attrs.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** A scalar attribute as text, or null. */
    static String attr(JsonNode n, String name) {
        JsonNode v = attrNode(n, name);
        return v != null && v.isValueNode() ? v.asText() : null;
    }

    /** An integer attribute given as a number or a numeric string, or null. */
    static Long longAttr(JsonNode n, String name) {
        JsonNode v = attrNode(n, name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return (long) v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Children of a node; a non-array {@code content} or null entries count as malformed. */
    static List<JsonNode> children(JsonNode n, Losses losses) {
        JsonNode content = n == null ? null : n.get("content");
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (!content.isArray()) {
            losses.add(MALFORMED);
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(content.size());
        for (JsonNode child : content) {
            if (child == null || child.isNull() || child.isMissingNode()) {
                losses.add(MALFORMED);
            } else {
                out.add(child);
            }
        }
        return out;
    }

    /** Text carried by a node that has no children: {@code text} or {@code attrs.text}. */
    static String ownText(JsonNode n) {
        JsonNode t = n.get("text");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        return attr(n, "text");
    }

    /** Loss keys embed node and mark types; keep them short and free of characters a report would choke on. */
    static String keyPart(String type) {
        String cleaned = type.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.isEmpty()) {
            return "_";
        }
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
