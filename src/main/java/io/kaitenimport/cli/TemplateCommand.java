package io.kaitenimport.cli;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.xlsx.TemplateWriter;
import io.kaitenimport.issue.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Writes an Excel workbook to prepare a full import by hand: sheets Cards, Columns, Users, "
                + "CustomFields, Checklists and Comments with their headers, drop-downs for fixed choices and a "
                + "README sheet explaining every column.",
                "Convert the filled workbook with: kaiten-import convert FILE.xlsx"})
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "import-template.xlsx",
            description = "Workbook to write (default ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(output) && !force) {
            throw new SourceException(Location.file(output.toString()), "file exists; use --force to overwrite it");
        }
        TemplateWriter.write(output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Template written: " + output);
        out.flush();
        return ExitCodes.OK;
    }
}
