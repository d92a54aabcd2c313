package io.kaitenimport.robust;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One regression test per failure class the mutation campaign found (issue 14): each input ends in exit 0/1/2 with
 * one line in our words naming the file and position, never an exception class or a library setting.
 */
class FailureClassesTest {
    @TempDir
    Path tmp;

    private static void assertOurWords(Cli.Run r) {
        String all = r.all();
        for (String leak : new String[]{"Exception", "StreamReadConstraints", "jackson", "java.", "org.apache",
                "(code ", "at [Source"}) {
            assertFalse(all.contains(leak), "leaks '" + leak + "': " + all);
        }
    }

    private Path pkg(String meta, String cards) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pkg" + System.nanoTime()));
        Files.writeString(dir.resolve("meta-data.json"), meta);
        if (cards != null) {
            Files.writeString(dir.resolve("cards.json"), cards);
        }
        return dir;
    }

    @Test
    void aHugeNumberAsCardIdIsAMissingIdNotACrash() throws IOException {
        Path p = pkg("{\"entities\":[\"cards\"],\"entities_paths_map\":{\"cards\":[\"./cards.json\"]}}",
                "[{\"id\":1e400,\"title\":\"x\"}]");
        Cli.Run r = Cli.run("validate", p.toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("cards.json"), r.all());
        assertOurWords(r);
    }

    @Test
    void millionsOfListedPathsValidateWithoutHanging() throws IOException {
        StringBuilder meta = new StringBuilder("{\"entities\":[\"cards\"],\"entities_paths_map\":{\"cards\":[");
        for (int i = 0; i < 300_000; i++) {
            meta.append(i == 0 ? "" : ",").append("\"./c").append(i).append(".json\"");
        }
        meta.append("]}}");
        Path p = pkg(meta.toString(), null);
        // a hang guard, not a speed claim: the quadratic check took minutes here
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Cli.run("validate", p.toString(), "-q"));
        assertEquals(1, r.exit(), r.all());
        assertOurWords(r);
    }

    @Test
    void deepNestingNamesTheFileAndTheLimit() throws IOException {
        String deep = "[".repeat(6000) + "]".repeat(6000);
        Path jira = Files.writeString(tmp.resolve("deep.json"), "{\"issues\":[{\"id\":\"1\",\"key\":\"A-1\","
                + "\"fields\":{\"summary\":\"x\",\"description\":" + deep + "}}]}");
        Cli.Run r = Cli.run("convert", jira.toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("deep.json") && r.err().contains("nested too deeply"), r.err());
        assertTrue(r.err().contains("5,000"), r.err());
        assertOurWords(r);
    }

    @Test
    void overlongNumbersAndStrayCharactersAreDescribedInOurWords() throws IOException {
        Path trello = Files.writeString(tmp.resolve("board.json"), "{\"id\":\"b\",\"name\":\"B\",\"lists\":[],"
                + "\"cards\":[{\"id\":\"c\",\"pos\":" + "9".repeat(2000) + "}],\"prefs\":{}}");
        Cli.Run r = Cli.run("convert", trello.toString(), "--from", "trello", "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("board.json") && r.err().contains("too many digits"), r.err());
        assertOurWords(r);

        Path stray = Files.writeString(tmp.resolve("stray.json"), "{\"id\":\"b\",\"name\":\"B\" x \"lists\":[],"
                + "\"prefs\":{}}");
        r = Cli.run("convert", stray.toString(), "--from", "trello", "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("stray.json:1:") && r.err().contains("unexpected 'x' where ',' or '}' was expected"),
                r.err());
        assertOurWords(r);
    }

    @Test
    void aStrayQuoteInCsvIsLocatedAndExplained() throws IOException {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "Title,Status\n\"ok\",Done\n\"bad\"x,Done\n");
        Cli.Run r = Cli.run("convert", csv.toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("t.csv:3") && r.err().contains("must be doubled"), r.err());
        assertOurWords(r);
    }

    @Test
    void aBadTimeZoneIsOneLine() {
        Cli.Run r = Cli.run("convert", "sample-exports/csv/tasks-en.csv", "--time-zone", "Mars/Olympus",
                "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--time-zone") && r.err().contains("unknown time zone 'Mars/Olympus'"), r.err());
        assertOurWords(r);
    }
}
