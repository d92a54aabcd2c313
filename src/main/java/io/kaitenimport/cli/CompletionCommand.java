package io.kaitenimport.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints a shell completion script for commands, options and their choices.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(kaiten-import completion bash)      # in ~/.bashrc",
                "  source <(kaiten-import completion zsh)       # in ~/.zshrc%n"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash",
            description = "bash (default) or zsh.", completionCandidates = Shells.class)
    String shell;

    @Override
    public Integer call() {
        if (!Shells.WORDS.contains(shell)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown shell '" + shell + "'; use bash or zsh");
        }
        // picocli's script works in zsh through bashcompinit, which it loads itself when run by zsh.
        String script = AutoComplete.bash("kaiten-import", spec.root().commandLine());
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }

    static final class Shells extends java.util.ArrayList<String> {
        static final java.util.List<String> WORDS = java.util.List.of("bash", "zsh");

        Shells() {
            super(WORDS);
        }
    }
}
