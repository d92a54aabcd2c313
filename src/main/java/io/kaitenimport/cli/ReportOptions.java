package io.kaitenimport.cli;

import io.kaitenimport.report.JsonReport;
import io.kaitenimport.report.Report;
import io.kaitenimport.report.TextReport;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Report options shared by convert and validate. */
final class ReportOptions {
    @Option(names = "--report-json", paramLabel = "FILE",
            description = "Also write the full report (every issue and data loss) as JSON to FILE.")
    Path json;

    @Option(names = "--max-issues", paramLabel = "N", defaultValue = "50",
            description = "Issues to print on the terminal before summarising by code (default ${DEFAULT-VALUE}).")
    int maxIssues;

    @Option(names = {"-q", "--quiet"}, description = "Print only the result line on the terminal.")
    boolean quiet;

    void emit(Report report, boolean written, PrintWriter out) throws IOException {
        if (!quiet) {
            new TextReport(maxIssues).render(report, out);
        }
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + json.getFileName(), ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                JsonReport.write(report, written, o);
            }
            Files.move(tmp, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
