package io.kaitenimport.pipeline;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Exports we do not read are refused with what they look like and what to do; --from csv refuses JSON and binary. */
class UnsupportedExportTest {
    private static final String ASANA = """
            {"data": [{"gid": "1194733031423196", "assignee": {"gid": "11", "name": "A", "resource_type": "user"},
             "completed": true, "name": "Lab 1", "resource_type": "task"}]}
            """;

    @TempDir
    Path tmp;

    private Cli.Run convert(Path f, String... more) {
        String[] base = {"convert", f.toString(), "-o", tmp.resolve("o.zip").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    @Test
    void asanaJsonIsRecognisedAndRefused() throws Exception {
        Cli.Run r = convert(Files.writeString(tmp.resolve("tasks.json"), ASANA));
        assumeTrue(r.exit() != 0, "an Asana adapter reads it now");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("looks like an Asana JSON export"), r.err());
        assertTrue(r.err().contains("export the project from Asana as CSV"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void realAsanaExport() {
        Path real = Path.of("../shared/real-exports/asana/artushak__ui-export-1194733031423185.json");
        assumeTrue(Files.isRegularFile(real), "real exports not available");
        Cli.Run csv = convert(real, "--from", "csv");
        assertEquals(2, csv.exit());
        assertTrue(csv.err().contains("--from csv, but the file is JSON (an Asana export)"), csv.err());
        assertFalse(Files.exists(tmp.resolve("o.zip")));
        Cli.Run r = convert(real);
        assumeTrue(r.exit() != 0, "an Asana adapter reads it now");
        assertTrue(r.err().contains("Asana JSON export"), r.err());
    }

    @Test
    void otherJsonSaysWhatItHolds() throws Exception {
        Cli.Run r = convert(Files.writeString(tmp.resolve("x.json"), "{\"projects\": [{\"name\": \"p\", \"tickets\": []}]}"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is JSON, but neither a Trello board export nor a Jira issue/search export "
                + "(it starts with keys projects, name, tickets)"), r.err());
    }

    @Test
    void fromCsvRefusesJsonAndBinary() throws Exception {
        Cli.Run json = convert(Files.writeString(tmp.resolve("a.csv"), ASANA), "--from", "csv");
        assertEquals(2, json.exit());
        assertTrue(json.err().contains("--from csv, but the file is JSON"), json.err());
        Cli.Run binary = convert(Files.write(tmp.resolve("b.csv"), new byte[] {'a', ',', 'b', '\n', 0, 1, 2, 3}),
                "--from", "csv");
        assertEquals(2, binary.exit());
        assertTrue(binary.err().contains("--from csv, but the file is binary"), binary.err());
        assertFalse(Files.exists(tmp.resolve("o.zip")));
        Cli.Run bin = convert(Files.write(tmp.resolve("c.dat"), new byte[] {0, 1, 2, 3, 4, 5}));
        assertTrue(bin.err().contains("is a binary file"), bin.err());
    }
}
