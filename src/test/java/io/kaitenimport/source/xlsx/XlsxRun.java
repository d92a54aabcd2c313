package io.kaitenimport.source.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Report;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.Severity;
import io.kaitenimport.validate.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Converts a workbook into a staged package the way the pipeline does, and reads the result back. */
final class XlsxRun implements AutoCloseable {
    final Report report = new Report("convert");
    final PackageWriter writer;

    private XlsxRun(PackageWriter writer) {
        this.writer = writer;
    }

    static XlsxRun convert(Path workbook, Path work, SourceOptions options) throws IOException {
        Files.createDirectories(work);
        XlsxRun run = new XlsxRun(new PackageWriter(work.resolve("pkg"), 50_000));
        Users users = Users.load(options.common().usersFile(), options.common().unmappedUsers(), run.report);
        new XlsxSourceAdapter().read(new SourceContext(List.of(workbook), options, run.report, users), run.writer);
        users.emit(run.writer);
        run.writer.finish();
        Validator.validate(run.writer.stage(), run.report).counts().forEach(run.report::count);
        return run;
    }

    static XlsxRun convert(Path workbook, Path work) throws IOException {
        return convert(workbook, work, SourceOptions.defaults());
    }

    static SourceOptions withSheet(String sheet) {
        return SourceOptions.of(CommonOptions.defaults(), new XlsxOptions().sheet(sheet));
    }

    static SourceOptions withHidden() {
        return SourceOptions.of(CommonOptions.defaults(), new XlsxOptions().includeHidden(true));
    }

    static SourceOptions withMapping(Path mapping) {
        return SourceOptions.of(CommonOptions.defaults().withMapping(mapping));
    }

    /** All records of an entity, across its shards. */
    List<JsonNode> records(String entity) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(writer.stage())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(entity + "_")).sorted().toList()) {
                Json.MAPPER.readTree(f.toFile()).forEach(out::add);
            }
        }
        return out;
    }

    long errors() {
        return report.errors();
    }

    List<String> messages() {
        return report.issues().stream().map(Issue::toString).toList();
    }

    long lost(String fieldSuffix) {
        return report.losses().entries().stream().filter(e -> e.sourceField().endsWith(fieldSuffix))
                .mapToLong(e -> e.count()).sum();
    }

    List<String> errorMessages() {
        return report.issuesOf(Severity.ERROR).stream().map(Issue::toString).toList();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
