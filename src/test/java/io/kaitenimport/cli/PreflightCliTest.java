package io.kaitenimport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Report;
import io.kaitenimport.preflight.Pacing;
import io.kaitenimport.preflight.StubKaiten;
import io.kaitenimport.validate.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kaiten-import preflight} end to end against the stub Kaiten: the mappings written for the Trello and Jira
 * samples, golden reports, snapshot ≡ live, HTTP failures, the measured request rate, and the token nowhere.
 */
class PreflightCliTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/preflight");

    @TempDir
    Path tmp;
    @TempDir
    Path secrets;
    StubKaiten stub;
    Path tokenFile;

    @BeforeEach
    void start() throws IOException {
        stub = new StubKaiten();
        tokenFile = secrets.resolve("token");
        Files.writeString(tokenFile, StubKaiten.TOKEN + "\n");
        TargetOptions.pacing = new StubKaiten.FakePacing();
        TargetOptions.env = name -> null;
    }

    @AfterEach
    void stop() {
        stub.close();
        TargetOptions.pacing = Pacing.SYSTEM;
        TargetOptions.env = System::getenv;
    }

    Path trello() {
        Path out = tmp.resolve("trello");
        Cli.Run r = Cli.run("convert", "sample-exports/trello/garden-board.json", "--users",
                "sample-exports/trello/users.csv", "--space", "Community garden", "--attachments",
                "sample-exports/trello/attachments", "-o", out.toString(), "-q");
        assertEquals(0, r.exit(), r.all());
        return out;
    }

    Path jira() {
        Path out = tmp.resolve("jira.zip");
        Cli.Run r = Cli.run("convert", "sample-exports/jira/cloud-v3-search.json", "--users",
                "sample-exports/jira/users.csv", "-o", out.toString(), "-q");
        assertEquals(0, r.exit(), r.all());
        return out;
    }

    Cli.Run preflight(String... args) {
        List<String> all = new ArrayList<>(List.of("preflight"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void trelloPackageGetsExactlyTheRightMappingsAndValidates() throws IOException {
        Path pkg = trello();
        Path out = tmp.resolve("out.zip");
        Cli.Run r = preflight(pkg.toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "-o", out.toString(), "--report-json", tmp.resolve("r.json").toString(),
                "--report-html", tmp.resolve("r.html").toString());
        assertEquals(0, r.exit(), r.all());
        Map<String, byte[]> zip = unzip(out);
        assertEquals(Map.of(
                "65e18b14abc0000000000028", 201L,   // Bed → "bed" (case)
                "65e18b14abc0000000000029", 202L,   // Seeds (packs) → "Seeds  (packs)" (whitespace)
                "65e18b14abc000000000002c", 205L),  // Sunlight select; "Sow by" is created
                // Organic: a checkbox written as a select "Yes" never fills the company's checkbox 204 (issue 14)
                longs(zip.get("properties_mapping_0.json")));
        assertEquals(Map.of(
                "65e18b00abc000000000000a", 701L,   // Backlog (1) → column
                "65e18b3cabc000000000000b", 7021L,  // Planting (2) → subcolumn
                "65e18bb4abc000000000000d", 7041L), // Harvested (3) → subcolumn read from E7
                longs(zip.get("columns_mapping_0.json")));  // Watering: type differs; Last year: created
        JsonNode meta = Json.MAPPER.readTree(zip.get("meta-data.json"));
        assertTrue(meta.get("entities").toString().contains("\"properties_mapping\",\"columns_mapping\""),
                meta.toString());
        Report check = new Report("validate");
        Validator.validate(out, check);
        assertEquals(0, check.errors(), check.issues().toString());
        assertEquals(Files.readString(pkg.resolve("cards_0.json")), new String(zip.get("cards_0.json"),
                StandardCharsets.UTF_8), "other files copied unchanged");
        assertTrue(zip.containsKey("files/65e18c20abc0000000000050/seed-plan.txt") || zip.keySet().stream()
                .anyMatch(n -> n.startsWith("files/")), zip.keySet().toString());
        assertTrue(stub.hits().stream().allMatch(h -> h.method().equals("GET")));
        assertTokenNowhere(r);
    }

    @Test
    void aConvertedCheckboxIsNeverMappedOntoACheckboxPropertyButReportedOnce() throws IOException {
        Path r1 = tmp.resolve("r.json");
        Cli.Run r = preflight(trello().toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "--report-json", r1.toString(), "--max-issues", "1000");
        assertEquals(0, r.exit(), "a warning, not an error: nothing in the package can fix it\n" + r.all());
        JsonNode issues = Json.MAPPER.readTree(r1.toFile()).get("issues");
        List<JsonNode> checkbox = new ArrayList<>();
        issues.forEach(i -> {
            if (i.path("code").asText().equals("target.field-checkbox")) {
                checkbox.add(i);
            }
        });
        assertEquals(1, checkbox.size(), issues.toString());
        String message = checkbox.get(0).path("message").asText();
        assertTrue(message.contains("'Organic' (select)") && message.contains("Kaiten property 204")
                && message.contains("one option 'Yes'") && message.contains("creates the select"), message);
        assertTrue(r.out().contains("Kaiten checkbox: not mapped"), r.out());
        // forcing it is possible, but the report says the types differ
        Path map = Files.writeString(tmp.resolve("map.yaml"), "Organic: 204\n");
        Cli.Run f = preflight(trello().toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "--property-map", map.toString());
        assertTrue(f.out().contains("mapped by --property-map, types differ"), f.all());
    }

    @Test
    void convertWithTargetDoesBothInOneRun() throws IOException {
        Path preflighted = tmp.resolve("two-steps.zip");
        Cli.Run two = preflight(trello().toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "-o", preflighted.toString(), "-q");
        assertEquals(0, two.exit(), two.all());
        Path out = tmp.resolve("one-run.zip");
        Cli.Run r = Cli.run("convert", "sample-exports/trello/garden-board.json", "--users",
                "sample-exports/trello/users.csv", "--space", "Community garden", "--attachments",
                "sample-exports/trello/attachments", "-o", out.toString(), "--target", stub.url(), "--token-file",
                tokenFile.toString(), "--board", "77", "--report-json", tmp.resolve("one.json").toString(),
                "--max-issues", "1000");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Target: custom fields (5)") && r.out().contains("Target: columns"), r.out());
        Map<String, byte[]> one = unzip(out);
        Map<String, byte[]> both = unzip(preflighted);
        assertEquals(both.keySet(), one.keySet());
        for (String name : both.keySet()) {
            assertArrayEquals(both.get(name), one.get(name), name);
        }
        assertTrue(Files.readString(tmp.resolve("one.json")).contains("\"target.field-mapped\""));
        assertTokenNowhere(r);
        Cli.Run noToken = Cli.run("convert", "sample-exports/trello/garden-board.json", "-o",
                tmp.resolve("x.zip").toString(), "--target", stub.url());
        assertEquals(2, noToken.exit(), noToken.all());
        assertTrue(noToken.err().contains("no API token"), noToken.err());
        assertFalse(Files.exists(tmp.resolve("x.zip")));
    }

    @Test
    void goldenReportsForTrelloAndJira() throws IOException {
        Path trello = trello();
        Cli.Run t = preflight(trello.toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "--report-json", tmp.resolve("trello.json").toString());
        assertEquals(0, t.exit(), t.all());
        golden("trello.txt", t.out());
        golden("trello.json", Files.readString(tmp.resolve("trello.json")));

        Path jira = jira();
        Cli.Run j = preflight(jira.toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "--package-board", "Alpha Web", "--report-json", tmp.resolve("jira.json").toString());
        assertEquals(1, j.exit(), j.all()); // Fix versions: multi_select vs a single select → error
        golden("jira.txt", j.out());
        golden("jira.json", Files.readString(tmp.resolve("jira.json")));
        assertTokenNowhere(t);
        assertTokenNowhere(j);
    }

    @Test
    void snapshotGivesByteIdenticalPackageAndReports() throws IOException {
        Path pkg = jira();
        Path out = tmp.resolve("out.zip");
        Path snap = tmp.resolve("company-snapshot.json");
        String[] common = {pkg.toString(), "--board", "77", "--package-board", "project:10000", "-o",
                out.toString(), "--force", "--report-json", tmp.resolve("r.json").toString(), "--report-html",
                tmp.resolve("r.html").toString()};
        List<String> live = new ArrayList<>(List.of(common));
        live.addAll(List.of("--url", stub.url(), "--token-file", tokenFile.toString(), "--save-snapshot",
                snap.toString()));
        Cli.Run a = preflight(live.toArray(String[]::new));
        assertEquals(1, a.exit(), a.all());
        byte[] zipA = Files.readAllBytes(out);
        byte[] jsonA = Files.readAllBytes(tmp.resolve("r.json"));
        byte[] htmlA = Files.readAllBytes(tmp.resolve("r.html"));
        int requests = stub.hits().size();
        assertTokenNowhere(a);

        stub.close(); // no network from here on
        List<String> offline = new ArrayList<>(List.of(common));
        offline.addAll(List.of("--target-snapshot", snap.toString()));
        Cli.Run b = preflight(offline.toArray(String[]::new));
        assertEquals(a.exit(), b.exit(), b.all());
        assertEquals(a.out(), b.out());
        assertArrayEquals(zipA, Files.readAllBytes(out));
        assertArrayEquals(jsonA, Files.readAllBytes(tmp.resolve("r.json")));
        assertArrayEquals(htmlA, Files.readAllBytes(tmp.resolve("r.html")));
        assertEquals(requests, stub.hits().size());
        // and the snapshot itself is deterministic
        byte[] first = Files.readAllBytes(snap);
        StubKaiten again = new StubKaiten();
        try {
            Path snap2 = tmp.resolve("again.json");
            Cli.Run c = preflight(pkg.toString(), "--board", "77", "--package-board", "project:10000", "--url",
                    again.url(), "--token-file", tokenFile.toString(), "--save-snapshot", snap2.toString(), "-q");
            assertEquals(1, c.exit(), c.all());
            assertEquals(new String(first, StandardCharsets.UTF_8).replace(stub.url(), "U"),
                    Files.readString(snap2).replace(again.url(), "U"));
        } finally {
            again.close();
        }
    }

    @Test
    void everyCategoryAppearsInTextJsonAndHtml() throws IOException {
        Path pkg = KitchenSink.write(tmp.resolve("sink"));
        Path map = tmp.resolve("map.yaml");
        Files.writeString(map, "Rating: 217\nNo such field: 201\nTotal: 999999\n");
        Cli.Run r = preflight(pkg.toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "--property-map", map.toString(), "--report-json", tmp.resolve("r.json").toString(),
                "--report-html", tmp.resolve("r.html").toString(), "--max-issues", "1000");
        assertEquals(1, r.exit(), r.all());
        String json = Files.readString(tmp.resolve("r.json"));
        String html = Files.readString(tmp.resolve("r.html"));
        for (String code : List.of("target.user-exists", "target.user-new", "target.user-deactivated",
                "target.user-email-blocked", "target.user-deletion-requested", "target.user-duplicate-email",
                "target.user-note", "user.email-duplicate", "target.field-mapped", "target.field-created",
                "target.field-type-mismatch", "target.field-ambiguous", "target.field-options-missing",
                "target.field-inactive", "target.property-map", "target.column-mapped", "target.column-created",
                "target.column-conflict", "target.column-shared", "target.title-collision",
                "target.card-type-missing", "target.tag-missing", "target.unchecked")) {
            assertTrue(json.contains("\"" + code + "\""), code + " in JSON");
            assertTrue(html.contains(">" + code + "<"), code + " in HTML");
        }
        for (String section : List.of("Target: people", "Target: custom fields", "Target: columns",
                "Target: spaces and boards", "Target: card types", "Target: tags")) {
            assertTrue(r.out().contains(section), section);
            assertTrue(json.contains(section), section);
            assertTrue(html.contains("<h3>" + section), section);
        }
        // the terminal shows every category in the Target tables (notes are summarised by code there)
        for (String decision : List.of("exists, email case differs", "new", "deactivated", "email blocked",
                "deletion requested", "ambiguous", "same email as package user", "mapped by --property-map",
                "will be created", "type differs", "Partial shade", "title exists", "archived (3)", "missing",
                "new (case differs", "archived (303)", "column 704 'Done'")) {
            assertTrue(r.out().contains(decision), decision + " in text\n" + r.out());
        }
        assertTrue(r.out().contains("Kaiten property id 999999 does not exist"), r.out());
        assertTrue(r.out().contains("'No such field' is neither the id nor the name"), r.out());
        assertTokenNowhere(r);
    }

    @Test
    void companyUsersForbiddenFallsBackAndSaysSo() throws IOException {
        stub.always("/api/v1/company/users", StubKaiten.Answer.of(403, "{\"message\":\"Forbiden\"}"));
        Cli.Run r = preflight(trello().toString(), "--url", stub.url(), "--token-file", tokenFile.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("target.fallback"), r.out());
        assertTrue(r.out().contains("target.user-not-visible"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("users from:") && l.endsWith(" /api/v1/users")), r.out());
    }

    @Test
    void httpProblemsExitTwoWithOneLineAndWriteNothing() throws IOException {
        Path pkg = trello();
        for (var c : List.of(
                Map.entry("/api/v1/users/current", StubKaiten.Answer.of(401, "{}")),
                Map.entry("/api/v1/tags", StubKaiten.Answer.of(403, "{}")),
                Map.entry("/api/v1/spaces", StubKaiten.Answer.of(500, "")),
                Map.entry("/api/v1/card-types", StubKaiten.Answer.of(200, "<html>login</html>")
                        .header("Content-Type", "text/html")))) {
            stub.always(c.getKey(), c.getValue());
            Path out = tmp.resolve("never.zip");
            Path json = tmp.resolve("never.json");
            Path snap = tmp.resolve("never-snap.json");
            Cli.Run r = preflight(pkg.toString(), "--url", stub.url(), "--token-file", tokenFile.toString(), "-o",
                    out.toString(), "--report-json", json.toString(), "--save-snapshot", snap.toString());
            assertEquals(2, r.exit(), r.all());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c.getKey()), r.err());
            assertFalse(Files.exists(out) || Files.exists(json) || Files.exists(snap), r.err());
            try (Stream<Path> left = Files.list(tmp)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".never")), "no temp files");
            }
            assertTokenNowhere(r);
            stub.always(c.getKey(), null);
        }
    }

    @Test
    void tokenFromTheEnvironmentAndNeverFromTheCommandLine() throws IOException {
        Path pkg = trello();
        Cli.Run none = preflight(pkg.toString(), "--url", stub.url());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no API token: set KAITEN_TOKEN or pass --token-file FILE"), none.err());
        Cli.Run flag = preflight(pkg.toString(), "--url", stub.url(), "--token", StubKaiten.TOKEN);
        assertEquals(2, flag.exit());
        assertFalse(flag.all().contains(StubKaiten.TOKEN), flag.all());
        TargetOptions.env = name -> name.equals("KAITEN_TOKEN") ? StubKaiten.TOKEN : null;
        Cli.Run env = preflight(pkg.toString(), "--url", stub.url(), "--progress", "always");
        assertEquals(0, env.exit(), env.all());
        assertTrue(env.err().contains("… GET /api/v1/company/custom-properties?limit=100&offset=0 → 200"), env.err());
        assertTokenNowhere(env);
        Cli.Run plain = preflight(pkg.toString(), "--url", "http://example.com");
        assertEquals(2, plain.exit());
        assertTrue(plain.err().contains("must use https"), plain.err());
    }

    @Test
    void measuredRequestRateStaysAtOrUnderFivePerSecond() throws IOException {
        TargetOptions.pacing = Pacing.SYSTEM;
        Cli.Run r = preflight(trello().toString(), "--url", stub.url(), "--token-file", tokenFile.toString(),
                "--board", "77", "-q");
        assertEquals(0, r.exit(), r.all());
        List<StubKaiten.Hit> hits = stub.hits();
        assertTrue(hits.size() >= 12, hits.toString());
        for (int i = 0; i + 5 < hits.size(); i++) {
            long windowMs = (hits.get(i + 5).arrivedNanos() - hits.get(i).arrivedNanos()) / 1_000_000;
            assertTrue(windowMs >= 1000, "requests " + i + "…" + (i + 5) + " arrived within " + windowMs + " ms");
        }
        assertEquals(1, stub.maxInFlight());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void golden(String name, String actual) throws IOException {
        String normal = actual.replace(tmp.toString(), "<tmp>").replace(stub.url(), "<stub>");
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, normal);
        }
        assertEquals(Files.readString(file), normal, name);
    }

    private static Map<String, Long> longs(byte[] json) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        Json.MAPPER.readTree(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    /** The token is in no output: stdout, stderr, and every file under the temp folder (zips unpacked). */
    private void assertTokenNowhere(Cli.Run r) throws IOException {
        assertFalse(r.all().contains(StubKaiten.TOKEN), "token in terminal output");
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                List<byte[]> contents = new ArrayList<>();
                contents.add(Files.readAllBytes(f));
                if (f.toString().endsWith(".zip")) {
                    contents.addAll(unzip(f).values());
                }
                for (byte[] c : contents) {
                    assertFalse(new String(c, StandardCharsets.ISO_8859_1).contains(StubKaiten.TOKEN),
                            "token in " + f);
                }
            }
        }
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
