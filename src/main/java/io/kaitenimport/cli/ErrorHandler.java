package io.kaitenimport.cli;

import io.kaitenimport.issue.SourceException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The one place failures become messages: one line naming the file and position, no stack trace unless
 * {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        var err = cl.getErr();
        boolean debug = parseResult.originalArgs().contains("--debug");
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        int code;
        String message;
        if (t instanceof SourceException se) {
            message = se.describe();
            code = ExitCodes.USAGE;
        } else if (t instanceof NoSuchFileException nf) {
            message = nf.getFile() + ": no such file";
            code = ExitCodes.USAGE;
        } else if (t instanceof AccessDeniedException ad) {
            message = ad.getFile() + ": permission denied";
            code = ExitCodes.USAGE;
        } else if (t instanceof IOException ioe) {
            message = "I/O error: " + io.kaitenimport.issue.IoReason.of(ioe);
            code = ExitCodes.USAGE;
        } else {
            message = "internal error: " + t + (debug ? "" : " (rerun with --debug for the stack trace and report it)");
            code = ExitCodes.INTERNAL;
        }
        err.println(cl.getColorScheme().errorText("kaiten-import: " + message));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
