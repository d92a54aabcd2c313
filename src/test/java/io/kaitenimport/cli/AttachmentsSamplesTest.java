package io.kaitenimport.cli;

import io.kaitenimport.attach.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done when" on the bundled samples: every uploaded attachment of the Trello and Jira samples arrives
 * byte-identical from a stub that insists on the right Authorization header per source, a rerun fetches nothing,
 * and {@code convert --attachments DIR} packages every one of them.
 */
class AttachmentsSamplesTest {
    static final String TRELLO_KEY = "k3y0123456789abcdef";
    static final String TRELLO_TOKEN = "t0ken0123456789abcdefSECRET";
    static final String JIRA_EMAIL = "ann@acme.example.com";
    static final String JIRA_API_TOKEN = "ATATT3xFfGF0jiraSECRET";
    static final String JIRA_PAT = "NjA1PATSECRET0123456789";

    @TempDir
    Path tmp;
    StubServer stub;
    /** path → bytes the stub serves, in the order the exports list them. */
    final Map<String, byte[]> served = new LinkedHashMap<>();
    /** attachment id → path of the same file on the stub. */
    final Map<String, String> pathById = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        AttachmentsCommand.sleeper = d -> { };
        Map<String, String> env = new HashMap<>(System.getenv());
        Map.of("TRELLO_KEY", TRELLO_KEY, "TRELLO_TOKEN", TRELLO_TOKEN, "JIRA_EMAIL", JIRA_EMAIL,
                "JIRA_API_TOKEN", JIRA_API_TOKEN, "JIRA_PAT", JIRA_PAT).forEach(env::put);
        AttachmentsCommand.environment = env;
        String trello = "OAuth oauth_consumer_key=\"" + TRELLO_KEY + "\", oauth_token=\"" + TRELLO_TOKEN + "\"";
        String basic = "Basic " + Base64.getEncoder().encodeToString((JIRA_EMAIL + ":" + JIRA_API_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        String card = "/1/cards/65e19910abc000000000001e/attachments/";
        serve("65e1aa40abc0000000000051", card + "65e1aa40abc0000000000051/download/bed-layout.txt", 41, trello);
        serve("65e1aa40abc0000000000052", card + "65e1aa40abc0000000000052/download/seedlings.jpg", 204800, trello);
        serve("10200", "/rest/api/3/attachment/content/10200", 69, basic);
        serve("10201", "/rest/api/3/attachment/content/10201", 20480, basic);
        serve("12001", "/jira/secure/attachment/12001/handshake.log", 2048, "Bearer " + JIRA_PAT);
    }

    private void serve(String id, String path, int size, String auth) {
        byte[] body = StubServer.bytes(path.hashCode(), size);
        served.put(path, body);
        pathById.put(id, path);
        stub.file(path, body, auth);
    }

    @AfterEach
    void stop() {
        stub.close();
        AttachmentsCommand.sleeper = io.kaitenimport.attach.Sleeper.REAL;
        AttachmentsCommand.environment = System.getenv();
    }

    private Cli.Run download(Path dir) {
        return Cli.run("attachments", "sample-exports/trello/garden-board.json",
                "sample-exports/jira/cloud-v3-search.json", "sample-exports/jira/server-v2-search.json",
                "-d", dir.toString(), "--progress", "always",
                "--rewrite-url", "https://trello.com=" + stub.base(),
                "--rewrite-url", "https://acme.atlassian.net=" + stub.base(),
                "--rewrite-url", "http://jira.corp.example=" + stub.base(),
                "--report-json", tmp.resolve("report.json").toString());
    }

    @Test
    void everySampleAttachmentArrivesAndConvertPackagesIt() throws IOException {
        Path dir = tmp.resolve("att");
        Cli.Run r = download(dir);
        assertEquals(ExitCodes.OK, r.exit(), r.all());
        assertTrue(r.out().contains("All 5 attachment(s) are in"), r.out());
        Map<String, String> names = Map.of("65e1aa40abc0000000000051", "bed-layout.txt",
                "65e1aa40abc0000000000052", "seedlings.jpg", "10200", "mockup.png", "10201", "spec.pdf",
                "12001", "handshake.log");
        for (Map.Entry<String, String> e : names.entrySet()) {
            Path file = dir.resolve(e.getKey()).resolve(e.getValue());
            assertArrayEquals(served.get(pathById.get(e.getKey())), Files.readAllBytes(file), file.toString());
        }
        assertEquals(5, stub.seen.size(), "one request per attachment: " + stub.seen);

        Cli.Run again = download(dir);
        assertEquals(ExitCodes.OK, again.exit(), again.all());
        assertEquals(5, stub.seen.size(), "the rerun fetched nothing");
        assertTrue(again.out().matches("(?s).*already present\\s+5.*"), again.out());

        for (Cli.Run run : new Cli.Run[] {r, again}) {
            for (String secret : new String[] {TRELLO_TOKEN, TRELLO_KEY, JIRA_API_TOKEN, JIRA_PAT}) {
                assertFalse(run.all().contains(secret), "secret in output");
            }
        }

        Path trelloZip = tmp.resolve("trello.zip");
        Cli.Run conv = Cli.run("convert", "sample-exports/trello/garden-board.json", "--users",
                "sample-exports/trello/users.csv", "--attachments", dir.toString(), "-o", trelloZip.toString());
        assertEquals(ExitCodes.OK, conv.exit(), conv.all());
        assertPackaged(trelloZip, "65e1aa40abc0000000000051", "65e1aa40abc0000000000052");
        for (String jira : new String[] {"cloud-v3-search.json", "server-v2-search.json"}) {
            Path zip = tmp.resolve(jira + ".zip");
            Cli.Run j = Cli.run("convert", "sample-exports/jira/" + jira, "--users", "sample-exports/jira/users.csv",
                    "--attachments", dir.toString(), "-o", zip.toString());
            assertEquals(ExitCodes.OK, j.exit(), j.all());
            assertFalse(j.out().contains("source.attachment"), j.out());
            assertPackaged(zip, jira.startsWith("cloud") ? new String[] {"10200", "10201"} : new String[] {"12001"});
        }
    }

    @Test
    void convertDownloadsAndPackagesInOneRun() throws IOException {
        Path dir = tmp.resolve("one-run");
        Path zip = tmp.resolve("one-run.zip");
        Cli.Run r = Cli.run("convert", "sample-exports/jira/cloud-v3-search.json", "sample-exports/jira/"
                + "server-v2-search.json", "--users", "sample-exports/jira/users.csv", "--download-attachments",
                dir.toString(), "--rewrite-url", "https://acme.atlassian.net=" + stub.base(), "--rewrite-url",
                "http://jira.corp.example=" + stub.base(), "-o", zip.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.all());
        assertTrue(r.out().matches("(?s).*downloaded\\s+3 .*Package written.*"), r.out());
        assertPackaged(zip, "10200", "10201", "12001");
        for (String secret : new String[] {JIRA_API_TOKEN, JIRA_PAT}) {
            assertFalse(r.all().contains(secret), "secret in output");
        }

        Cli.Run csv = Cli.run("convert", "sample-exports/csv/tasks-en.csv", "--download-attachments",
                dir.toString(), "-o", tmp.resolve("csv.zip").toString());
        assertEquals(ExitCodes.USAGE, csv.exit(), csv.all());
        assertTrue(csv.err().contains("--download-attachments works with Trello and Jira exports, not csv"),
                csv.err());
        Cli.Run stray = Cli.run("convert", "sample-exports/trello/garden-board.json", "--rewrite-url",
                "https://trello.com=" + stub.base(), "-o", tmp.resolve("t.zip").toString());
        assertEquals(ExitCodes.USAGE, stray.exit(), stray.all());
        assertTrue(stray.err().contains("go with --download-attachments"), stray.err());
    }

    /** Each id has exactly one binary under files/&lt;id&gt;/ in the package, byte-identical to what was served. */
    private void assertPackaged(Path zip, String... ids) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String id : ids) {
                ZipEntry found = z.stream().filter(e -> e.getName().startsWith("files/" + id + "/")).findFirst()
                        .orElse(null);
                assertNotNull(found, "no binary for " + id + " in " + zip);
                assertArrayEquals(served.get(pathById.get(id)), z.getInputStream(found).readAllBytes(), id);
            }
        }
    }
}
