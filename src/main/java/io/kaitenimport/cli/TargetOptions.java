package io.kaitenimport.cli;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.preflight.KaitenClient;
import io.kaitenimport.preflight.PackageFacts;
import io.kaitenimport.preflight.Pacing;
import io.kaitenimport.preflight.Preflight;
import io.kaitenimport.preflight.PropertyMap;
import io.kaitenimport.preflight.TargetReader;
import io.kaitenimport.preflight.TargetSnapshot;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The target company of a pre-flight (preflight, and convert --target): where to read it — live with a token, or
 * from a saved snapshot — and the options of the matching. An argument group, so convert shows it as its own
 * help section and sees null when none of it was given.
 */
final class TargetOptions {
    /** Tests replace these: the environment (for KAITEN_TOKEN) and the clock/sleeper of the HTTP client. */
    static Function<String, String> env = System::getenv;
    static Pacing pacing = Pacing.SYSTEM;

    @Option(names = {"--url", "--target"}, paramLabel = "URL",
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

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds to wait for each answer of the target (connecting: a third, at least 5); "
                    + "default ${DEFAULT-VALUE}.")
    int timeout = 30;

    /** Read by {@link #check()} so a missing token stops the run before any work; never printed. */
    private String token;

    /** Refuses contradictory or unsafe arguments, and a missing token, before any work. */
    void check() throws IOException {
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
        if (timeout < 1) {
            throw new SourceException(Location.NONE, "--timeout must be at least 1 second");
        }
        if (url != null) {
            token = token();
        }
    }

    PropertyMap propertyMap() {
        return propertyMap == null ? PropertyMap.empty() : PropertyMap.load(propertyMap);
    }

    /** The target as one snapshot: read live (and saved when asked) or loaded from --target-snapshot. */
    TargetSnapshot read(PackageFacts facts, Preflight.Options options, Consumer<String> progress) throws IOException {
        if (board != null) {
            Preflight.packageBoard(facts, packageBoard); // fails before any request when the board is unclear
        }
        return targetSnapshot != null ? fromFile() : live(facts, options, progress);
    }

    private TargetSnapshot live(PackageFacts facts, Preflight.Options options, Consumer<String> progress)
            throws IOException {
        URI base;
        try {
            base = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SourceException(Location.NONE, "--url is not a URL: " + e.getReason());
        }
        KaitenClient client = new KaitenClient(base, token, pacing, Duration.ofSeconds(Math.max(5, timeout / 3)),
                Duration.ofSeconds(timeout));
        if (progress != null) {
            client.onProgress(progress);
        }
        TargetSnapshot read = new TargetReader(client).read(board, Preflight.optionsNeeded(facts, options));
        // The live result goes through the same JSON as a saved snapshot, so both paths analyse identical data.
        byte[] bytes = read.toBytes();
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
        if (tokenFile != null) {
            if (!Files.isRegularFile(tokenFile)) {
                throw new SourceException(Location.file(tokenFile.toString()), "no such file");
            }
            String t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
                throw new SourceException(Location.file(tokenFile.toString()), "must hold the API token alone on "
                        + "one line");
            }
            return t;
        }
        String t = env.apply("KAITEN_TOKEN");
        if (t == null || t.isBlank()) {
            throw new SourceException(Location.NONE, "no API token: set KAITEN_TOKEN or pass --token-file FILE "
                    + "(never the token itself on the command line)");
        }
        return t.strip();
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
