package io.kaitenimport.attach;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Attachments of a Jira REST JSON export ({@code /search} result or one issue): {@code fields.attachment[]} with
 * {@code id}, {@code filename}, {@code size} and the {@code content} URL. A search result is read one issue at a
 * time. Ids follow the Jira adapter: Jira's id, else {@code <issue id>:a<index>}.
 */
final class JiraJsonFinder implements AttachmentFinder {
    @Override
    public void find(Path file, Consumer<Attachment> out) throws IOException {
        String name = file.getFileName().toString();
        ObjectNode single = Json.MAPPER.createObjectNode();
        try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (key.equals("issues") && t == JsonToken.START_ARRAY) {
                    long i = -1;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        i++;
                        issue(name, p.readValueAsTree(), "/issues/" + i, out);
                    }
                } else if (key.equals("id") || key.equals("key") || key.equals("fields")) {
                    single.set(key, p.readValueAsTree());
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw AttachmentFinder.malformed(file, e);
        }
        if (single.has("fields")) {
            issue(name, single, "", out);
        }
    }

    private static void issue(String file, JsonNode issue, String pointer, Consumer<Attachment> out) {
        String issueId = AttachmentFinder.text(issue, "id");
        String key = AttachmentFinder.text(issue, "key");
        String cardId = issueId != null ? issueId : key;
        JsonNode list = issue.path("fields").path("attachment");
        if (cardId == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            if (!a.isObject()) {
                continue;
            }
            String id = AttachmentFinder.text(a, "id");
            if (id == null) {
                id = cardId + ":a" + i;
            }
            String filename = AttachmentFinder.text(a, "filename");
            out.accept(new Attachment("jira", file + " " + pointer + "/fields/attachment/" + i, cardId, key, id,
                    filename != null ? filename : "attachment-" + id, AttachmentFinder.text(a, "content"),
                    AttachmentFinder.size(a, "size")));
        }
    }
}
