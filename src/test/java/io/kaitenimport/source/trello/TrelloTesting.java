package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.issue.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the real pipeline (adapter → package writer → validator) and reads the package back. */
final class TrelloTesting {
    static final Path SAMPLE_DIR = Path.of("sample-exports/trello");
    static final Path SAMPLE = SAMPLE_DIR.resolve("garden-board.json");

    private TrelloTesting() {
    }

    static SourceOptions options(Path mapping, Path users, String space, Path attachments, String archivedLists) {
        TrelloOptions trello = new TrelloOptions();
        if (archivedLists != null) {
            trello.archivedLists(new TrelloOptions.ArchivedLists.Words().convert(archivedLists));
        }
        return SourceOptions.of(CommonOptions.defaults().withMapping(mapping).withUsers(users).withSpace(space)
                .withAttachments(attachments), trello);
    }

    static Converter.Outcome convert(Path input, SourceOptions options, Path output) throws IOException {
        return new Converter(new TrelloSourceAdapter(), options, 50_000, false).convert(List.of(input), output);
    }

    /** All records of an entity, across its shards, as listed in meta-data.json. */
    static ArrayNode records(Path pkg, String entity) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        JsonNode meta = Json.MAPPER.readTree(pkg.resolve("meta-data.json").toFile());
        for (JsonNode p : meta.path("entities_paths_map").path(entity)) {
            all.addAll((ArrayNode) Json.MAPPER.readTree(pkg.resolve(p.asText()).toFile()));
        }
        return all;
    }

    /** Issues and losses in a stable text form, for golden files and assertion messages. */
    static String describe(Report report) {
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
}
