package io.kaitenimport.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * JVM {@link Error}s (the heap or stack ran out, or worse) end the run like any other failure: one line that says
 * what ran out and how to give Java more, exit 3, a stack trace only with {@code --debug}. picocli passes
 * Errors straight through its exception handler, so this wraps the execution strategy instead. By the time the
 * Error arrives here the command's try-with-resources blocks have already thrown away staged output.
 */
final class ResourceErrors implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy inner;

    ResourceErrors(CommandLine.IExecutionStrategy inner) {
        this.inner = inner;
    }

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
        try {
            return inner.execute(parseResult);
        } catch (Error e) {
            CommandLine cl = parseResult.commandSpec().commandLine();
            boolean debug = parseResult.originalArgs().contains("--debug");
            PrintWriter err = cl.getErr();
            err.println(cl.getColorScheme().errorText("kaiten-import: " + describe(e, debug)));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** The one-line message; also used for Errors that arrive wrapped from worker threads. */
    static String describe(Throwable e, boolean debug) {
        if (e instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return "out of memory (" + (e.getMessage() == null ? "Java heap space" : e.getMessage())
                    + "; Java may use " + max + " MB here). Nothing was written. Give Java more memory, e.g. "
                    + "KAITEN_IMPORT_JAVA_OPTS=-Xmx2g ./kaiten-import " + "…, and run again";
        }
        if (e instanceof StackOverflowError) {
            return "out of stack space (the input nests too deeply, e.g. very deep JSON). Nothing was written. "
                    + "Give Java a bigger stack, e.g. KAITEN_IMPORT_JAVA_OPTS=-Xss64m ./kaiten-import …, and run again";
        }
        return "internal error: " + e + ". Nothing was written" + (debug ? "" : " (rerun with --debug for the stack trace and report it)");
    }
}
