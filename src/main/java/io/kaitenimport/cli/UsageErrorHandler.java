package io.kaitenimport.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * A mistyped command line gets what git and docker print: one line saying what is wrong (with "did you mean" when
 * picocli has a suggestion) and where to read more — not the 60-line help.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            var suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message = message.replaceAll("\\s*$", "") + "; did you mean " + String.join(" or ",
                        suggestions.stream().limit(3).map(s -> "'" + s + "'").toList()) + "?";
            }
        }
        err.println(cl.getColorScheme().errorText("kaiten-import: " + firstLine(message)));
        err.println("see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String firstLine(String s) {
        String line = s == null ? "invalid command line" : s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
