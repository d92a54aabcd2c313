package io.kaitenimport.cli;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.pipeline.SourceAdapters;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.OptionValues;
import io.kaitenimport.source.SourceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true, modelTransformer = SourceSections.class,
        description = {"Converts an export into a Kaiten import package (zip or directory), validates it and prints "
                + "a report of what will arrive, what is wrong and what will be lost.",
                "The package is written only when it has no validation errors (or with --force)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:package written", "1:validation errors (package not written unless --force)",
                "2:usage error, unreadable input, or an export that changed while it was converted",
                "3:internal error (a bug; rerun with --debug)",
                "5:--fail-on warning|loss found warnings or lost values"},
        footerHeading = "%nExamples:%n",
        footer = {"  kaiten-import convert tasks.csv --users users.csv -o tasks.zip",
                "  kaiten-import convert board.json --attachments files/ --space Marketing",
                "  kaiten-import convert plan.xlsx --sheet Tasks --mapping my-mapping.yaml",
                "  kaiten-import convert jira/ --board-per project --report-html report.html",
                "  kaiten-import convert tasks.csv -q --fail-on loss --report-junit k.xml  # CI%n"})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EXPORT",
            description = "The export (.csv, .xlsx, Trello .json, Jira .json, Asana .json or .csv, a wiki folder or "
                    + ".zip). Jira: several files or a folder of .json files are one input. Several exports of any kinds go "
                    + "into one package, each with its own ids and (unless --space) its own space.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Package to write: a .zip file, or a directory for any other name "
                    + "(default: <export name>.zip in the current directory).")
    Path output;

    @Option(names = "--from", paramLabel = "KIND",
            description = "Source kind, when detection guesses wrong: ${COMPLETION-CANDIDATES}.",
            completionCandidates = SourceNames.class)
    String from;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "YAML mapping file; its keys override the bundled default of the source key by key (see mappings/).")
    Path mapping;

    @Option(names = "--users", paramLabel = "FILE",
            description = "CSV with header source,email,full_name: gives people their emails (source = user id, "
                    + "username, display name or email in the export).")
    Path users;

    @Option(names = "--unmapped-users", paramLabel = "POLICY", defaultValue = "drop",
            converter = CommonOptions.UnmappedUsers.Words.class,
            completionCandidates = CommonOptions.UnmappedUsers.Words.class,
            description = "People without an email: drop (default; references removed and counted), fail, or "
                    + "placeholder:EMAIL (what they authored — history, timers, comments, files — is attributed to one "
                    + "placeholder user with that email).")
    CommonOptions.UnmappedUsers unmappedUsers;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC", converter = OptionValues.Zone.class,
            description = "Zone of source date-times that carry no offset (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--space", paramLabel = "TITLE", description = "Create a space with this title above the board(s).")
    String space;

    @Option(names = "--attachments", paramLabel = "DIR",
            description = "Folder with downloaded attachment files to put into the package (Trello, Jira, Asana).")
    Path attachments;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "50000",
            description = "Records per entity file before a new shard (cards_0.json, cards_1.json …); "
                    + "default ${DEFAULT-VALUE}.")
    int shardSize;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto", converter = Progress.Words.class,
            completionCandidates = Progress.Words.class,
            description = "Progress lines on stderr for long runs: auto (on a terminal, not with -q), always, never.")
    Progress progressMode;

    @Option(names = "--pretty", description = "Indent the JSON files for reading (default: compact, one record per line).")
    boolean pretty;

    @Option(names = "--force", description = "Write the package even when it has validation errors.")
    boolean force;

    @Mixin
    ReportOptions report;

    @Mixin
    DownloadAttachments download;

    /** convert --target URL [--board ID]: the pre-flight in the same run (null unless a target option is given). */
    @picocli.CommandLine.ArgGroup(validate = false,
            heading = "%nPre-flight against a target company (as in `preflight`; fills properties_mapping/columns_mapping):%n")
    TargetOptions targetCompany;

    /** One options object per adapter option class, filled by picocli through the sections added in {@link SourceSections}. */
    final Map<Class<?>, Object> sourceOptions = new LinkedHashMap<>();

    /** Option names of each source section, for telling which ones the user gave. */
    final Map<Class<?>, List<OptionSpec>> sourceOptionSpecs = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (shardSize < 1) {
            throw new SourceException(Location.NONE, "--shard-size must be at least 1, not " + shardSize);
        }
        List<SourceAdapters.Choice> plan = SourceAdapters.standard().plan(from, inputs);
        List<Path> files = plan.stream().flatMap(c -> c.files().stream()).toList();
        Path target = output != null ? output : Path.of(stripExtension(files.get(0).getFileName().toString()) + ".zip");
        checkOutput(target, inputs);
        // with several exports, only the Trello and Jira ones have attachments to download
        List<SourceAdapters.Choice> boards = plan.stream()
                .filter(c -> c.adapter().name().equals("trello") || c.adapter().name().startsWith("jira")).toList();
        SourceAdapters.Choice downloads = boards.isEmpty() ? plan.get(0) : boards.get(0);
        Path binaries = download.prepare(downloads.adapter().name(), boards.isEmpty() ? files
                        : boards.stream().flatMap(c -> c.files().stream()).toList(), attachments, showProgress(),
                report.quiet, out, spec.commandLine().getErr());
        SourceOptions options = SourceOptions.of(
                new CommonOptions(mapping, users, unmappedUsers, zone, space, binaries),
                sourceOptions.values().toArray());
        Converter.Outcome outcome;
        try {
            Converter converter = new Converter(plan, options, shardSize, force).givenOptions(givenOptions())
                    .pretty(pretty);
            if (targetCompany != null) {
                targetCompany.check();
                converter.afterFinish(new TargetStep(targetCompany, targetCompany.propertyMap(),
                        PreflightCommand.progress(spec, progressMode, report.quiet)));
            }
            if (showProgress()) {
                PrintWriter err = spec.commandLine().getErr();
                converter.onProgress(line -> {
                    err.println(line);
                    err.flush();
                });
            }
            outcome = converter.convert(target);
        } catch (SourceException e) {
            // CI reads the machine-readable reports: they say why nothing was written, then the usual one line.
            io.kaitenimport.issue.Report failed = new io.kaitenimport.issue.Report("convert");
            failed.fact("input", String.join(", ", files.stream().map(Path::toString).toList()));
            failed.fact("source", String.join(" + ", plan.stream().map(c -> c.adapter().name()).toList()));
            failed.add(io.kaitenimport.issue.IssueCode.SOURCE_UNREADABLE, e.location(), e.getMessage());
            report.writeFiles(failed, false, spec.commandLine());
            throw e;
        }
        report.emit(outcome.report(), outcome.written(), spec.commandLine());
        long errors = outcome.report().errors();
        out = report.terminal(spec.commandLine());
        if (!report.quiet) {
            out.println();
        }
        if (outcome.written()) {
            out.println((errors > 0 ? "Package written WITH " + errors + " error(s) (--force): " : "Package written: ")
                    + target);
        } else {
            out.println("Package NOT written: " + errors + " validation error(s). Fix them, or use --force.");
        }
        int exit = report.exitCode(outcome.report(), out);
        out.flush();
        return exit;
    }

    /** Fails before any work when the output would overwrite an input or something that is not a package. */
    private static void checkOutput(Path target, List<Path> inputs) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            Path i = in.toAbsolutePath().normalize();
            if (i.startsWith(out) || out.equals(i)) {
                throw new SourceException(Location.file(target.toString()),
                        "the output would overwrite the export " + in + "; choose another output path");
            }
        }
        PackageArgument.requireReplaceable(target);
    }

    /** Progress lines go to stderr on a terminal only, so pipes, CI logs and tests stay clean. */
    private boolean showProgress() {
        return progressMode.shown(report.quiet);
    }

    /** The source-section options the user typed, by options class. */
    private Map<Class<?>, List<String>> givenOptions() {
        Map<Class<?>, List<String>> given = new LinkedHashMap<>();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        sourceOptionSpecs.forEach((type, specs) -> {
            List<String> names = specs.stream().filter(parsed::hasMatchedOption).map(OptionSpec::longestName).toList();
            if (!names.isEmpty()) {
                given.put(type, names);
            }
        });
        return given;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Completion candidates and help text for --from. */
    static final class SourceNames extends ArrayList<String> {
        SourceNames() {
            super(SourceAdapters.standard().names());
        }
    }
}
