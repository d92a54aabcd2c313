package io.kaitenimport.attach;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Lists the uploaded attachments of one export file, streaming it. */
public interface AttachmentFinder {
    void find(Path file, Consumer<Attachment> out) throws IOException;

    /**
     * The finder for a file: {@code .csv} is a Jira CSV export; JSON is told apart by its first decisive top-level
     * key ({@code issues}/{@code fields}: Jira; {@code cards}/{@code lists}/{@code idList}: Trello), skipping the
     * values so that a large file is not read twice in full.
     */
    static AttachmentFinder forFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new JiraCsvFinder();
        }
        try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException(Location.file(file.getFileName().toString()),
                        "not a Trello or Jira JSON export (expected a JSON object), nor a Jira .csv export");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "issues", "fields" -> {
                        return new JiraJsonFinder();
                    }
                    case "cards", "lists", "idList", "idBoard", "checklists" -> {
                        return new TrelloFinder();
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        }
        throw new SourceException(Location.file(file.getFileName().toString()), "neither a Trello board/card export"
                + " ('cards', 'lists' or 'idList') nor a Jira export ('issues' or 'fields')");
    }

    /** Malformed JSON: one line with the file, line and column. */
    static SourceException malformed(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        Location where = Location.file(file.getFileName().toString());
        if (loc != null) {
            where = where.withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
        }
        return new SourceException(where, io.kaitenimport.emit.JsonErrors.describe(e), e);
    }

    static String text(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n == null ? null : n.get(key);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    static Long size(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n == null ? null : n.get(key);
        return v != null && v.isIntegralNumber() && v.asLong() >= 0 ? v.asLong() : null;
    }
}
