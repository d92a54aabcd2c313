package io.kaitenimport.cli;

import io.kaitenimport.attach.Attachment;
import io.kaitenimport.attach.AttachmentsReport;
import io.kaitenimport.attach.Credentials;
import io.kaitenimport.attach.DownloadRun;
import io.kaitenimport.attach.Limits;
import io.kaitenimport.attach.Sleeper;
import io.kaitenimport.attach.UrlPolicy;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import picocli.CommandLine.Command;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "attachments", mixinStandardHelpOptions = true,
        description = {"Downloads the uploaded files that Trello and Jira exports only link to into DIR, in the "
                + "layout convert --attachments DIR reads (DIR/<attachment id>/<name>).",
                "Credentials come from the environment or --credentials FILE, never from the command line: "
                        + "TRELLO_KEY + TRELLO_TOKEN; JIRA_EMAIL + JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT "
                        + "(Jira Data Center). A rerun downloads only what is missing or failed.",
                "Exit 0 when every attachment is in DIR, 4 when some failed (the report lists each by reason)."})
final class AttachmentsCommand implements Callable<Integer> {
    /** Tests replace the waits between retries; the command line cannot. */
    static volatile Sleeper sleeper = Sleeper.REAL;
    /** Tests replace the environment; the command line cannot. */
    static volatile Map<String, String> environment = System.getenv();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EXPORT",
            description = "Trello board or card JSON, Jira JSON (search result or issue), Jira CSV; a folder means "
                    + "its .json and .csv files.")
    List<Path> inputs;

    @Option(names = {"-d", "--dir"}, required = true, paramLabel = "DIR",
            description = "Folder to download into (created if missing); also holds the manifest.")
    Path dir;

    @Mixin
    AccessOptions access;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Downloads at a time (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "4",
            description = "Downloads at a time from one host (default ${DEFAULT-VALUE}).")
    int perHost;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
            description = "Retries after 429/503, 5xx, timeouts and network errors (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "30s",
            description = "Connection timeout (default ${DEFAULT-VALUE}; 500ms, 30s, 2m).")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "TIME", defaultValue = "60s",
            description = "Give up when no data arrives for this long (default ${DEFAULT-VALUE}).")
    String readTimeout;

    @Option(names = "--max-wait", paramLabel = "TIME", defaultValue = "5m",
            description = "Longest Retry-After honoured before the file is reported as rate-limited "
                    + "(default ${DEFAULT-VALUE}).")
    String maxWait;

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "2G",
            description = "Largest file to download (default ${DEFAULT-VALUE}; bytes, or with K, M, G).")
    String maxSize;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto", converter = Progress.Words.class,
            completionCandidates = Progress.Words.class,
            description = "Progress lines on stderr: auto (on a terminal, not with -q), always, never.")
    Progress progressMode;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportJson;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "20",
            description = "Failures to print per reason (default ${DEFAULT-VALUE}); --report-json lists all.")
    int maxFailures;

    @Option(names = {"-q", "--quiet"}, description = "Print only the result line.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallel < 1 || parallel > 64 || perHost < 1 || retries < 0 || maxFailures < 0) {
            throw new SourceException(Location.NONE, "--parallel must be 1..64, --per-host at least 1, --retries and"
                    + " --max-failures at least 0");
        }
        List<UrlPolicy.Rewrite> rules = access.rules();
        Limits limits = new Limits(retries, Limits.duration("--connect-timeout", connectTimeout),
                Limits.duration("--read-timeout", readTimeout), Limits.size("--max-size", maxSize),
                Limits.duration("--max-wait", maxWait));
        Credentials credentials = access.credentials();
        List<Path> files = expand(inputs);
        List<Attachment> found = DownloadRun.find(files);
        boolean show = progressMode.shown(quiet);
        for (String source : List.of("trello", "jira")) {
            if (!quiet && !credentials.has(source) && found.stream().anyMatch(a -> a.source().equals(source))) {
                err.println("kaiten-import: note: no " + Credentials.needed(source) + " set; " + source
                        + " downloads that need a login will fail with 401/403");
            }
        }
        DownloadRun run = new DownloadRun(new DownloadRun.Options(dir, rules, parallel, perHost, limits.settings()),
                credentials, sleeper, show ? line -> {
                    synchronized (err) {
                        err.println(credentials.scrub(line));
                        err.flush();
                    }
                } : null);
        DownloadRun.Result result = run.run(found);
        AttachmentsReport report = new AttachmentsReport(result, dir, credentials, files);
        if (reportJson != null) {
            write(reportJson, report.json());
        }
        if (!quiet) {
            out.print(report.text(maxFailures));
            out.println();
        }
        long missing = found.size() - result.count(io.kaitenimport.attach.Outcome.Status.DOWNLOADED)
                - result.count(io.kaitenimport.attach.Outcome.Status.PRESENT);
        if (missing == 0) {
            out.println(found.isEmpty() ? "No uploaded attachments in the export(s)." : "All " + found.size()
                    + " attachment(s) are in " + dir + "; convert … --attachments " + dir + " packages them.");
        } else {
            out.println("PARTIAL: " + missing + " of " + found.size() + " attachment(s) did not arrive (see above);"
                    + " rerun the same command to retry them.");
        }
        out.flush();
        return missing == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** Through OutputFiles like the other report files: atomic, symlinks and pipes kept, mode from the umask. */
    private static void write(Path file, String text) throws IOException {
        io.kaitenimport.emit.OutputFiles.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> found = s.filter(Files::isRegularFile).filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".json") || n.endsWith(".csv");
                    }).sorted().toList();
                    if (found.isEmpty()) {
                        throw new SourceException(Location.file(p.toString()), "folder has no .json or .csv files");
                    }
                    files.addAll(found);
                }
            } else if (!Files.isRegularFile(p)) {
                throw new SourceException(Location.file(p.toString()), "no such file");
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
