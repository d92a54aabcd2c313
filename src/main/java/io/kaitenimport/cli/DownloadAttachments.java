package io.kaitenimport.cli;

import io.kaitenimport.attach.AttachmentsReport;
import io.kaitenimport.attach.Credentials;
import io.kaitenimport.attach.DownloadRun;
import io.kaitenimport.attach.Limits;
import io.kaitenimport.attach.Outcome;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code convert --download-attachments DIR}: runs what {@code attachments -d DIR} does (with its defaults) before
 * converting, then packages from DIR. Files that do not arrive become card links, which the conversion reports
 * and counts as usual, so the exit code stays convert's.
 */
final class DownloadAttachments {
    @Option(names = "--download-attachments", paramLabel = "DIR",
            description = "Trello, Jira: first download the uploaded files the export links to into DIR (like the "
                    + "attachments command; credentials from the environment or --credentials), then package them.")
    Path dir;

    @Mixin
    AccessOptions access;

    /** The folder to package attachments from: DIR after downloading into it, else {@code attachments}. */
    Path prepare(String source, List<Path> files, Path attachments, boolean progress, boolean quiet,
                 PrintWriter out, PrintWriter err) throws IOException {
        if (dir == null) {
            if (!access.rewrites.isEmpty() || access.credentialsFile != null) {
                throw new SourceException(Location.NONE, "--rewrite-url and --credentials go with "
                        + "--download-attachments DIR");
            }
            return attachments;
        }
        if (!source.equals("trello") && !source.startsWith("jira")) {
            throw new SourceException(Location.NONE, "--download-attachments works with Trello and Jira exports, "
                    + "not " + source);
        }
        if (attachments != null && !attachments.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
            throw new SourceException(Location.NONE, "--attachments " + attachments + " and --download-attachments "
                    + dir + " name different folders; give one");
        }
        Credentials credentials = access.credentials();
        Limits limits = new Limits(4, Duration.ofSeconds(30), Duration.ofSeconds(60), 2L << 30, Duration.ofMinutes(5));
        DownloadRun run = new DownloadRun(new DownloadRun.Options(dir, access.rules(), 4, 4, limits.settings()),
                credentials, AttachmentsCommand.sleeper, progress ? line -> {
                    synchronized (err) {
                        err.println(credentials.scrub(line));
                        err.flush();
                    }
                } : null);
        DownloadRun.Result result;
        try {
            result = run.run(DownloadRun.find(files));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while downloading attachments");
        }
        if (!quiet) {
            out.print(new AttachmentsReport(result, dir, credentials, files).text(20));
            long missing = result.found().size() - result.count(Outcome.Status.DOWNLOADED)
                    - result.count(Outcome.Status.PRESENT);
            out.println(missing == 0 ? "" : missing + " attachment(s) did not arrive: their cards link to the source"
                    + " URL instead (source.attachment below); rerun to retry them.");
            out.println();
        }
        return dir;
    }
}
