package io.kaitenimport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsCommandsAndExitCodes() {
        Cli.Run r = Cli.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("convert"), r.out());
        assertTrue(r.out().contains("validate"));
        assertTrue(r.out().contains("inspect"));
        assertTrue(r.out().contains("Exit codes"));
    }

    @Test
    void convertHelpDocumentsEveryOption() {
        Cli.Run r = Cli.run("convert", "--help");
        assertEquals(0, r.exit());
        for (String opt : new String[] {"--from", "--mapping", "--users", "--unmapped-users", "--encoding",
                "--date-order", "--lenient-values", "--shard-size", "--force", "--report-json"}) {
            assertTrue(r.out().contains(opt), opt);
        }
    }

    @Test
    void versionAnswers() {
        Cli.Run r = Cli.run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("kaiten-import"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Run r = Cli.run("convert", "--no-such-option", "x.csv");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--no-such-option"));
    }

    @Test
    void missingInputIsExit2WithOneLineAndNoStackTrace() {
        Cli.Run r = Cli.run("convert", tmp.resolve("nope.csv").toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("nope.csv: no such file"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
        assertFalse(Files.exists(tmp.resolve("o.zip")));
    }

    @Test
    void unknownKindAsksForFrom() throws Exception {
        Path f = Files.writeString(tmp.resolve("data.bin"), "hello");
        Cli.Run r = Cli.run("convert", f.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--from"), r.err());
    }

    @Test
    void validateMissingPackageIsUsageError() {
        Cli.Run r = Cli.run("validate", tmp.resolve("none.zip").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
    }

    @Test
    void progressGoesToStderrOnlyWhenAsked() throws Exception {
        Path f = Files.writeString(tmp.resolve("t.csv"), "title\nA\n");
        Cli.Run quiet = Cli.run("convert", f.toString(), "-o", tmp.resolve("a.zip").toString());
        assertFalse(quiet.err().contains("validating"), "no terminal in tests: auto is off");
        Cli.Run loud = Cli.run("convert", f.toString(), "-o", tmp.resolve("b.zip").toString(), "--progress", "always");
        assertEquals(0, loud.exit(), loud.all());
        assertTrue(loud.err().contains("… validating the package"), loud.err());
        assertFalse(loud.out().contains("validating"), "progress never mixes into stdout");
        assertEquals(ExitCodes.USAGE, Cli.run("convert", f.toString(), "--progress", "maybe").exit());
    }
}
