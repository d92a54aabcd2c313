package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Report;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import io.kaitenimport.validate.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: converts one export with an adapter into a staged, validated package and reads records back. */
final class JiraCsvRun implements AutoCloseable {
    final Report report = new Report("convert");
    final PackageWriter writer;
    final Path stage;

    private JiraCsvRun(PackageWriter writer) {
        this.writer = writer;
        this.stage = writer.stage();
    }

    static JiraCsvRun convert(SourceAdapter adapter, Path out, SourceOptions options, Path usersFile, Path input)
            throws IOException {
        JiraCsvRun run = new JiraCsvRun(new PackageWriter(out, 1000));
        Users users = usersFile == null ? Users.none(options.common().unmappedUsers(), run.report)
                : Users.load(usersFile, options.common().unmappedUsers(), run.report);
        SourceContext ctx = new SourceContext(List.of(input), options, run.report, users);
        adapter.read(ctx, run.writer);
        users.emit(run.writer);
        run.writer.finish();
        Validator.validate(run.stage, run.report).counts().forEach(run.report::count);
        return run;
    }

    static JiraCsvRun csv(Path out, SourceOptions options, Path usersFile, Path input) throws IOException {
        return convert(new JiraCsvSourceAdapter(), out, options, usersFile, input);
    }

    List<JsonNode> records(String entity) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(stage)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(entity + "_")).sorted().toList()) {
                Json.MAPPER.readTree(p.toFile()).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
