package io.kaitenimport.cli;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.target.KaitenClient;
import io.kaitenimport.target.PackageFacts;
import io.kaitenimport.target.PackageRewriter;
import io.kaitenimport.target.Pacing;
import io.kaitenimport.target.Preflight;
import io.kaitenimport.target.PropertyMap;
import io.kaitenimport.target.TargetReader;
import io.kaitenimport.target.TargetSnapshot;
import io.kaitenimport.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Checks a package against a live Kaiten company (GET requests only, never writes): which "
                + "users exist, which custom fields and columns can be reused, which titles, card types and tags "
                + "collide or are missing.",
                "With -o the package is written again with properties_mapping (and, with --board, columns_mapping) "
                        + "filled in. The token comes from KAITEN_TOKEN or --token-file, never the command line."})
final class PreflightCommand implements Callable<Integer> {
    /** Tests replace these: the environment (for KAITEN_TOKEN) and the clock/sleeper of the HTTP client. */
    static Function<String, String> env = System::getenv;
    static Pacing pacing = Pacing.SYSTEM;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", description = "A package .zip or directory (made by convert or by hand).")
    Path pkg;

    @Option(names = "--url", paramLabel = "URL",
            description = "The company's Kaiten address, https://<company>.kaiten.ru (plain http only to localhost).")
    String url;

    @Option(names = "--target-snapshot", paramLabel = "FILE",
            description = "Check against a snapshot saved with --save-snapshot instead: no network, no token.")
    Path targetSnapshot;

    @Option(names = "--save-snapshot", paramLabel = "FILE",
            description = "Save everything read from the target as one JSON file (for review or air-gapped runs).")
    Path saveSnapshot;

    @Option(names = "--board", paramLabel = "ID",
            description = "Kaiten board the package board goes to: its columns are matched (columns_mapping).")
    Long board;

    @Option(names = "--package-board", paramLabel = "ID|TITLE",
            description = "The package board whose columns go to --board (needed when the package has several).")
    String packageBoard;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token (default: the KAITEN_TOKEN environment variable).")
    Path tokenFile;

    /** Accepted only to refuse it without echoing the value: a token on the command line leaks into shell history. */
    @Option(names = "--token", hidden = true, paramLabel = "TOKEN")
    String tokenOnCommandLine;

    @Option(names = "--property-map", paramLabel = "FILE",
            description = "YAML 'field id or name: Kaiten property id' lines that force or override field matches.")
    Path propertyMap;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write the package again here (.zip, or a directory) with the mappings filled in.")
    Path output;

    @Option(names = "--force", description = "Write the package even when the report has errors.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds to wait for each answer (connecting: a third of it, at least 5); default ${DEFAULT-VALUE}.")
    int timeout;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Each request on stderr: auto (on a terminal, not with -q), always, never.")
    String progressMode;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        checkArguments();
        PropertyMap map = propertyMap == null ? PropertyMap.empty() : PropertyMap.load(propertyMap);
        PackageFacts facts = PackageFacts.read(pkg);
        Preflight.Options options = new Preflight.Options(packageBoard, map);
        if (board != null) {
            Preflight.packageBoard(facts, packageBoard); // fails before any request when the board is unclear
        }
        TargetSnapshot target = targetSnapshot != null ? fromFile() : live(facts, options);

