package io.kaitenimport.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * main() builds only the subcommand the arguments name (picocli's model of all of them costs start-up time). What a
 * user sees must not depend on it: every command's help and usage errors are the same as with all commands built.
 */
class LazySubcommandsTest {
    @Test
    void helpAndErrorsAreTheSameAsWithEveryCommand() {
        for (Class<?> c : Main.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}, {"--debug", name, "-h"}}) {
                assertEquals(run(Main.newCommandLine(), args), run(Main.newCommandLine(args), args),
                        String.join(" ", args));
            }
        }
        for (String[] args : new String[][] {{"--help"}, {"valdate", "x"}, {}, {"help", "convert"}}) {
            assertEquals(run(Main.newCommandLine(), args), run(Main.newCommandLine(args), args), String.join(" ", args));
        }
        assertEquals(1, Main.newCommandLine(new String[] {"validate", "x.zip"}).getSubcommands().size());
    }

    /** main() starts its warm-up from the command it finds; no command at all (--version, help) is no warm-up. */
    @Test
    void warmUpFollowsTheCommandAndToleratesNone() {
        for (String[] args : new String[][] {{}, {"--version"}, {"--debug", "--help"}}) {
            assertEquals(null, Main.commandOf(args));
            assertEquals(false, Warmup.start(Main.commandOf(args)));
        }
        assertEquals(false, Warmup.start("template"));
        assertEquals("validate", Main.commandOf(new String[] {"--debug", "validate", "x.zip"}));
        assertEquals(true, Warmup.start("validate"));
    }

    private static String run(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return exit + "\n" + out + "\n" + err;
    }
}
