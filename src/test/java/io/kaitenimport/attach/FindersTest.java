package io.kaitenimport.attach;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FindersTest {
    static final Path REAL = Path.of("../shared/real-exports");

    @TempDir
    Path tmp;

    static List<Attachment> find(Path file) throws IOException {
        List<Attachment> out = new ArrayList<>();
        AttachmentFinder.forFile(file).find(file, out::add);
        return out;
    }

    @Test
    void samplesListTheirUploadsWithIdsNamesUrlsAndSizes() throws IOException {
        List<Attachment> trello = find(Path.of("sample-exports/trello/garden-board.json"));
        assertEquals(List.of("65e1aa40abc0000000000051", "65e1aa40abc0000000000052"),
                trello.stream().map(Attachment::id).toList(), "link attachments are not downloads");
        Attachment a = trello.get(0);
        assertEquals("bed-layout.txt", a.name());
        assertEquals(41L, a.expectedSize());
        assertEquals("65e19910abc000000000001e", a.card());
        assertEquals("garden-board.json /cards/0/attachments/1", a.where());
        List<Attachment> jira = find(Path.of("sample-exports/jira/cloud-v3-search.json"));
        assertEquals(List.of("10200:mockup.png:69", "10201:spec.pdf:20480"),
                jira.stream().map(x -> x.id() + ":" + x.name() + ":" + x.expectedSize()).toList());
        assertEquals("https://acme.atlassian.net/rest/api/3/attachment/content/10200", jira.get(0).url());
    }

    @Test
    void aSingleCardExportListsItsUploadsFromItsActions() throws IOException {
        Path f = tmp.resolve("card.json");
        Files.writeString(f, """
                {"id": "c1", "name": "One card", "idList": "l1", "idBoard": "b1",
                 "actions": [
                   {"id": "x2", "type": "addAttachmentToCard", "data": {"card": {"id": "c1"}, "attachment":
                     {"id": "a2", "name": "záložky.jpg", "url": "https://trello.com/1/cards/c1/attachments/a2/download/z%C3%A1lo%C5%BEky.jpg"}}},
                   {"id": "x1", "type": "addAttachmentToCard", "data": {"card": {"id": "c1"}, "attachment":
                     {"id": "a1", "name": "https://example.org", "url": "https://example.org"}}},
                   {"id": "x0", "type": "commentCard", "data": {"card": {"id": "c1"}, "text": "hi"}}
                 ]}
                """);
        List<Attachment> found = find(f);
        assertEquals(1, found.size());
        assertEquals("a2", found.get(0).id());
        assertEquals("záložky.jpg", found.get(0).name());
        assertEquals("One card", found.get(0).cardTitle());
    }

    @Test
    void jiraCsvAttachmentColumnsAreSplitAroundNamesWithSemicolons() throws IOException {
        Path f = tmp.resolve("jira.csv");
        Files.writeString(f, "\uFEFFSummary,Issue key,Issue id,Attachment,Attachment\n"
                + "One,P-1,101,\"15/Feb/26 4:46 PM;7ad0;a;b.pdf;https://x.atlassian.net/rest/api/3/attachment/content/10003\","
                + "\"01/Jan/20 1:00 AM;jdoe;log.txt;https://jira.example/secure/attachment/10062/log.txt\"\n"
                + "Two,P-2,102,,\n", StandardCharsets.UTF_8);
        List<Attachment> found = find(f);
        assertEquals(List.of("10003|a;b.pdf|101|P-1", "10062|log.txt|101|P-1"), found.stream()
                .map(a -> a.id() + "|" + a.name() + "|" + a.card() + "|" + a.cardTitle()).toList());
        assertEquals("jira.csv row 2 column 4", found.get(0).where());

        Files.writeString(f, "Issue key,Attachment\nP-1,only;two\n");
        SourceException e = assertThrows(SourceException.class, () -> find(f));
        assertTrue(e.describe().contains("jira.csv:2:2 [Attachment]"), e.describe());
    }

    @Test
    void unknownAndMalformedFilesAreOneLineErrorsWithAPosition() throws IOException {
        Path f = tmp.resolve("x.json");
        Files.writeString(f, "{\"hello\": 1}");
        assertTrue(assertThrows(SourceException.class, () -> find(f)).describe().contains("neither a Trello"));
        Files.writeString(f, "{\"cards\": [ {\"id\": \"c1\", \"attachments\": [ }\n");
        SourceException e = assertThrows(SourceException.class, () -> find(f));
        assertTrue(e.describe().startsWith("x.json:1:"), e.describe());
        Files.writeString(f, "[1, 2]");
        assertTrue(assertThrows(SourceException.class, () -> find(f)).describe().contains("expected a JSON object"));
    }

    private static final Pattern UPLOAD = Pattern.compile(
            "https?://(trello\\.com/1/cards/[^/]+/attachments/|trello-attachments\\.s3\\.amazonaws\\.com/).*");

    /** The count of uploads, read as one tree: a different path through the file than the streaming finder's. */
    private static int uploadsInTree(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        if (root.has("issues") || root.has("fields")) {
            int n = 0;
            for (JsonNode issue : root.has("issues") ? root.get("issues") : List.of(root)) {
                n += issue.path("fields").path("attachment").size();
            }
            return n;
        }
        boolean single = root.has("idList") && !root.has("cards");
        int n = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode card : single ? List.of(root) : root.path("cards")) {
            if (card.has("attachments")) {
                for (JsonNode a : card.get("attachments")) {
                    n += a.has("isUpload") ? a.get("isUpload").asBoolean() ? 1 : 0
                            : UPLOAD.matcher(a.path("url").asText()).matches() ? 1 : 0;
                }
                continue;
            }
            for (JsonNode action : root.path("actions")) {
                JsonNode a = action.path("data").path("attachment");
                if (action.path("type").asText().equals("addAttachmentToCard")
                        && action.path("data").path("card").path("id").equals(card.get("id"))
                        && UPLOAD.matcher(a.path("url").asText()).matches() && ids.add(a.path("id").asText())) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void realExportsListEveryUpload() throws IOException {
        assumeTrue(Files.isDirectory(REAL), "../shared/real-exports is absent");
        int total = 0;
        for (String folder : new String[] {"trello", "jira-json"}) {
            try (Stream<Path> files = Files.list(REAL.resolve(folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    List<Attachment> found = find(f);
                    assertEquals(uploadsInTree(f), found.size(), f.toString());
                    assertEquals(found.size(), found.stream().map(Attachment::id).distinct().count(), f.toString());
                    total += found.size();
                }
            }
        }
        // 30 Trello uploads and 12 Jira attachments, as a separate Python count of the same files gives
        assertEquals(42, total);
        Map<String, Integer> csv = Map.of("bellali__agile-delivery-simulation__Jira.csv", 5,
                "mitsusarkar__jira-cloud-project__Jira.csv", 3);
        for (Map.Entry<String, Integer> e : csv.entrySet()) {
            List<Attachment> found = find(REAL.resolve("jira-csv").resolve(e.getKey()));
            assertEquals(e.getValue(), found.size(), e.getKey());
            for (Attachment a : found) {
                assertTrue(a.url().endsWith("/attachment/content/" + a.id()), a.toString());
            }
        }
    }
}
