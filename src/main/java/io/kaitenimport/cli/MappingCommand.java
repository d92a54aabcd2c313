package io.kaitenimport.cli;

import io.kaitenimport.draft.MappingDraft;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.SourceAdapters;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import picocli.CommandLine.Command;
import io.kaitenimport.source.csv.CsvOptions;
import io.kaitenimport.source.xlsx.XlsxOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mapping", mixinStandardHelpOptions = true,
        description = {"Writes the mapping convert would use for a CSV, Jira CSV or Excel export, as commented YAML: "
                + "every header, what it feeds (card field, custom field with its inferred type, or skip with the "
                + "reason), its values, and a proposed custom field for each header nothing reads.",
                "Edit it and pass it back: kaiten-import convert EXPORT --mapping FILE (unedited, it gives the "
                        + "same package as the default)."})
final class MappingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "CSV or Excel export.")
    Path export;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the YAML (default: standard output).")
    Path output;

    @Option(names = "--from", paramLabel = "KIND", description = "csv, jira-csv or xlsx, when detection guesses "
            + "wrong.")
    String from;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Start from this mapping instead of the bundled "
            + "default.")
    Path mapping;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    /** The reading options convert takes for these exports (encoding, sheet), so the draft reads the same table. */
    @Mixin
    CsvOptions csv = new CsvOptions();

    @Mixin
    XlsxOptions xlsx = new XlsxOptions();

    @Override
    public Integer call() throws IOException {
        if (output != null && Files.exists(output) && !force) {
            throw new SourceException(Location.file(output.toString()), "file exists; use --force to overwrite it");
        }
        SourceAdapters.Choice choice = SourceAdapters.standard().plan(from, List.of(export)).get(0);
        Report report = new Report("mapping");
        SourceOptions options = SourceOptions.of(CommonOptions.defaults().withMapping(mapping), csv, xlsx);
        SourceContext ctx = new SourceContext(choice.files(), options, report,
                Users.none(options.common().unmappedUsers(), report));
        String yaml = MappingDraft.write(choice.adapter(), ctx);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(yaml);
        } else {
            Path dir = output.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".mapping-", ".yaml.tmp");
            try {
                Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.println("Mapping written: " + output + " (convert with --mapping " + output + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
