package io.kaitenimport.cli;

import picocli.CommandLine;

import java.util.List;

/** Entry point of the {@code kaiten-import} command. */
public final class Main {
    private Main() {
    }

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConvertCommand.class, ValidateCommand.class,
            InspectCommand.class, TemplateCommand.class, MappingCommand.class, AttachmentsCommand.class,
            CompletionCommand.class, PreflightCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        Warmup.start(commandOf(args));
        System.exit(newCommandLine(args).execute(args));
    }

    /** The first argument that is not an option: the subcommand, when the arguments name one. */
    static String commandOf(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** The configured command line with every subcommand; tests call this and capture its out/err writers. */
    public static CommandLine newCommandLine() {
        return newCommandLine(new String[0]);
    }

    /**
     * The configured command line for these arguments. Building a subcommand's model is picocli reading its
     * annotations, about 0.1 s of start-up for all of them, so a run that names one (`validate x.zip`) gets that one
     * only; anything else (no command, an unknown one, help, completion) gets them all, for listings and hints.
     */
    static CommandLine newCommandLine(String[] args) {
        String named = commandOf(args);
        List<Class<?>> build = SUBCOMMANDS;
        if (!"help".equals(named) && !"completion".equals(named)) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(CommandLine.Command.class).name().equals(named)) {
                    build = List.of(c);
                }
            }
        }
        CommandLine cl = new CommandLine(new KaitenImportCommand());
        for (Class<?> c : build) {
            // Its own CommandLine: picocli applies a command's model transformer (convert's source option sections)
            // when a CommandLine is made, not when a bare class is added as a subcommand.
            cl.addSubcommand(new CommandLine(c));
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExecutionStrategy(new ResourceErrors(new CommandLine.RunLast()));
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
