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
                + "meta-data.json, every record against its schema, and references between records.")
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
        PrintWriter out = spec.commandLine().getOut();
        report.emit(r, false, out);
        out.println();
        out.println(r.errors() == 0 ? "Package is valid." : "Package is NOT valid: " + r.errors() + " error(s).");
        out.flush();
        return r.errors() == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
