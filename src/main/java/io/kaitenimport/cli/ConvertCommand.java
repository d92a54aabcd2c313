package io.kaitenimport.cli;

import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceAdapters;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.issue.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts an export into a Kaiten import package (zip or directory), validates it and prints "
                + "a report of what will arrive, what is wrong and what will be lost.",
                "The package is written only when it has no validation errors (or with --force)."})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EXPORT",
            description = "The export file (.csv, .xlsx, Trello .json, Jira .json). Jira: several files or a folder "
                    + "of .json files are merged into one package.")
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
            description = "People without an email: drop (default; references removed and counted) or fail.")
    SourceOptions.UnmappedUsers unmappedUsers;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Text encoding of a CSV export (default: detected from BOM / UTF-8 validity).")
    Charset encoding;

    @Option(names = "--legacy-encoding", paramLabel = "CHARSET", defaultValue = "windows-1251",
            description = "Encoding used when a CSV is not valid UTF-8 (default ${DEFAULT-VALUE}).")
    Charset legacyEncoding;

    @Option(names = "--date-order", paramLabel = "ORDER", defaultValue = "auto",
            description = "Ambiguous dates like 03/04/2024: auto (decided from the data), day-first or month-first.")
    String dateOrder;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of source date-times that carry no offset (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--space", paramLabel = "TITLE", description = "Create a space with this title above the board(s).")
    String space;

    @Option(names = "--attachments", paramLabel = "DIR",
            description = "Folder with downloaded attachment files to put into the package (Trello, Jira).")
    Path attachments;

    @Option(names = "--sheet", paramLabel = "NAME|INDEX", description = "Excel sheet to read (default: the first "
            + "sheet with a recognisable header).")
    String sheet;

    @Option(names = "--include-hidden", description = "Excel: also read hidden rows and sheets.")
    boolean includeHidden;

    @Option(names = "--board-per", paramLabel = "project|all", defaultValue = "project",
            description = "Jira: one board per project (default) or one board for all issues.")
    String boardPer;

    @Option(names = "--include-restricted", description = "Jira: keep comments with restricted visibility.")
    boolean includeRestricted;

    @Option(names = "--archived-lists", paramLabel = "POLICY", defaultValue = "keep",
            description = "Trello archived lists: keep (column kept, its cards archived; default) or drop-column.")
    String archivedLists;

    @Option(names = "--lenient-values",
            description = "CSV/Excel: leave values that cannot be parsed (dates, numbers) empty and report them, "
                    + "instead of stopping with an error.")
    boolean lenientValues;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "50000",
            description = "Records per entity file before a new shard (cards_0.json, cards_1.json …); "
                    + "default ${DEFAULT-VALUE}.")
    int shardSize;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress lines on stderr for long runs: auto (on a terminal, not with -q), always, never.")
    String progressMode;

    @Option(names = "--pretty", description = "Indent the JSON files for reading (default: compact, one record per line).")
    boolean pretty;

    @Option(names = "--force", description = "Write the package even when it has validation errors.")
    boolean force;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = expand(inputs);
        SourceAdapters adapters = SourceAdapters.standard();
        SourceAdapter adapter = choose(adapters, files.get(0));
        Path target = output != null ? output : Path.of(stripExtension(files.get(0).getFileName().toString()) + ".zip");
        if (shardSize < 1) {
            throw new SourceException(Location.NONE, "--shard-size must be at least 1");
        }
        checkOutput(target, files);
        if (!List.of("auto", "always", "never").contains(progressMode)) {
            throw new SourceException(Location.NONE, "--progress must be auto, always or never, not '" + progressMode + "'");
        }
        SourceOptions options = new SourceOptions(mapping, users, unmappedUsers, encoding, legacyEncoding, dateOrder,
                zone, space, attachments, sheet, includeHidden, boardPer, includeRestricted, archivedLists, lenientValues);
        Converter.Outcome outcome;
        try {
            Converter converter = new Converter(adapter, options, shardSize, force).pretty(pretty);
            if (showProgress()) {
                PrintWriter err = spec.commandLine().getErr();
                converter.onProgress(line -> {
                    err.println(line);
                    err.flush();
                });
            }
            outcome = converter.convert(files, target);
        } catch (SourceException e) {
            // CI reads the machine-readable reports: they say why nothing was written, then the usual one line.
            io.kaitenimport.issue.Report failed = new io.kaitenimport.issue.Report("convert");
            failed.fact("input", files.get(0).toString());
            failed.fact("source", adapter.name());
            failed.add(io.kaitenimport.issue.IssueCode.SOURCE_UNREADABLE, e.location(), e.getMessage());
            report.writeFiles(failed, false);
            throw e;
        }
        report.emit(outcome.report(), outcome.written(), out);
        long errors = outcome.report().errors();
        out.println();
        if (outcome.written()) {
            out.println((errors > 0 ? "Package written WITH " + errors + " error(s) (--force): " : "Package written: ")
                    + target);
        } else {
            out.println("Package NOT written: " + errors + " validation error(s). Fix them, or use --force.");
        }
        out.flush();
        return errors > 0 ? ExitCodes.INVALID : ExitCodes.OK;
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
        try {
            io.kaitenimport.emit.PackageWriter.checkReplaceable(target);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new SourceException(Location.file(target.toString()), e.getReason());
        }
    }

    /** Progress lines go to stderr on a terminal only, so pipes, CI logs and tests stay clean. */
    private boolean showProgress() {
        return switch (progressMode) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && !report.quiet;
        };
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> json = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .filter(Files::isRegularFile).sorted().toList();
                    if (json.isEmpty()) {
                        throw new SourceException(Location.file(p.toString()), "folder has no .json files");
                    }
                    files.addAll(json);
                }
            } else if (!Files.isRegularFile(p)) {
                throw new SourceException(Location.file(p.toString()), "no such file");
            } else if (!Files.isReadable(p)) {
                throw new SourceException(Location.file(p.toString()), "file is not readable");
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private SourceAdapter choose(SourceAdapters adapters, Path first) throws IOException {
        if (from != null) {
            return adapters.byName(from).orElseThrow(() -> new SourceException(Location.NONE,
                    "unknown --from '" + from + "'; use one of " + adapters.names()));
        }
        if (Files.size(first) == 0) {
            throw new SourceException(Location.file(first.toString()), "file is empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(first)) {
            head = in.readNBytes(64 * 1024);
        }
        for (SourceAdapter a : adapters.all()) {
            if (a.detect(first, head)) {
                return a;
            }
        }
        throw new SourceException(Location.file(first.toString()),
                "cannot tell what kind of export this is; use --from with one of " + adapters.names());
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
