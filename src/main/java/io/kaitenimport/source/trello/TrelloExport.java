package io.kaitenimport.source.trello;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.compact.LongArray;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 * One Trello export, read in one streaming pass. The big arrays — {@code cards}, {@code actions} (comments, moves,
 * the whole history) and {@code checklists} — are not kept: the pass records where each element starts in the
 * file and {@link TrelloElements} parses an element again when a converter asks for it, so memory holds 8 bytes
 * per element plus the compact indexes of {@link TrelloActions}, whatever the size of the board. Everything else
 * at the top (board fields, lists, labels, members, custom-field definitions) is small and kept as a tree.
 * A board export has its arrays at the top; a single-card export ("Export JSON" on a card) is a card object with
 * its checklists, actions and members embedded, and is read as a board of one card.
 */
final class TrelloExport implements AutoCloseable {
    static final ArrayNode EMPTY = JsonNodeFactory.instance.arrayNode();
    /** The arrays that grow with the board: indexed by position in the file, never held. */
    private static final Set<String> BIG = Set.of("cards", "actions", "checklists");

    final String file;
    /** The top-level object without the big arrays (they are in {@link #cards}, {@link #actions}, …). */
    final ObjectNode root;
    final boolean singleCard;
    final TrelloElements cards;
    final ArrayNode lists;
    final ArrayNode labels;
    final TrelloElements checklists;
    final TrelloElements actions;
    final ArrayNode members;
    final ArrayNode customFields;
    private final Map<String, LongArray> indexed;
    private final ArrayNode scalars;
    private final FileChannel channel;

    private TrelloExport(String file, ObjectNode root, Map<String, LongArray> indexed, ArrayNode scalars,
                         FileChannel channel) {
        this.file = file;
        this.scalars = scalars;
        this.root = root;
        this.indexed = indexed;
        this.channel = channel;
        this.singleCard = !has("lists") && !has("cards") && has("idList");
        if (!singleCard && !has("lists") && !has("cards")) {
            throw new SourceException(Location.record(file, null, null, ""), "not a Trello board export: the top-level"
                    + " object has neither 'lists' nor 'cards' (nor 'idList' of a single exported card)");
        }
        if (singleCard) {
            this.cards = TrelloElements.of(JsonNodeFactory.instance.arrayNode().add(root));
            this.lists = EMPTY;
            this.labels = array("labels");
            this.customFields = EMPTY;
        } else {
            this.cards = elements("cards");
            this.lists = array("lists");
            this.labels = array("labels");
            this.customFields = array("customFields");
        }
        this.checklists = elements("checklists");
        this.actions = elements("actions");
        this.members = array("members");
    }

    /**
     * Streams the whole file once; malformed JSON anywhere (also inside the arrays only indexed) is fatal and names
     * the line, column and JSON pointer, exactly as a full parse would.
     */
    static TrelloExport read(Path input) throws IOException {
        String name = input.getFileName().toString();
        FileChannel channel = FileChannel.open(input, StandardOpenOption.READ);
        try {
            TrelloExport export = read(input, name, channel);
            if (export.indexed.isEmpty()) {
                channel.close();
            }
            return export;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static TrelloExport read(Path input, String name, FileChannel channel) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Map<String, LongArray> indexed = new HashMap<>();
        ArrayNode scalars = JsonNodeFactory.instance.arrayNode();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(input.toFile())) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw new SourceException(Location.file(name), "the file is empty; expected a Trello board export"
                            + " (JSON)");
                }
                if (first != JsonToken.START_OBJECT) {
                    JsonNode other = Json.MAPPER.readTree(parser);
                    throw new SourceException(Location.record(name, null, null, ""), "not a Trello export: the top"
                            + " level should be an object but is "
                            + other.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    LongArray starts = BIG.contains(key) && value == JsonToken.START_ARRAY ? starts(parser, scalars) : null;
                    if (starts != null) {
                        // a repeated key: the last value wins, as in a parsed tree
                        root.remove(key);
                        indexed.put(key, starts);
                    } else {
                        indexed.remove(key);
                        root.set(key, Json.MAPPER.readTree(parser));
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                Location where = Location.record(name, null, null, parser.getParsingContext().pathAsPointer().toString());
                if (loc != null) {
                    where = where.withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
                }
                throw new SourceException(where, JsonErrors.describe(e), e);
            }
        }
        return new TrelloExport(name, root, indexed, scalars, channel);
    }

    /**
     * Byte offsets of the elements of the array the parser stands at, each element skipped (still fully parsed);
     * null, with the array read into the tree instead, when the parser reads characters and has no byte offsets.
     */
    private static LongArray starts(JsonParser parser, ArrayNode scalars) throws IOException {
        if (parser.currentTokenLocation().getByteOffset() < 0) {
            return null;
        }
        LongArray starts = new LongArray();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t.isStructStart()) {
                starts.add(parser.currentTokenLocation().getByteOffset());
                parser.skipChildren();
            } else {
                // not a card or action at all (a stray number or string): kept, it cannot be re-read on its own
                scalars.add((JsonNode) Json.MAPPER.readTree(parser));
                starts.add(-scalars.size());
            }
        }
        return starts;
    }

    private boolean has(String key) {
        return root.has(key) || indexed.containsKey(key);
    }

    private TrelloElements elements(String key) {
        LongArray starts = indexed.get(key);
        return starts != null ? TrelloElements.onDisk(channel, starts, scalars) : TrelloElements.of(array(key));
    }

    @Override
    public void close() throws IOException {
        channel.close();
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
