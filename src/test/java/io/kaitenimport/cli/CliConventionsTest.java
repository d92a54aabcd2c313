package io.kaitenimport.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line behaves like the tools people know: short usage errors, help COMMAND, examples, completion. */
class CliConventionsTest {
    @Test
    void usageErrorIsOneLinePlusWhereToLook() {
        Cli.Run r = Cli.run("convert", "--no-such-option", "x.csv");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("kaiten-import: Unknown option: '--no-such-option'"), r.err());
        assertTrue(r.err().endsWith("see 'kaiten-import convert --help'\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingArgumentAndMisspeltCommand() {
        Cli.Run missing = Cli.run("convert");
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertEquals(2, missing.err().lines().count(), missing.err());
        Cli.Run typo = Cli.run("conver", "x.csv");
        assertEquals(ExitCodes.USAGE, typo.exit());
        assertTrue(typo.err().contains("did you mean 'convert'"), typo.err());
        assertTrue(typo.err().contains("see 'kaiten-import --help'"), typo.err());
    }

    @Test
    void helpSubcommand() {
        Cli.Run r = Cli.run("help", "convert");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Usage: kaiten-import convert"), r.out());
        assertTrue(Cli.run("help").out().contains("completion"));
    }

    @Test
    void helpHasExamplesExitCodesAndSourceSections() {
        String convert = Cli.run("convert", "--help").out();
        assertTrue(convert.contains("Examples:\n  kaiten-import convert tasks.csv --users users.csv -o tasks.zip"), convert);
        assertTrue(convert.contains("5   --fail-on warning|loss"), convert);
        assertTrue(convert.contains("csv options:") || convert.contains("csv and xlsx options:"), convert);
        for (String line : convert.split("\n")) {
            assertTrue(line.length() <= 80, "help lines fit 80 columns: " + line);
        }
        String top = Cli.run("--help").out();
        assertTrue(top.contains("Examples:") && top.contains("5   --fail-on"), top);
    }

    @Test
    void completionScripts() {
        Cli.Run bash = Cli.run("completion", "bash");
        assertEquals(0, bash.exit());
        assertTrue(bash.out().contains("complete -F"), "a bash completion function");
        assertTrue(bash.out().contains("--fail-on") && bash.out().contains("--report-html"));
        Cli.Run zsh = Cli.run("completion", "zsh");
        assertEquals(0, zsh.exit());
        assertTrue(zsh.out().contains("bashcompinit"), "zsh loads bash completion");
        Cli.Run fish = Cli.run("completion", "fish");
        assertEquals(ExitCodes.USAGE, fish.exit());
        assertTrue(fish.err().contains("unknown shell 'fish'; use bash or zsh"), fish.err());
    }
}
