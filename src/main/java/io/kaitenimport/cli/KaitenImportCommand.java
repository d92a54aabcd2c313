package io.kaitenimport.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "kaiten-import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Converts Trello, Jira, Asana, CSV and Excel exports and Notion, Confluence, Obsidian and Markdown wikis into validated Kaiten import packages.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (package written / valid)", "1:validation errors in the package",
                "2:usage error or unreadable input", "3:internal error (a bug; rerun with --debug)",
                "4:attachments: some files did not arrive (partial)",
                "5:--fail-on warning|loss found warnings or lost values (no errors)"},
        footerHeading = "%nExamples:%n",
        footer = {"  kaiten-import convert tasks.csv --users users.csv -o tasks.zip",
                "  kaiten-import convert board.json --report-html report.html --fail-on loss",
                "  kaiten-import validate tasks.zip --report-sarif kaiten.sarif",
                "  kaiten-import help convert%n"})
final class KaitenImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
