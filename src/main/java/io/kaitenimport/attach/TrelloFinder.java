package io.kaitenimport.attach;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Uploaded files of a Trello board export ("Export as JSON") or single-card export, the way the Trello adapter
 * sees them: a card's {@code attachments}, or — for a card without that key, as in a single-card export — its
 * {@code addAttachmentToCard} actions. An attachment is an upload when {@code isUpload} says so, else when its URL
 * is a Trello download or old S3 URL. Ids (including the made-up {@code <card>-attachment-<n>}) match the adapter's,
 * so {@code convert --attachments DIR} finds what was downloaded. Cards are read one at a time.
 */
final class TrelloFinder implements AttachmentFinder {
    // the same rule as source/trello/TrelloAttachments (kept in step by AttachmentsRoundTripTest)
    private static final Pattern UPLOAD_URL = Pattern.compile(
            "https?://(trello\\.com/1/cards/[^/]+/attachments/|trello-attachments\\.s3\\.amazonaws\\.com/).*");

    private record Added(String card, JsonNode attachment, String pointer) {
    }

    @Override
    public void find(Path file, Consumer<Attachment> out) throws IOException {
        String name = file.getFileName().toString();
        Set<String> cardsWithoutList = new HashSet<>();
        Map<String, String> titles = new LinkedHashMap<>();
        List<Added> added = new ArrayList<>();
        String rootId = null;
        String rootName = null;
        JsonNode rootAttachments = null;
        boolean single = false;
        try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (key.equals("cards") && t == JsonToken.START_ARRAY) {
                    int i = -1;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        i++;
                        JsonNode card = p.readValueAsTree();
                        String cardId = AttachmentFinder.text(card, "id");
                        if (cardId == null) {
                            continue;
                        }
                        if (card.has("attachments")) {
                            emit(name, cardId, AttachmentFinder.text(card, "name"), card.get("attachments"),
                                    "/cards/" + i + "/attachments/", out);
                        } else {
                            // only these wait for the actions: the memory kept is theirs, not every card's
                            cardsWithoutList.add(cardId);
                            titles.put(cardId, AttachmentFinder.text(card, "name"));
                        }
                    }
                } else if (key.equals("actions") && t == JsonToken.START_ARRAY) {
                    int i = -1;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        i++;
                        JsonNode action = p.readValueAsTree();
                        String cardId = AttachmentFinder.text(action.path("data").path("card"), "id");
                        if ("addAttachmentToCard".equals(AttachmentFinder.text(action, "type")) && cardId != null
                                && action.path("data").path("attachment").isObject()) {
                            added.add(new Added(cardId, action.path("data").path("attachment"),
                                    "/actions/" + i + "/data/attachment"));
                        }
                    }
                } else if (key.equals("attachments")) {
                    rootAttachments = p.readValueAsTree();
                } else if (key.equals("id") && t.isScalarValue()) {
                    rootId = p.getText();
                } else if (key.equals("name") && t.isScalarValue()) {
                    rootName = p.getText();
                } else {
                    single |= key.equals("idList");
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw AttachmentFinder.malformed(file, e);
        }
        if (single && rootId != null) {
            titles.put(rootId, rootName);
            if (rootAttachments != null) {
                emit(name, rootId, rootName, rootAttachments, "/attachments/", out);
            } else {
                cardsWithoutList.add(rootId);
            }
        }
        // actions list the newest first; the adapter numbers a card's attachments in that order too
        Map<String, Integer> perCard = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Added a : added) {
            if (!cardsWithoutList.contains(a.card())) {
                continue;
            }
            int n = perCard.merge(a.card(), 1, Integer::sum);
            String id = AttachmentFinder.text(a.attachment(), "id");
            if (id == null || seen.add(id)) {
                one(name, a.card(), titles.get(a.card()), a.attachment(), n, a.pointer(), out);
            }
        }
    }

    private static void emit(String file, String cardId, String title, JsonNode list, String pointer,
                             Consumer<Attachment> out) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (int j = 0; j < list.size(); j++) {
            one(file, cardId, title, list.get(j), j + 1, pointer + j, out);
        }
    }

    private static void one(String file, String cardId, String title, JsonNode a, int n, String pointer,
                            Consumer<Attachment> out) {
        if (a == null || !a.isObject()) {
            return;
        }
        String url = AttachmentFinder.text(a, "url");
        // exactly the adapter's test: convert packages a binary only for what it takes as an upload
        JsonNode flag = a.get("isUpload");
        boolean upload = flag != null
                ? flag.isBoolean() ? flag.booleanValue() : "true".equalsIgnoreCase(flag.asText())
                : url != null && UPLOAD_URL.matcher(url).matches();
        if (!upload) {
            return;
        }
        String id = AttachmentFinder.text(a, "id");
        if (id == null) {
            id = cardId + "-attachment-" + n;
        }
        String name = AttachmentFinder.text(a, "fileName");
        if (name == null) {
            name = AttachmentFinder.text(a, "name");
        }
        if (name == null && url != null) {
            String last = url.replaceAll("[?#].*", "");
            last = last.substring(last.lastIndexOf('/') + 1);
            name = last.isEmpty() ? null : URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        out.accept(new Attachment("trello", file + " " + pointer, cardId, title, id, name == null ? "attachment" : name,
                url, AttachmentFinder.size(a, "bytes")));
    }
}