        Report r = new Report("preflight");
        r.fact("package", pkg.toString());
        if (output != null) {
            r.fact("output", output.toString());
        }
        Preflight.Mappings mappings = Preflight.analyse(facts, target, options, r);
        boolean written = false;
        if (output != null) {
            written = PackageRewriter.rewrite(pkg, facts, mappings, output, force, r);
        } else {
            Validator.validate(pkg, r).counts().forEach(r::count);
        }
        PrintWriter out = spec.commandLine().getOut();
        report.emit(r, written, out);
        out.println();
        long errors = r.errors();
        String maps = "properties_mapping " + mappings.properties().size() + " entr"
                + (mappings.properties().size() == 1 ? "y" : "ies")
                + (board == null ? "" : ", columns_mapping " + mappings.columns().size());
        if (output == null) {
            out.println("Pre-flight done (" + maps + "; nothing written without -o): " + errors + " error(s).");
        } else if (written) {
            out.println((errors > 0 ? "Package written WITH " + errors + " error(s) (--force): " : "Package written ("
                    + maps + "): ") + output);
        } else {
            out.println("Package NOT written: " + errors + " error(s). Fix them, or use --force.");
        }
        out.flush();
        return errors > 0 ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private void checkArguments() throws IOException {
        if (tokenOnCommandLine != null) {
            throw new SourceException(Location.NONE, "the token is never accepted on the command line (it would be "
                    + "kept in shell history and process lists): set KAITEN_TOKEN or use --token-file FILE");
        }
        if ((url == null) == (targetSnapshot == null)) {
            throw new SourceException(Location.NONE, "give exactly one of --url URL (live company) and "
                    + "--target-snapshot FILE");
        }
        if (targetSnapshot != null && (saveSnapshot != null || tokenFile != null)) {
            throw new SourceException(Location.NONE, "--save-snapshot and --token-file go with --url, not with "
                    + "--target-snapshot");
        }
        if (!List.of("auto", "always", "never").contains(progressMode)) {
            throw new SourceException(Location.NONE, "--progress must be auto, always or never, not '"
                    + progressMode + "'");
        }
        if (timeout < 1) {
            throw new SourceException(Location.NONE, "--timeout must be at least 1 second");
        }
        PackageArgument.requireExists(pkg);
        if (output != null) {
            Path in = pkg.toAbsolutePath().normalize();
            Path o = output.toAbsolutePath().normalize();
            if (in.equals(o) || in.startsWith(o) || o.startsWith(in)) {
                throw new SourceException(Location.file(output.toString()), "the output would overwrite the input "
                        + "package; choose another output path");
            }
            try {
                io.kaitenimport.emit.PackageWriter.checkReplaceable(output);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new SourceException(Location.file(output.toString()), e.getReason());
            }
        }
    }

    private TargetSnapshot live(PackageFacts facts, Preflight.Options options) throws IOException {
        URI base;
        try {
            base = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SourceException(Location.NONE, "--url is not a URL: " + e.getReason());
        }
        Duration read = Duration.ofSeconds(timeout);
        KaitenClient client = new KaitenClient(base, token(), pacing, Duration.ofSeconds(Math.max(5, timeout / 3)),
                read);
        if (showProgress()) {
            PrintWriter err = spec.commandLine().getErr();
            client.onProgress(line -> {
                err.println("… " + line);
                err.flush();
            });
        }
        TargetSnapshot read0 = new TargetReader(client).read(board, Preflight.optionsNeeded(facts, options));
        // The live result goes through the same JSON as a saved snapshot, so both paths analyse identical data.
        byte[] bytes = read0.toBytes();
        if (saveSnapshot != null) {
            writeAtomically(saveSnapshot, bytes);
        }
        return TargetSnapshot.read(new ByteArrayInputStream(bytes));
    }

    private TargetSnapshot fromFile() {
        TargetSnapshot s;
        try (InputStream in = Files.newInputStream(targetSnapshot)) {
            s = TargetSnapshot.read(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var l = e.getLocation();
            throw new SourceException(Location.file(targetSnapshot.toString()).withLine(l == null ? null
                    : (long) l.getLineNr(), l == null ? null : (long) l.getColumnNr()),
                    "not a target snapshot: " + e.getOriginalMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SourceException(Location.file(targetSnapshot.toString()), "no such file");
        } catch (IOException e) {
            throw new SourceException(Location.file(targetSnapshot.toString()), e.getMessage());
        }
        if (!java.util.Objects.equals(s.board(), board)) {
            throw new SourceException(Location.file(targetSnapshot.toString()), "the snapshot was saved "
                    + (s.board() == null ? "without --board" : "with --board " + s.board()) + "; run with the same");
        }
        return s;
    }

    /** KAITEN_TOKEN or --token-file; the value is never echoed, not even in an error. */
    private String token() throws IOException {
        String t;
        if (tokenFile != null) {
            if (!Files.isRegularFile(tokenFile)) {
                throw new SourceException(Location.file(tokenFile.toString()), "no such file");
            }
            t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
                throw new SourceException(Location.file(tokenFile.toString()), "must hold the API token alone on "
                        + "one line");
            }
        } else {
            t = env.apply("KAITEN_TOKEN");
            if (t == null || t.isBlank()) {
                throw new SourceException(Location.NONE, "no API token: set KAITEN_TOKEN or pass --token-file FILE "
                        + "(never the token itself on the command line)");
            }
            t = t.strip();
        }
        return t;
    }

    private boolean showProgress() {
        return switch (progressMode) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && !report.quiet;
        };
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
