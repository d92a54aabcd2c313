package io.kaitenimport.pipeline;

import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import io.kaitenimport.validate.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One conversion run: source adapter → package writer (staged) → validator → publish. The package reaches
 * {@code output} only when it is complete and, unless forced, free of validation errors.
 */
public final class Converter {
    private final SourceAdapter adapter;
    private final List<SourceAdapters.Choice> inputs;
    private final SourceOptions options;
    private final int shardSize;
    private final boolean force;
    private Consumer<String> progress;
    private Map<Class<?>, List<String>> givenOptions = Map.of();
    private boolean pretty;
    private PackageStep afterFinish;

    public Converter(SourceAdapter adapter, SourceOptions options, int shardSize, boolean force) {
        this(List.of(new SourceAdapters.Choice(adapter, List.of())), options, shardSize, force);
    }

    /**
     * Several inputs, each through its own adapter, into one package (see {@link Merge}); with one input this is
     * the ordinary single-export conversion, byte for byte.
     */
    public Converter(List<SourceAdapters.Choice> inputs, SourceOptions options, int shardSize, boolean force) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        this.adapter = inputs.get(0).adapter();
        this.inputs = List.copyOf(inputs);
        this.options = options;
        this.shardSize = shardSize;
        this.force = force;
    }

    /** Progress lines for long runs (records written, validation, packing); off unless set. */
    public Converter onProgress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    /** Indented JSON files instead of the compact default. */
    public Converter pretty(boolean pretty) {
        this.pretty = pretty;
        return this;
    }

    /**
     * The adapter option names the user gave, by option class; those of a class this adapter does not read are
     * reported as ignored.
     */
    public Converter givenOptions(Map<Class<?>, List<String>> given) {
        this.givenOptions = Map.copyOf(given);
        return this;
    }

    /** Work on the finished, not yet validated package (convert --target adds the pre-flight's mappings here). */
    public interface PackageStep {
        void apply(Path stage, PackageWriter writer, Report report) throws IOException;
    }

    /** Runs {@code step} after the package is finished and before it is validated; mappings it adds are written. */
    public Converter afterFinish(PackageStep step) {
        this.afterFinish = step;
        return this;
    }

    /** What happened: the report, and whether the package was written. */
    public record Outcome(Report report, boolean written) {
    }

    /** The users file is CSV too: its delimiter is sniffed like an export's (Excel's ';' in RU/EU locales). */
    private static final java.util.function.ToIntFunction<String> USERS_DELIMITER =
            text -> io.kaitenimport.source.csv.DelimiterSniffer.sniff(text).delimiter();

    /** Converts the inputs given to the constructor (their files as planned). */
    public Outcome convert(Path output) throws IOException {
        if (this.inputs.size() == 1) {
            return convert(this.inputs.get(0).files(), output);
        }
        Report report = new Report("convert");
        report.fact("input", String.join(", ", this.inputs.stream()
                .flatMap(c -> c.files().stream()).map(Path::toString).toList()));
        report.fact("source", String.join(" + ", this.inputs.stream().map(c -> c.adapter().name()).toList()));
        report.fact("output", output.toString());
        givenOptions.entrySet().stream()
                .filter(e -> this.inputs.stream().noneMatch(c -> c.adapter().optionTypes().contains(e.getKey())))
                .flatMap(e -> e.getValue().stream())
                .sorted()
                .forEach(name -> report.add(IssueCode.OPTION_IGNORED, Location.NONE, name,
                        appliesTo(name), String.join(" or ", this.inputs.stream().map(c -> c.adapter().describe())
                                .distinct().toList())));
        Users users = Users.load(options.common().usersFile(), options.common().unmappedUsers(), report,
                USERS_DELIMITER);
        InputsUnchanged unchanged = InputsUnchanged.of(this.inputs.stream().flatMap(c -> c.files().stream()).toList());
        try (PackageWriter writer = new PackageWriter(output, shardSize, pretty)) {
            writer.onProgress(progress);
            writer.observe(report.preview());
            Merge.run(this.inputs, options, report, users, writer);
            unchanged.check();
            users.emit(writer);
            return finish(writer, report, output);
        }
    }

    public Outcome convert(List<Path> inputs, Path output) throws IOException {
        Report report = new Report("convert");
        report.fact("input", String.join(", ", inputs.stream().map(Path::toString).toList()));
        report.fact("source", adapter.name());
        report.fact("output", output.toString());
        givenOptions.entrySet().stream()
                .filter(e -> !adapter.optionTypes().contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .sorted()
                .forEach(name -> report.add(IssueCode.OPTION_IGNORED, Location.NONE, name,
                        appliesTo(name), adapter.describe()));
        Users users = Users.load(options.common().usersFile(), options.common().unmappedUsers(), report,
                USERS_DELIMITER);
        InputsUnchanged unchanged = InputsUnchanged.of(inputs);
        try (PackageWriter writer = new PackageWriter(output, shardSize, pretty)) {
            SourceContext ctx = new SourceContext(inputs, options, report, users);
            writer.onProgress(progress);
            writer.observe(report.preview());
            adapter.read(ctx, writer);
            unchanged.check();
            unmappedHint(inputs, report);
            users.emit(writer);
            return finish(writer, report, output);
        }
    }

    /** Columns left unmapped: name the command that proposes a mapping for them. */
    private static void unmappedHint(List<Path> inputs, Report report) {
        long columns = report.losses().entries().stream().filter(e -> e.reason().startsWith("not mapped")).count();
        if (columns > 0) {
            report.accept(io.kaitenimport.issue.Issue.of(IssueCode.SOURCE_RULE, Location.NONE, columns
                    + " column(s) are not mapped and their values are counted as lost: `kaiten-import mapping "
                    + inputs.get(0) + " -o mapping.yaml` writes the mapping in use with a proposed custom field for "
                    + "each; edit it and convert again with --mapping mapping.yaml"));
        }
    }

    private Outcome finish(PackageWriter writer, Report report, Path output) throws IOException {
        writer.finish();
        if (afterFinish != null) {
            afterFinish.apply(writer.stage(), writer, report);
            writer.finish();
        }
        say("… validating the package");
        // Package problems are counted by the validator over the staged files, exactly as Kaiten would see them.
        // The validator also counts the records per entity, from the files as written.
        // Packing only reads the staged files, like the validator: both cores work, and the zip is thrown
        // away (close) when validation refuses the package.
        writer.startPacking(output);
        Validator.validate(writer.stage(), report).counts().forEach(report::count);
        boolean ok = report.errors() == 0 || force;
        if (ok) {
            say("… writing " + output);
            writer.publish(output);
        }
        return new Outcome(report, ok);
    }

    private String appliesTo(String optionName) {
        return givenOptions.entrySet().stream().filter(e -> e.getValue().contains(optionName))
                .map(e -> String.join(" and ", SourceAdapters.standard().usersOf(e.getKey())) + " exports")
                .findFirst().orElse("other exports");
    }

    private void say(String line) {
        if (progress != null) {
            progress.accept(line);
        }
    }
}
