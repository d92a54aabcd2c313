package io.kaitenimport.cli;

import io.kaitenimport.issue.Report;
import io.kaitenimport.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates a Kaiten import package (zip or directory, made by this tool or any other): "
                + "meta-data.json, every record against its schema, and references between records.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:package valid", "1:validation errors", "2:usage error or unreadable package",
                "3:internal error (a bug; rerun with --debug)", "5:--fail-on warning|loss found warnings or lost values"},
        footerHeading = "%nExamples:%n",
        footer = {"  kaiten-import validate tasks.zip",
                "  kaiten-import validate package-dir/ --report-sarif k.sarif --fail-on warning%n"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", description = "A package .zip or directory.")
    Path pkg;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        PackageArgument.requireExists(pkg);
        Report r = new Report("validate");
        r.fact("package", pkg.toString());
        Validator.validate(pkg, r).counts().forEach(r::count);
        report.emit(r, false, spec.commandLine());
        PrintWriter out = report.terminal(spec.commandLine());
        if (!report.quiet) {
            out.println();
        }
        out.println(r.errors() == 0 ? "Package is valid." : "Package is NOT valid: " + r.errors() + " error(s).");
        int exit = report.exitCode(r, out);
        out.flush();
        return exit;
    }
}
