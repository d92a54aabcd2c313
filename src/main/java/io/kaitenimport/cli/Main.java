package io.kaitenimport.cli;

import picocli.CommandLine;

/** Entry point of the {@code kaiten-import} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests call this and capture its out/err writers. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new KaitenImportCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
