package io.kaitenimport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.attach.StubServer;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachmentsBadInputTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void noEnvironment() {
        AttachmentsCommand.environment = Map.of();
        AttachmentsCommand.sleeper = d -> { };
    }

    @AfterEach
    void restore() {
        AttachmentsCommand.environment = System.getenv();
        AttachmentsCommand.sleeper = io.kaitenimport.attach.Sleeper.REAL;
    }

    @Test
    void usageAndUnreadableInputAreExit2WithOneLine() throws IOException {
        Cli.Run r = Cli.run("attachments", "sample-exports/trello/garden-board.json");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--dir"), r.err());

        r = Cli.run("attachments", tmp.resolve("nope.json").toString(), "-d", tmp.resolve("d").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("nope.json: no such file"), r.err());

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"issues\": [ {\"id\": \"1\",\n \"fields\": { ] }");
        r = Cli.run("attachments", bad.toString(), "-d", tmp.resolve("d").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("bad.json:2:"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");

        r = Cli.run("attachments", "sample-exports/trello/garden-board.json", "-d", tmp.resolve("d").toString(),
                "--rewrite-url", "trello.com");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--rewrite-url expects FROM=TO"), r.err());

        r = Cli.run("attachments", "sample-exports/trello/garden-board.json", "-d", tmp.resolve("d").toString(),
                "--token", "secret");
        assertEquals(ExitCodes.USAGE, r.exit(), "no credentials on the command line");
    }

    @Test
    void plainHttpToAnInternalHostIsRefusedWithoutARequest() throws IOException {
        Path dir = tmp.resolve("d");
        Cli.Run r = Cli.run("attachments", "sample-exports/jira/server-v2-search.json", "-d", dir.toString(),
                "--report-json", tmp.resolve("r.json").toString());
        assertEquals(ExitCodes.PARTIAL, r.exit(), r.all());
        JsonNode report = Json.MAPPER.readTree(tmp.resolve("r.json").toFile());
        assertEquals(1, report.path("failed_by_reason").path("refused-url").asInt(), report.toString());
        assertTrue(r.out().contains("plain http to a host that is not loopback"), r.out());
        assertTrue(r.err().contains("no JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT"), r.err());
    }

    @Test
    void anUnreachableHostIsANetworkFailureAfterItsRetries() throws IOException {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        java.util.List<java.time.Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        AttachmentsCommand.sleeper = waits::add;
        Cli.Run r = Cli.run("attachments", "sample-exports/jira/cloud-v3-search.json", "-d",
                tmp.resolve("d").toString(), "--retries", "2", "--parallel", "1", "--rewrite-url",
                "https://acme.atlassian.net=http://127.0.0.1:" + port);
        assertEquals(ExitCodes.PARTIAL, r.exit(), r.all());
        assertTrue(r.out().contains("network — network error: 2"), r.out());
        assertTrue(r.out().contains("cannot connect to 127.0.0.1:" + port), r.out());
        assertEquals(java.util.List.of(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)), waits, "exponential backoff");
    }

    @Test
    void aChunkedBodyOverMaxSizeIsStoppedAndLeavesNothing() throws IOException {
        try (StubServer stub = new StubServer()) {
            String card = "/1/cards/65e19910abc000000000001e/attachments/";
            stub.file(card + "65e1aa40abc0000000000051/download/bed-layout.txt", new byte[41], null);
            stub.route(card + "65e1aa40abc0000000000052/download/seedlings.jpg", ex -> {
                ex.sendResponseHeaders(200, 0); // no Content-Length: chunked
                try (java.io.OutputStream o = ex.getResponseBody()) {
                    for (int i = 0; i < 50; i++) {
                        o.write(new byte[4096]);
                    }
                }
            });
            Path dir = tmp.resolve("d");
            Cli.Run r = Cli.run("attachments", "sample-exports/trello/garden-board.json", "-d", dir.toString(),
                    "--max-size", "100K", "--rewrite-url", "https://trello.com=" + stub.base());
            assertEquals(ExitCodes.PARTIAL, r.exit(), r.all());
            assertTrue(r.out().contains("too-large — larger than --max-size: 1"), r.out());
            assertTrue(Files.isRegularFile(dir.resolve("65e1aa40abc0000000000051/bed-layout.txt")));
            assertFalse(Files.exists(dir.resolve("65e1aa40abc0000000000052")));
            assertFalse(Files.exists(dir.resolve(".kaiten-import-partial")));
        }
    }

    @Test
    void anExpiredRedirectIsNotBlamedOnTheCredentials() throws IOException {
        try (StubServer stub = new StubServer(); StubServer s3 = new StubServer()) {
            String card = "/1/cards/65e19910abc000000000001e/attachments/";
            for (String file : new String[] {"65e1aa40abc0000000000051/download/bed-layout.txt",
                    "65e1aa40abc0000000000052/download/seedlings.jpg"}) {
                stub.route(card + file, ex -> {
                    ex.getResponseHeaders().add("Location", s3.base() + "/expired?X-Amz-Signature=old");
                    StubServer.send(ex, 302, new byte[0]);
                });
            }
            s3.route("/expired", ex -> StubServer.send(ex, 403, new byte[0]));
            AttachmentsCommand.environment = Map.of("TRELLO_KEY", "kkkkk", "TRELLO_TOKEN", "ttttt");
            Cli.Run r = Cli.run("attachments", "sample-exports/trello/garden-board.json", "-d",
                    tmp.resolve("d").toString(), "--rewrite-url", "https://trello.com=" + stub.base());
            assertEquals(ExitCodes.PARTIAL, r.exit(), r.all());
            assertTrue(r.out().contains("HTTP 403 from 127.0.0.1 after a redirect"), r.out());
            assertTrue(s3.seen.stream().allMatch(x -> x.authorization() == null), "no credentials to S3");
            assertTrue(stub.seen.stream().allMatch(x -> x.authorization() != null), "credentials to Trello");
        }
    }

    @Test
    void withoutCredentialsA401SaysWhichVariablesToSet() throws IOException {
        try (StubServer stub = new StubServer()) {
            String card = "/1/cards/65e19910abc000000000001e/attachments/";
            stub.file(card + "65e1aa40abc0000000000051/download/bed-layout.txt", new byte[41], "OAuth x");
            stub.file(card + "65e1aa40abc0000000000052/download/seedlings.jpg", new byte[204800], "OAuth x");
            Cli.Run r = Cli.run("attachments", "sample-exports/trello/garden-board.json", "-d",
                    tmp.resolve("d").toString(), "--rewrite-url", "https://trello.com=" + stub.base());
            assertEquals(ExitCodes.PARTIAL, r.exit(), r.all());
            assertTrue(r.out().contains("HTTP 401: no credentials were sent; set TRELLO_KEY and TRELLO_TOKEN"),
                    r.out());
            assertTrue(r.out().matches("(?s).*credentials — .*: 2\\n.*"), r.out());
            assertFalse(Files.exists(tmp.resolve("d/65e1aa40abc0000000000051")));
        }
    }
}
