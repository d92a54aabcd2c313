package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Report;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import io.kaitenimport.validate.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: converts Jira inputs into a staged package (validated) and reads its entity files back. */
final class JiraRun implements AutoCloseable {
    final Report report = new Report("convert");
    final PackageWriter writer;
    final Path stage;

    private JiraRun(PackageWriter writer) {
        this.writer = writer;
        this.stage = writer.stage();
    }

    /** Defaults, except that what people without an email authored goes to one placeholder user. */
    static final SourceOptions PLACEHOLDER = SourceOptions.of(CommonOptions.defaults()
            .withUnmappedUsers(CommonOptions.UnmappedUsers.placeholder("ghost@example.com")));

    /** Options with only the Jira-relevant parts set; null/false means the default. */
    static SourceOptions options(Path mapping, String spaceTitle, Path attachments, String boardPer,
                                 boolean includeRestricted) {
        JiraOptions jira = new JiraOptions().includeRestricted(includeRestricted);
        if (boardPer != null) {
            jira.boardPer(new JiraOptions.BoardPer.Words().convert(boardPer));
        }
        return SourceOptions.of(CommonOptions.defaults().withMapping(mapping).withSpace(spaceTitle)
                .withAttachments(attachments), jira);
    }

    static JiraRun convert(Path out, SourceOptions options, Path... inputs) throws IOException {
        return withUsers(out, options, null, inputs);
    }

    static JiraRun withUsers(Path out, SourceOptions options, Path usersFile, Path... inputs) throws IOException {
        JiraRun run = new JiraRun(new PackageWriter(out, 1000));
        Users users = usersFile == null ? Users.none(options.common().unmappedUsers(), run.report)
                : Users.load(usersFile, options.common().unmappedUsers(), run.report);
        SourceContext ctx = new SourceContext(List.of(inputs), options, run.report, users);
        new JiraSourceAdapter().read(ctx, run.writer);
        users.emit(run.writer);
        run.writer.finish();
        Validator.validate(run.stage, run.report).counts().forEach(run.report::count);
        return run;
    }

    /** All records of an entity, across its shards. */
    List<JsonNode> records(String entity) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(stage)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(entity + "_")).sorted().toList()) {
                Json.MAPPER.readTree(p.toFile()).forEach(out::add);
            }
        }
        return out;
    }

    long lost(String prefix) {
        return report.losses().entries().stream().filter(e -> e.sourceField().startsWith(prefix))
                .mapToLong(e -> e.count()).sum();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
