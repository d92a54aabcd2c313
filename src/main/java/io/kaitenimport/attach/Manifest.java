package io.kaitenimport.attach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code DIR/kaiten-import-manifest.json}: one entry per attachment ever handled in DIR — id, source, card, name,
 * path, the export's URL (no user-info or query), size, sha256 and outcome ({@code ok} or {@code failed} with a
 * reason). Sorted by id, no times: the same downloads give the same bytes. A rerun trusts an {@code ok} entry whose
 * file is still there with its size; everything else is fetched again.
 */
public final class Manifest {
    public static final String FILE_NAME = "kaiten-import-manifest.json";

    /** One attachment's last known state. */
    public record Entry(String id, String source, String card, String name, String path, String url, Long size,
                        String sha256, String outcome, String reason, Integer httpStatus) {
        boolean ok() {
            return "ok".equals(outcome);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();

    private Manifest(Path file) {
        this.file = file;
    }

    /** The manifest of DIR; an unreadable one is treated as absent (files on disk are then checked again). */
    public static Manifest load(Path dir) {
        Manifest m = new Manifest(dir.resolve(FILE_NAME));
        if (!Files.isRegularFile(m.file)) {
            return m;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(m.file.toFile());
            for (JsonNode e : root.path("attachments")) {
                String id = AttachmentFinder.text(e, "id");
                if (id != null) {
                    m.entries.put(id, new Entry(id, AttachmentFinder.text(e, "source"), AttachmentFinder.text(e,
                            "card"), AttachmentFinder.text(e, "name"), AttachmentFinder.text(e, "path"),
                            AttachmentFinder.text(e, "url"), AttachmentFinder.size(e, "size"),
                            AttachmentFinder.text(e, "sha256"), AttachmentFinder.text(e, "outcome"),
                            AttachmentFinder.text(e, "reason"), e.path("http_status").isInt()
                            ? e.get("http_status").asInt() : null));
                }
            }
        } catch (IOException | RuntimeException e) {
            m.entries.clear();
        }
        return m;
    }

    public Path file() {
        return file;
    }

    public synchronized Entry get(String id) {
        return entries.get(id);
    }

    public synchronized void record(Attachment a, Outcome o) {
        entries.put(a.id(), new Entry(a.id(), a.source(), a.card(), a.name(), o.path(), UrlPolicy.forRecord(a.url()),
                o.size(), o.sha256(), o.arrived() ? "ok" : "failed", o.arrived() ? null : o.reason().code(),
                o.arrived() ? null : o.httpStatus()));
    }

    /** Written beside itself and moved into place, so a reader never sees half a manifest. */
    public synchronized void write() throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("attachments");
        for (Entry e : entries.values()) {
            ObjectNode n = list.addObject();
            n.put("id", e.id());
            n.put("source", e.source());
            n.put("card", e.card());
            n.put("name", e.name());
            n.put("url", e.url());
            n.put("outcome", e.outcome());
            if (e.ok()) {
                n.put("path", e.path());
                n.put("size", e.size());
                n.put("sha256", e.sha256());
            } else {
                n.put("reason", e.reason());
                if (e.httpStatus() != null) {
                    n.put("http_status", e.httpStatus());
                }
            }
        }
        Path tmp = file.resolveSibling("." + FILE_NAME + ".tmp");
        Files.write(tmp, (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
