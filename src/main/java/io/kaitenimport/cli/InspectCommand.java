package io.kaitenimport.cli;

import io.kaitenimport.model.Entity;
import io.kaitenimport.issue.Report;
import io.kaitenimport.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Prints the entity record counts of a package and a one-line validation summary.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", description = "A package .zip or directory.")
    Path pkg;

    @Override
    public Integer call() {
        PackageArgument.requireExists(pkg);
        Report r = new Report("inspect");
        Validator.validate(pkg, r).counts().forEach(r::count);
        PrintWriter out = spec.commandLine().getOut();
        out.println(pkg);
        for (Entity e : Entity.values()) {
            Long n = r.counts().get(e);
            if (n != null) {
                out.printf("  %-20s %,10d%n", e.key(), n);
            }
        }
        out.printf("validation: %d error(s), %d warning(s)%n", r.errors(),
                r.count(io.kaitenimport.issue.Severity.WARNING));
        out.flush();
        return r.errors() == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
