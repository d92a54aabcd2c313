package io.kaitenimport.source.trello;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.kaitenimport.emit.JsonErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kaitenimport.emit.Json;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One Trello export as a single Jackson tree (exports are capped at about 20,000 cards, so the tree fits; every
 * other structure of the adapter holds references into it, never copies). A board export has its arrays at the
 * top; a single-card export ("Export JSON" on a card) is a card object with its checklists, actions and members
 * embedded, and is read as a board of one card.
 */
final class TrelloExport {
    static final ArrayNode EMPTY = JsonNodeFactory.instance.arrayNode();

    final String file;
    final JsonNode root;
    final boolean singleCard;
    final ArrayNode cards;
    final ArrayNode lists;
    final ArrayNode labels;
    final ArrayNode checklists;
    final ArrayNode actions;
    final ArrayNode members;
    final ArrayNode customFields;

    private TrelloExport(String file, JsonNode root) {
        this.file = file;
        this.root = root;
        this.singleCard = !root.has("lists") && !root.has("cards") && root.has("idList");
        if (!singleCard && !root.has("lists") && !root.has("cards")) {
            throw new SourceException(Location.record(file, null, null, ""), "not a Trello board export: the top-level"
                    + " object has neither 'lists' nor 'cards' (nor 'idList' of a single exported card)");
        }
        if (singleCard) {
            this.cards = JsonNodeFactory.instance.arrayNode().add(root);
            this.lists = EMPTY;
            this.labels = array("labels");
            this.customFields = EMPTY;
        } else {
            this.cards = array("cards");
            this.lists = array("lists");
            this.labels = array("labels");
            this.customFields = array("customFields");
        }
        this.checklists = array("checklists");
        this.actions = array("actions");
        this.members = array("members");
    }

    /** Parses the whole file; malformed JSON is fatal and names the line, column and JSON pointer. */
    static TrelloExport read(Path input) throws IOException {
        String name = input.getFileName().toString();
        JsonNode root;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(input.toFile())) {
            try {
                root = Json.MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                Location where = Location.record(name, null, null, parser.getParsingContext().pathAsPointer().toString());
                if (loc != null) {
                    where = where.withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
                }
                throw new SourceException(where, JsonErrors.describe(e), e);
            }
        }
        if (root == null || root.isMissingNode()) {
            throw new SourceException(Location.file(name), "the file is empty; expected a Trello board export (JSON)");
        }
        if (!root.isObject()) {
            throw new SourceException(Location.record(name, null, null, ""), "not a Trello export: the top level should"
                    + " be an object but is " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new TrelloExport(name, root);
    }

    private ArrayNode array(String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return EMPTY;
        }
        if (!n.isArray()) {
            throw new SourceException(Location.record(file, null, null, "/" + key), "not a Trello export: '" + key
                    + "' should be an array but is " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ArrayNode) n;
    }

    /** JSON pointer of the i-th card (the root itself in a single-card export). */
    String cardPointer(int i) {
        return singleCard ? "" : "/cards/" + i;
    }

    Location card(int i, String id) {
        return Location.record(file, (long) i, id, cardPointer(i));
    }

    Location at(String pointer) {
        return Location.record(file, null, null, pointer);
    }

    Location at(String pointer, int index, String id) {
        return Location.record(file, (long) index, id, pointer);
    }

    /** Pointer of an array element of the export, e.g. {@code /checklists/3}; embedded arrays in a single card. */
    String pointer(String array, int i) {
        return "/" + array + "/" + i;
    }

    /** Text of a field, or null when absent, null or blank. */
    static String text(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** A scalar (an array element) as text, or null when null, blank or a container. */
    static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
    }

    /**
     * Text of a field that should hold text; an object or array with data there cannot be read, so it is reported
     * and counted as lost under {@code field} (null is returned, as for an absent field).
     */
    static String text(SourceContext ctx, JsonNode node, String key, String field, Location where) {
        JsonNode v = node == null ? null : node.get(key);
        if (v != null && v.isContainerNode() && !isEmpty(v)) {
            Location at = where.withPointer(where.pointer() + "/" + key);
            ctx.lost(Loss.of(field, "not text (" + kind(v) + ")"), IssueCode.SOURCE_VALUE_INVALID, at,
                    "'" + key + "' should be text but is "
                    + kind(v) + "; not read");
            return null;
        }
        return text(node, key);
    }

    /**
     * The array under {@code key} of a node. Absent, null or empty values are an empty array; any other shape
     * cannot be read, so it is reported, counted as lost under {@code field} and read as empty — the loops over
     * it then never meet a Java null (an object's {@code get(int)}) or a string's size 0 by accident.
     */
    static ArrayNode elements(SourceContext ctx, JsonNode node, String key, String field, Location where) {
        JsonNode v = node == null ? null : node.get(key);
        if (v != null && v.isArray()) {
            return (ArrayNode) v;
        }
        if (!isEmpty(v)) {
            Location at = where.withPointer(where.pointer() + "/" + key);
            ctx.lost(Loss.of(field, "not an array (" + kind(v) + ")"), IssueCode.SOURCE_STRUCTURE, at,
                    "'" + key + "' should be an array but is " + kind(v)
                    + "; not read");
        }
        return EMPTY;
    }

    /** Number of values a field holds for loss counts: a container's size, at least 1 for any non-empty value. */
    static long count(JsonNode v) {
        return isEmpty(v) ? 0 : v.isContainerNode() ? Math.max(1, v.size()) : 1;
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean flag(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    /** Null, false, blank, and containers holding only such values carry no data, so they are never a loss. */
    static boolean isEmpty(JsonNode v) {
        return io.kaitenimport.source.JsonValues.isEmpty(v);
    }
}
