package io.kaitenimport.cli;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.preflight.PackageFacts;
import io.kaitenimport.preflight.PackageRewriter;
import io.kaitenimport.preflight.Preflight;
import io.kaitenimport.preflight.TargetSnapshot;
import io.kaitenimport.validate.Validator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Checks a package against a live Kaiten company (GET requests only, never writes): which "
                + "users exist, which custom fields and columns can be reused, which titles, card types and tags "
                + "collide or are missing.",
                "With -o the package is written again with properties_mapping (and, with --board, columns_mapping) "
                        + "filled in. The token comes from KAITEN_TOKEN or --token-file, never the command line."})
final class PreflightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", description = "A package .zip or directory (made by convert or by hand).")
    Path pkg;

    @ArgGroup(validate = false, heading = "%nTarget company:%n")
    TargetOptions target;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write the package again here (.zip, or a directory) with the mappings filled in.")
    Path output;

    @Option(names = "--force", description = "Write the package even when the report has errors.")
    boolean force;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto", converter = Progress.Words.class,
            completionCandidates = Progress.Words.class,
            description = "Each request on stderr: auto (on a terminal, not with -q), always, never.")
    Progress progressMode;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        if (target == null) {
            target = new TargetOptions();
        }
        target.check();
        checkArguments();
        PackageFacts facts = PackageFacts.read(pkg);
        Preflight.Options options = new Preflight.Options(target.packageBoard, target.propertyMap());
        TargetSnapshot snapshot = target.read(facts, options, progress(spec, progressMode, report.quiet));

        Report r = new Report("preflight");
        r.fact("package", pkg.toString());
        if (output != null) {
            r.fact("output", output.toString());
        }
        Preflight.Mappings mappings = Preflight.analyse(facts, snapshot, options, r);
        boolean written = false;
        if (output != null) {
            written = PackageRewriter.rewrite(pkg, facts, mappings, output, force, r);
        } else {
            Validator.validate(pkg, r).counts().forEach(r::count);
        }
        PrintWriter out = spec.commandLine().getOut();
        report.emit(r, written, spec.commandLine());
        out.println();
        long errors = r.errors();
        String maps = "properties_mapping " + mappings.properties().size() + " entr"
                + (mappings.properties().size() == 1 ? "y" : "ies")
                + (target.board == null ? "" : ", columns_mapping " + mappings.columns().size());
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
        PackageArgument.requireExists(pkg);
        if (output != null) {
            Path in = pkg.toAbsolutePath().normalize();
            Path o = output.toAbsolutePath().normalize();
            if (in.equals(o) || in.startsWith(o) || o.startsWith(in)) {
                throw new SourceException(Location.file(output.toString()), "the output would overwrite the input "
                        + "package; choose another output path");
            }
            PackageArgument.requireReplaceable(output);
        }
    }

    /** Each request as a line on stderr: always, never, or (auto) on a terminal unless -q. */
    static Consumer<String> progress(CommandSpec spec, Progress mode, boolean quiet) {
        if (!mode.shown(quiet)) {
            return null;
        }
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("… " + line);
            err.flush();
        };
    }
}
