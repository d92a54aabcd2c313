package io.kaitenimport.cli;

import io.kaitenimport.report.JsonReport;
import io.kaitenimport.issue.Report;
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

    @Option(names = "--report-html", paramLabel = "FILE", description = "Also write the report as one HTML page.")
    Path html;

    @Option(names = "--report-junit", paramLabel = "FILE",
            description = "Also write JUnit XML (one test case per issue code; errors fail) for CI result viewers.")
    Path junit;

    @Option(names = "--report-sarif", paramLabel = "FILE",
            description = "Also write SARIF 2.1.0 (issue codes as rules) for code-scanning viewers.")
    Path sarif;

    @Option(names = "--max-issues", paramLabel = "N", defaultValue = "50",
            description = "Issues to print on the terminal before summarising by code (default ${DEFAULT-VALUE}).")
    int maxIssues;

    @Option(names = {"-q", "--quiet"}, description = "Print only the result line on the terminal.")
    boolean quiet;

    void emit(Report report, boolean written, PrintWriter out) throws IOException {
        if (!quiet) {
            new TextReport(maxIssues).render(report, out);
        }
        writeFiles(report, written);
    }

    /** The report files asked for (JSON, HTML, JUnit, SARIF), without the terminal text. */
    void writeFiles(Report report, boolean written) throws IOException {
        write(json, o -> JsonReport.write(report, written, o));
        write(html, o -> io.kaitenimport.report.HtmlReport.write(report, written, o));
        write(junit, o -> io.kaitenimport.report.JUnitReport.write(report, o));
        write(sarif, o -> io.kaitenimport.report.SarifReport.write(report, o));
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Written beside the target and moved into place, so a reader never sees half a report. */
    private static void write(Path file, Body body) throws IOException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                body.write(o);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
