package io.kaitenimport.cli;

import io.kaitenimport.preflight.Pacing;
import io.kaitenimport.preflight.StubKaiten;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed local inputs of preflight (property map, snapshot, package, arguments): exit 2, one line with position. */
class PreflightInputsTest {
    @TempDir
    Path tmp;
    Path pkg;
    Path snapshot;

    @BeforeEach
    void setUp() throws IOException {
        TargetOptions.pacing = new StubKaiten.FakePacing();
        pkg = KitchenSink.write(tmp.resolve("pkg"));
        snapshot = tmp.resolve("snap.json");
        Path token = tmp.resolve("token");
        Files.writeString(token, StubKaiten.TOKEN);
        try (StubKaiten stub = new StubKaiten()) {
            Cli.Run r = Cli.run("preflight", pkg.toString(), "--url", stub.url(), "--token-file", token.toString(),
                    "--save-snapshot", snapshot.toString(), "-q");
            assertEquals(1, r.exit(), r.all());
        }
    }

    @AfterEach
    void tearDown() {
        TargetOptions.pacing = Pacing.SYSTEM;
    }

    private String fails(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "preflight";
        System.arraycopy(args, 0, all, 1, args.length);
        Cli.Run r = Cli.run(all);
        assertEquals(2, r.exit(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r.err();
    }

    @Test
    void badPropertyMapsNameTheirLine() throws IOException {
        Path map = tmp.resolve("map.yaml");
        Files.writeString(map, "Bed: 201\nPriority: high\n");
        String err = fails(pkg.toString(), "--target-snapshot", snapshot.toString(), "--property-map", map.toString());
        assertTrue(err.contains("map.yaml:2:1 [Priority]: 'high' is not a Kaiten property id"), err);
        Files.writeString(map, "Bed: [201\n");
        err = fails(pkg.toString(), "--target-snapshot", snapshot.toString(), "--property-map", map.toString());
        assertTrue(err.contains("map.yaml:2:1") && err.contains("not valid YAML"), err);
        Files.writeString(map, "- Bed\n");
        err = fails(pkg.toString(), "--target-snapshot", snapshot.toString(), "--property-map", map.toString());
        assertTrue(err.contains("expected lines like 'Priority: 12345'"), err);
        Files.writeString(map, "Bed: 201\nBed: 202\n");
        err = fails(pkg.toString(), "--target-snapshot", snapshot.toString(), "--property-map", map.toString());
        assertTrue(err.contains("map.yaml:2:1 [Bed]: given twice"), err);
    }

    @Test
    void badSnapshotsAndMismatchedBoards() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\": 1, \"url\": ");
        assertTrue(fails(pkg.toString(), "--target-snapshot", bad.toString()).contains("bad.json:1:"));
        Files.writeString(bad, "{\"format\": 9, \"url\": \"x\"}");
        assertTrue(fails(pkg.toString(), "--target-snapshot", bad.toString()).contains("not a kaiten-import target"));
        Files.writeString(bad, "{\"format\": 1, \"url\": \"x\", \"tokens\": []}");
        assertTrue(fails(pkg.toString(), "--target-snapshot", bad.toString()).contains("bad.json:1:"));
        assertTrue(fails(pkg.toString(), "--target-snapshot", snapshot.toString(), "--board", "77")
                .contains("the snapshot was saved without --board"));
        assertTrue(fails(pkg.toString(), "--target-snapshot", tmp.resolve("none.json").toString())
                .contains("none.json: no such file"));
    }

    @Test
    void badPackagesAndArguments() throws IOException {
        Files.writeString(pkg.resolve("users.json"), "[{\"id\": 1,, }]");
        assertTrue(fails(pkg.toString(), "--target-snapshot", snapshot.toString()).contains("users.json:1:"));
        assertTrue(fails(tmp.resolve("nothing").toString(), "--target-snapshot", snapshot.toString())
                .contains("no such file"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(fails(empty.toString(), "--target-snapshot", snapshot.toString()).contains("meta-data.json"));
        assertTrue(fails(pkg.toString()).contains("give exactly one of --url"));
        assertTrue(fails(pkg.toString(), "--url", "https://x.kaiten.ru", "--target-snapshot", snapshot.toString())
                .contains("give exactly one of --url"));
        assertTrue(fails(pkg.toString(), "--target-snapshot", snapshot.toString(), "-o", pkg.toString())
                .contains("would overwrite the input"));
        Path two = tmp.resolve("two");
        Files.createDirectories(two);
        Files.writeString(two.resolve("meta-data.json"), "{\"entities\":[\"boards\"],"
                + "\"entities_paths_map\":{\"boards\":[\"./b.json\"]}}");
        Files.writeString(two.resolve("b.json"), "[{\"id\":\"x\",\"title\":\"X\"},{\"id\":\"y\",\"title\":\"Y\"}]");
        assertTrue(fails(two.toString(), "--target-snapshot", snapshot.toString(), "--board", "77")
                .contains("the package has 2 boards; say which one goes to --board with --package-board"));
        assertTrue(fails(two.toString(), "--target-snapshot", snapshot.toString(), "--board", "77",
                "--package-board", "Z")
                .contains("--package-board 'Z' is neither the id nor the title"));
    }
}
