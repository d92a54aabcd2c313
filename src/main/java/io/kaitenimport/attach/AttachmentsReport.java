package io.kaitenimport.attach;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report of an attachments run: downloaded, already present, and every failure grouped by reason with its
 * card, attachment and export position. Text for the terminal, JSON for machines; both pass through
 * {@link Credentials#scrub} so that a secret can never be printed, whatever a server echoed back.
 */
public final class AttachmentsReport {
    private final DownloadRun.Result result;
    private final Path dir;
    private final Credentials credentials;
    private final List<Path> exports;

    public AttachmentsReport(DownloadRun.Result result, Path dir, Credentials credentials, List<Path> exports) {
        this.result = result;
        this.dir = dir;
        this.credentials = credentials;
        this.exports = exports;
    }

    private Map<Outcome.Reason, List<Attachment>> failuresByReason() {
        Map<Outcome.Reason, List<Attachment>> by = new EnumMap<>(Outcome.Reason.class);
        for (Attachment a : result.found()) {
            Outcome o = result.outcomes().get(a.id());
            if (o != null && !o.arrived()) {
                by.computeIfAbsent(o.reason(), r -> new ArrayList<>()).add(a);
            }
        }
        return by;
    }

    /** The size of the files downloaded in this run (not counting bodies that failed their checks). */
    private long downloadedBytes() {
        return result.outcomes().values().stream().filter(o -> o.status() == Outcome.Status.DOWNLOADED)
                .mapToLong(Outcome::size).sum();
    }

    public String text(int maxPerReason) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        out.printf("%-14s %s%n", "exports:", String.join(", ", exports.stream().map(Path::toString).toList()));
        out.printf("%-14s %s%n", "folder:", dir);
        out.printf("%-14s %s%n", "credentials:", credentials);
        out.println();
        long failed = result.count(Outcome.Status.FAILED);
        long notRun = result.found().size() - result.outcomes().size();
        out.printf("Attachments: %d uploaded file(s) found%n", result.found().size());
        out.printf("  %-18s %6d  (%,d bytes)%n", "downloaded", result.count(Outcome.Status.DOWNLOADED),
                downloadedBytes());
        out.printf("  %-18s %6d%n", "already present", result.count(Outcome.Status.PRESENT));
        out.printf("  %-18s %6d%n", "failed", failed + notRun);
        for (Map.Entry<Outcome.Reason, List<Attachment>> e : failuresByReason().entrySet()) {
            out.printf("%n  %s — %s: %d%n", e.getKey().code(), e.getKey().title(), e.getValue().size());
            int shown = 0;
            for (Attachment a : e.getValue()) {
                if (shown++ == maxPerReason) {
                    out.printf("    … %d more (--report-json lists them all)%n", e.getValue().size() - maxPerReason);
                    break;
                }
                Outcome o = result.outcomes().get(a.id());
                out.printf("    %s: %s (%s)%n", a.describe(), o.detail(), a.where());
            }
        }
        out.println();
        out.printf("%-14s %s%n", "manifest:", result.manifest());
        out.flush();
        return credentials.scrub(sw.toString());
    }

    public String json() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("command", "attachments");
        ArrayNode ex = root.putArray("exports");
        exports.forEach(p -> ex.add(p.toString()));
        root.put("folder", dir.toString());
        root.put("manifest", result.manifest().toString());
        root.put("found", result.found().size());
        root.put("downloaded", result.count(Outcome.Status.DOWNLOADED));
        root.put("already_present", result.count(Outcome.Status.PRESENT));
        root.put("failed", result.count(Outcome.Status.FAILED) + result.found().size() - result.outcomes().size());
        root.put("bytes_downloaded", downloadedBytes());
        ObjectNode by = root.putObject("failed_by_reason");
        ArrayNode failures = root.putArray("failures");
        for (Map.Entry<Outcome.Reason, List<Attachment>> e : failuresByReason().entrySet()) {
            by.put(e.getKey().code(), e.getValue().size());
            for (Attachment a : e.getValue()) {
                Outcome o = result.outcomes().get(a.id());
                ObjectNode f = failures.addObject();
                f.put("reason", e.getKey().code());
                if (o.httpStatus() != null) {
                    f.put("http_status", o.httpStatus());
                }
                f.put("source", a.source());
                f.put("card", a.card());
                f.put("card_title", a.cardTitle());
                f.put("attachment", a.id());
                f.put("name", a.name());
                f.put("where", a.where());
                f.put("url", UrlPolicy.forRecord(a.url()));
                f.put("detail", o.detail());
            }
        }
        try {
            return credentials.scrub(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
