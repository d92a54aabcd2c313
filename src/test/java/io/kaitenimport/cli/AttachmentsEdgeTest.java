package io.kaitenimport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.attach.StubServer;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad day at the source: names in Cyrillic and CJK and with '%', spaces and '#', a 429 with Retry-After, a 404,
 * a 403, a redirect to another host (which must get no credentials), a body that stalls, a body shorter than the
 * export says, a file over --max-size, names that must be made safe or shortened. Checks the golden manifest, the
 * report by reason, resuming, that no secret is ever written, and that convert packages what arrived.
 */
class AttachmentsEdgeTest {
    static final Path BOARD = Path.of("src/test/resources/attach/edge-board.json");
    static final Path JIRA = Path.of("src/test/resources/attach/edge-jira.json");
    static final Path GOLDEN = Path.of("src/test/resources/attach/edge-manifest.json");
    static final String KEY = "edgeKEY0123456789";
    static final String TOKEN = "edgeTOKEN0123456789SECRET";
    static final String EMAIL = "ops@edge.example.com";
    static final String API_TOKEN = "edgeJIRAtokenSECRET42";
    static final String TRELLO_AUTH = "OAuth oauth_consumer_key=\"" + KEY + "\", oauth_token=\"" + TOKEN + "\"";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN)
            .getBytes(StandardCharsets.UTF_8));
    static final String CARD = "/1/cards/c0000000000000000000001/attachments/";

    @TempDir
    Path tmp;
    StubServer stub;
    StubServer other;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** attachment id → bytes served (when it is served whole). */
    final Map<String, byte[]> bodies = new HashMap<>();
    final AtomicInteger busyCalls = new AtomicInteger();
    Path credentials;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        other = new StubServer();
        AttachmentsCommand.sleeper = waits::add;
        AttachmentsCommand.environment = Map.of();
        credentials = tmp.resolve("secrets.env");
        Files.writeString(credentials, "# test secrets\nTRELLO_KEY=" + KEY + "\nexport TRELLO_TOKEN=\"" + TOKEN
                + "\"\nJIRA_EMAIL=" + EMAIL + "\nJIRA_API_TOKEN=" + API_TOKEN + "\n");
        JsonNode board = Json.MAPPER.readTree(BOARD.toFile());
        for (JsonNode a : board.path("cards").get(0).path("attachments")) {
            String id = a.get("id").asText();
            String name = a.path("name").asText();
            int size = a.path("bytes").asInt();
            bodies.put(id, StubServer.bytes(id.hashCode(), size));
            String path = CARD + id + "/download/" + name;
            switch (name) {
                case "busy.txt" -> stub.route(path, ex -> {
                    if (busyCalls.incrementAndGet() == 1) {
                        ex.getResponseHeaders().add("Retry-After", "7");
                        StubServer.send(ex, 429, new byte[0]);
                    } else {
                        StubServer.send(ex, 200, bodies.get(id));
                    }
                });
                case "deleted.png", "A link" -> { } // 404: no route
                case "from-s3.png" -> {
                    stub.route(path, ex -> {
                        ex.getResponseHeaders().add("Location", other.base() + "/s3/from-s3.png?X-Amz-Signature=sig");
                        StubServer.send(ex, 302, new byte[0]);
                    });
                    other.file("/s3/from-s3.png", bodies.get(id), null);
                }
                case "slow.bin" -> stub.route(path, stub.stalling(size, 3000));
                case "short.bin" -> stub.file(path, java.util.Arrays.copyOf(bodies.get(id), 900), TRELLO_AUTH);
                case "private.doc" -> stub.route(path, ex -> StubServer.send(ex, 403, new byte[0]));
                case "legacy scan.png" -> other.file("/legacy/b1/c1/abc/legacy_scan.png", bodies.get(id), null);
                default -> stub.file(path, bodies.get(id), TRELLO_AUTH);
            }
        }
        JsonNode jira = Json.MAPPER.readTree(JIRA.toFile());
        for (JsonNode a : jira.path("issues").get(0).path("fields").path("attachment")) {
            String id = a.get("id").asText();
            bodies.put(id, StubServer.bytes(id.hashCode(), a.get("size").asInt()));
            stub.file("/rest/api/3/attachment/content/" + id, bodies.get(id), BASIC);
        }
    }

    @AfterEach
    void stop() {
        stub.close();
        other.close();
        AttachmentsCommand.sleeper = io.kaitenimport.attach.Sleeper.REAL;
        AttachmentsCommand.environment = System.getenv();
    }

    private Cli.Run run(Path dir, String maxSize) {
        return Cli.run("attachments", BOARD.toString(), JIRA.toString(), "-d", dir.toString(),
                "--credentials", credentials.toString(), "--parallel", "3", "--progress", "always",
                "--read-timeout", "300ms", "--retries", "1", "--max-size", maxSize,
                "--rewrite-url", "https://trello.com=" + stub.base(),
                "--rewrite-url", "https://trello-attachments.s3.amazonaws.com=" + other.base() + "/legacy",
                "--rewrite-url", "https://edge.atlassian.net=" + stub.base(),
                "--report-json", tmp.resolve("report.json").toString());
    }

    @Test
    void failuresAreReportedByReasonAndARerunFetchesOnlyWhatIsMissing() throws IOException {
        Path dir = tmp.resolve("att");
        Cli.Run first = run(dir, "60000");
        assertEquals(ExitCodes.PARTIAL, first.exit(), first.all());
        assertTrue(first.out().contains("PARTIAL: 5 of 15 attachment(s) did not arrive"), first.out());
        assertTrue(first.err().contains("attachments: 15/15 done, 5 failed"), first.err());

        JsonNode report = Json.MAPPER.readTree(tmp.resolve("report.json").toFile());
        assertEquals(15, report.get("found").asInt());
        assertEquals(10, report.get("downloaded").asInt());
        assertEquals(5, report.get("failed").asInt());
        assertEquals(Map.of("credentials", 1, "gone", 1, "size-mismatch", 1, "too-large", 1, "timeout", 1),
                Json.MAPPER.convertValue(report.get("failed_by_reason"), Map.class));
        Map<String, String> reasonById = new HashMap<>();
        for (JsonNode f : report.get("failures")) {
            assertEquals("c0000000000000000000001", f.get("card").asText());
            assertTrue(f.get("where").asText().startsWith("edge-board.json /cards/0/attachments/"), f.toString());
            reasonById.put(f.get("attachment").asText(), f.get("reason").asText());
        }
        assertEquals(Map.of("e0000000000000000000005", "gone", "e0000000000000000000007", "timeout",
                "e0000000000000000000008", "size-mismatch", "e0000000000000000000009", "too-large",
                "e0000000000000000000010", "credentials"), reasonById);
        assertTrue(first.out().contains("card c0000000000000000000001 'Files of every kind', attachment "
                + "e0000000000000000000005 'deleted.png': HTTP 404 at the source"), first.out());

        assertTrue(waits.contains(Duration.ofSeconds(7)) || waits.stream().anyMatch(w -> w.toMillis() > 6000
                && w.toMillis() <= 7000), "Retry-After honoured: " + waits);
        assertEquals(2, busyCalls.get());
        for (StubServer.Seen s : other.seen) {
            assertNull(s.authorization(), "credentials sent to another host: " + s.path());
        }
        assertEquals(2, other.seen.size(), other.seen.toString());
        assertEquals(List.of(), stub.seen.stream().filter(s -> !s.path().contains("private")
                && !s.path().contains("deleted") && s.authorization() == null).toList(), "every request to the site "
                + "carried its credentials");

        for (String id : new String[] {"e0000000000000000000001", "e0000000000000000000002",
                "e0000000000000000000003", "e0000000000000000000004", "e0000000000000000000006",
                "e0000000000000000000011", "e0000000000000000000012", "40001", "40002", "40003"}) {
            assertArrayEquals(bodies.get(id), Files.readAllBytes(only(dir.resolve(id))), id);
        }
        assertTrue(Files.isRegularFile(dir.resolve("e0000000000000000000003/100% done #1.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("e0000000000000000000002/設計図 v2.png")));
        assertTrue(Files.isRegularFile(dir.resolve("40002/a_b_c.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("40003/.._.._etc_passwd")));
        for (String failed : new String[] {"e0000000000000000000005", "e0000000000000000000007",
                "e0000000000000000000008", "e0000000000000000000009", "e0000000000000000000010"}) {
            assertFalse(Files.exists(dir.resolve(failed)), "nothing under a final name for " + failed);
        }
        assertFalse(Files.exists(dir.resolve(".kaiten-import-partial")));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                assertTrue(p.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize()));
                assertTrue(p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 180, p.toString());
            }
        }

        String manifest = Files.readString(dir.resolve("kaiten-import-manifest.json"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, manifest);
        }
        assertEquals(Files.readString(GOLDEN), manifest, "golden manifest (-Dgolden.update=true rewrites it)");
        assertNoSecrets(first, dir);

        // the source recovers: only the five failures are asked for again; the file over --max-size still fails
        stub.route(CARD + "e0000000000000000000005/download/deleted.png", ex -> StubServer.send(ex, 200,
                bodies.get("e0000000000000000000005")));
        stub.file(CARD + "e0000000000000000000007/download/slow.bin", bodies.get("e0000000000000000000007"), null);
        stub.file(CARD + "e0000000000000000000008/download/short.bin", bodies.get("e0000000000000000000008"), null);
        stub.file(CARD + "e0000000000000000000010/download/private.doc", bodies.get("e0000000000000000000010"),
                TRELLO_AUTH);
        int before = stub.seen.size();
        Cli.Run second = run(dir, "60000");
        assertEquals(ExitCodes.PARTIAL, second.exit(), second.all());
        List<String> asked = new ArrayList<>();
        stub.seen.subList(before, stub.seen.size()).forEach(s -> asked.add(s.path().replaceAll(".*/download/", "")));
        asked.sort(null);
        assertEquals(List.of("deleted.png", "huge.bin", "private.doc", "short.bin", "slow.bin"), asked);
        assertEquals(2, other.seen.size(), "nothing new from the other host");
        assertTrue(second.out().matches("(?s).*downloaded\\s+4 .*already present\\s+10.*failed\\s+1.*"), second.out());

        Cli.Run third = run(dir, "1M");
        assertEquals(ExitCodes.OK, third.exit(), third.all());
        assertNoSecrets(second, dir);
        assertNoSecrets(third, dir);

        Cli.Run trello = Cli.run("convert", BOARD.toString(), "--attachments", dir.toString(), "-o",
                tmp.resolve("edge.zip").toString());
        assertEquals(ExitCodes.OK, trello.exit(), trello.all());
        Cli.Run jira = Cli.run("convert", JIRA.toString(), "--attachments", dir.toString(), "-o",
                tmp.resolve("edge-jira.zip").toString());
        assertEquals(ExitCodes.OK, jira.exit(), jira.all());
        int packaged = 0;
        for (Path zip : new Path[] {tmp.resolve("edge.zip"), tmp.resolve("edge-jira.zip")}) {
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (ZipEntry e : z.stream().filter(e -> e.getName().startsWith("files/") && !e.isDirectory())
                        .toList()) {
                    String id = e.getName().split("/")[1];
                    assertNotNull(bodies.get(id), e.getName());
                    assertArrayEquals(bodies.get(id), z.getInputStream(e).readAllBytes(), e.getName());
                    packaged++;
                }
            }
        }
        assertEquals(15, packaged, "every upload is in a package");
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }

    private void assertNoSecrets(Cli.Run r, Path dir) throws IOException {
        List<String> texts = new ArrayList<>(List.of(r.out(), r.err(),
                Files.readString(tmp.resolve("report.json"))));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        for (String t : texts) {
            for (String secret : new String[] {KEY, TOKEN, API_TOKEN, BASIC.substring(6)}) {
                assertFalse(t.contains(secret), "a secret was written");
            }
        }
    }
}
