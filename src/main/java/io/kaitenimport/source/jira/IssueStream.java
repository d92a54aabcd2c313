package io.kaitenimport.source.jira;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.kaitenimport.emit.JsonErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one Jira JSON file issue by issue: a search result ({@code {issues:[…]}} from /search or /search/jql) is
 * walked with a streaming parser and each issue is read as a tree on its own, so a multi-GB dump never sits in
 * memory; a single issue ({@code {id, key, fields}}) is the whole file. Malformed JSON is a {@link SourceException}
 * naming the file, line, column and the issue being read.
 */
public final class IssueStream {
    private IssueStream() {
    }

    /**
     * Where an issue sits in its file: its index in {@code issues} (0 for a single issue) and its first line.
     * {@code columnOf}, for issues made from a table (Jira CSV), names the source column a JSON pointer below the
     * issue came from; positions are then {@code file:line [column] (id …)} instead of JSON pointers.
     */
    public record Position(String file, int fileIndex, long index, String pointer, long line, long column,
                           java.util.function.UnaryOperator<String> columnOf) {
        public Position(String file, int fileIndex, long index, String pointer, long line, long column) {
            this(file, fileIndex, index, pointer, line, column, null);
        }

        Location at(String issueId, String subPointer) {
            if (columnOf != null) {
                return new Location(file, line, null, columnOf.apply(subPointer), null, issueId, null);
            }
            return Location.record(file, index, issueId, pointer + subPointer).withLine(line, column);
        }
    }

    /** What the file says besides its issues; names and schema come from the top level or the single issue. */
    record Page(Long total, Boolean isLast, String nextPageToken, JsonNode names, JsonNode schema, boolean single,
                long issues) {
    }

    public interface Visitor {
        void issue(JsonNode issue, Position at) throws IOException;
    }

    static Page read(Path file, int fileIndex, Visitor visitor) throws IOException {
        String name = file.getFileName().toString();
        String pointer = "";
        long index = -1;
        try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new SourceException(at(name, "", p.currentTokenLocation()), t == null ? "file is empty"
                        : "not a Jira export: expected a JSON object (a search result with 'issues' or one issue)");
            }
            ObjectNode rest = Json.MAPPER.createObjectNode();
            boolean sawIssues = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                if (field.equals("issues") && t == JsonToken.START_ARRAY && !sawIssues) {
                    sawIssues = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        pointer = "/issues/" + index;
                        JsonLocation loc = p.currentTokenLocation();
                        JsonNode issue = p.readValueAsTree();
                        visitor.issue(issue, new Position(name, fileIndex, index, pointer, loc.getLineNr(),
                                loc.getColumnNr()));
                    }
                    pointer = "";
                } else {
                    rest.set(field, p.readValueAsTree());
                }
            }
            if (p.nextToken() != null) {
                throw new SourceException(at(name, "", p.currentTokenLocation()),
                        "unexpected data after the end of the JSON object");
            }
            if (!sawIssues) {
                if (rest.has("issues")) {
                    throw new SourceException(Location.record(name, null, null, "/issues"),
                            "'issues' is not an array");
                }
                if (!rest.has("fields") && !rest.has("key")) {
                    throw new SourceException(Location.file(name), "not a Jira export: no 'issues' array and no"
                            + " issue 'key'/'fields' at the top level");
                }
                index = 0;
                visitor.issue(rest, new Position(name, fileIndex, 0, "", 1, 1));
            }
            return new Page(number(rest.get("total")), rest.path("isLast").isBoolean() ? rest.get("isLast").asBoolean()
                    : null, rest.path("nextPageToken").isTextual() ? rest.get("nextPageToken").asText() : null,
                    rest.get("names"), rest.get("schema"), !sawIssues, index + 1);
        } catch (JsonProcessingException e) {
            String where = index < 0 ? "" : " (issue #" + index + ")";
            throw new SourceException(at(name, pointer, e.getLocation()), JsonErrors.describe(e) + where, e);
        }
    }

    private static Long number(JsonNode n) {
        return n != null && n.canConvertToLong() ? n.asLong() : null;
    }

    private static Location at(String file, String pointer, JsonLocation loc) {
        Location l = Location.record(file, null, null, pointer.isEmpty() ? null : pointer);
        return loc == null || loc.getLineNr() < 1 ? l : l.withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
    }
}
