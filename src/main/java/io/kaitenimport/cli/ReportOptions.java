package io.kaitenimport.cli;

import io.kaitenimport.emit.OutputFiles;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.report.FailOn;
import io.kaitenimport.report.html.HtmlReport;
import io.kaitenimport.report.JUnitReport;
import io.kaitenimport.report.JsonReport;
import io.kaitenimport.report.SarifReport;
import io.kaitenimport.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Report options shared by convert and validate: report files, the terminal text and the CI gate. */
final class ReportOptions {
    static final String STDOUT = "-";

    @Option(names = "--report-json", paramLabel = "FILE",
            description = "Also write the full report (every issue and data loss) as JSON to FILE ('-' for stdout).")
    String json;

    @Option(names = "--report-html", paramLabel = "FILE",
            description = "Also write the report as one self-contained HTML page (summary, charts, board preview).")
    String html;

    @Option(names = "--report-junit", paramLabel = "FILE",
            description = "Also write JUnit XML: one test case per check that ran (package, schema per entity, "
                    + "references, source checks, each lost field); errors fail, and what --fail-on names.")
    String junit;

    @Option(names = "--report-sarif", paramLabel = "FILE",
            description = "Also write SARIF 2.1.0 for code scanning (relative paths, data loss as notes).")
    String sarif;

    @Option(names = "--fail-on", paramLabel = "LEVEL", split = ",", converter = FailOnWords.class,
            completionCandidates = FailOnWords.class,
            description = "Also fail (exit 5) on: warning (any warning), loss (any lost value that matters; order "
                    + "and layout do not count). Comma-separated or repeated; error is the default and always "
                    + "applies (exit 1).")
    List<FailOn> failOn = new ArrayList<>();

    @Option(names = "--max-issues", paramLabel = "N", defaultValue = "5",
            description = "Single issues (errors first) to print below the summary by code (default ${DEFAULT-VALUE}).")
    int maxIssues;

    @Option(names = {"-q", "--quiet"}, description = "Print only the result line on the terminal.")
    boolean quiet;

    Set<FailOn> conditions() {
        Set<FailOn> s = EnumSet.of(FailOn.ERROR);
        s.addAll(failOn);
        return s;
    }

    /** Where the terminal text goes: stderr when a report file is being written to stdout. */
    PrintWriter terminal(CommandLine cl) {
        return toStdout() ? cl.getErr() : cl.getOut();
    }

    private boolean toStdout() {
        return STDOUT.equals(json) || STDOUT.equals(html) || STDOUT.equals(junit) || STDOUT.equals(sarif);
    }

    void emit(Report report, boolean written, CommandLine cl) throws IOException {
        if (!quiet) {
            new TextReport(maxIssues).render(report, terminal(cl));
        }
        writeFiles(report, written, cl);
    }

    /** The report files asked for (JSON, HTML, JUnit, SARIF), without the terminal text. */
    void writeFiles(Report report, boolean written, CommandLine cl) throws IOException {
        long toStdout = java.util.stream.Stream.of(json, html, junit, sarif).filter(STDOUT::equals).count();
        if (toStdout > 1) {
            throw new SourceException(Location.NONE, "only one report can go to stdout ('-')");
        }
        Set<FailOn> gate = conditions();
        write(json, cl, o -> JsonReport.write(report, written, o));
        write(html, cl, o -> HtmlReport.write(report, written, o));
        write(junit, cl, o -> JUnitReport.write(report, gate, o));
        write(sarif, cl, o -> SarifReport.write(report, o));
    }

    /**
     * The exit code for a finished run: 1 with errors, 5 when --fail-on names something found, else 0. The
     * matching line for the terminal goes to {@code out}.
     */
    int exitCode(Report report, PrintWriter out) {
        if (report.errors() > 0) {
            return ExitCodes.INVALID;
        }
        List<String> reasons = FailOn.reasons(report, conditions());
        if (reasons.isEmpty()) {
            return ExitCodes.OK;
        }
        out.println("Failing (--fail-on " + String.join(",", failOn.stream().map(FailOn::word).toList()) + "): "
                + String.join(", ", reasons) + ".");
        return ExitCodes.GATED;
    }

    private static void write(String file, CommandLine cl, OutputFiles.Body body) throws IOException {
        if (file == null) {
            return;
        }
        if (STDOUT.equals(file)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            body.write(buffer);
            PrintWriter out = cl.getOut();
            out.print(buffer.toString(StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        OutputFiles.write(Path.of(file), body);
    }

    /** The words --fail-on takes; anything else is refused when the command line is parsed. */
    static final class FailOnWords extends ArrayList<String> implements CommandLine.ITypeConverter<FailOn> {
        FailOnWords() {
            super(EnumSet.allOf(FailOn.class).stream().map(FailOn::word).toList());
        }

        @Override
        public FailOn convert(String value) {
            for (FailOn f : FailOn.values()) {
                if (f.word().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of error, warning, loss");
        }
    }
}
