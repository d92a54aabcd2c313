package io.kaitenimport.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what a user would see. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public static Run run(String... args) {
        CommandLine cl = Main.newCommandLine(args); // as main() builds it: only the named subcommand
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
