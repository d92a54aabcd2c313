package io.kaitenimport.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;
import io.kaitenimport.validate.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one test fixture that runs an adapter the way the pipeline does — adapter → package writer → users →
 * validator — into a staged package, and reads the result back. Adapter tests wrap it with their own defaults.
 */
public final class PackageRun implements AutoCloseable {
    public final Report report = new Report("convert");
    public final PackageWriter writer;
    public final Path stage;

    private PackageRun(PackageWriter writer) {
        this.writer = writer;
        this.stage = writer.stage();
    }

    /**
     * Converts {@code inputs} into a package staged for {@code out}, validated into {@link #report}.
     *
     * @param usersFile the --users file, or null for none
     */
    public static PackageRun convert(SourceAdapter adapter, SourceOptions options, Path usersFile, Path out,
                                     int shardSize, Path... inputs) throws IOException {
        PackageRun run = new PackageRun(new PackageWriter(out, shardSize));
        Users users = usersFile == null ? Users.none(options.common().unmappedUsers(), run.report)
                : Users.load(usersFile, options.common().unmappedUsers(), run.report);
        adapter.read(new SourceContext(List.of(inputs), options, run.report, users), run.writer);
        users.emit(run.writer);
        run.writer.finish();
        Validator.validate(run.stage, run.report).counts().forEach(run.report::count);
        return run;
    }

    /** All records of an entity, across its shards. */
    public List<JsonNode> records(String entity) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        records(stage, entity).forEach(out::add);
        return out;
    }

    /** All records of an entity in any package directory, across its shards in meta-data.json's order. */
    public static ArrayNode records(Path pkg, String entity) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        JsonNode meta = Json.MAPPER.readTree(pkg.resolve("meta-data.json").toFile());
        for (JsonNode p : meta.path("entities_paths_map").path(entity)) {
            all.addAll((ArrayNode) Json.MAPPER.readTree(pkg.resolve(p.asText()).toFile()));
        }
        return all;
    }

    public long errors() {
        return report.errors();
    }

    public List<String> messages() {
        return report.issues().stream().map(Issue::toString).toList();
    }

    public List<String> errorMessages() {
        return report.issuesOf(Severity.ERROR).stream().map(Issue::toString).toList();
    }

    /** Values counted as lost in source fields whose name ends with {@code fieldSuffix}. */
    public long lost(String fieldSuffix) {
        return report.losses().entries().stream().filter(e -> e.sourceField().endsWith(fieldSuffix))
                .mapToLong(LossLedger.Entry::count).sum();
    }

    /** The real validator's errors for a package directory or zip; empty means valid. */
    public static List<String> validationErrors(Path pkg) {
        Report report = new Report("validate");
        Validator.validate(pkg, report);
        return report.issuesOf(Severity.ERROR).stream().map(Issue::toString).toList();
    }

    /** Issues and losses in a stable text form, for golden files and assertion messages. */
    public static String describe(Report report) {
        StringBuilder sb = new StringBuilder("# issues\n");
        for (Issue i : report.issues()) {
            sb.append(i).append('\n');
        }
        sb.append("# losses\n");
        for (LossLedger.Entry e : report.losses().entries()) {
            sb.append(e.count()).append(" × ").append(e.sourceField()).append(" — ").append(e.reason())
                    .append(" (first at ").append(e.firstAt()).append(")\n");
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
