package io.kaitenimport.source.asana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs the real pipeline (adapter → package writer → validator) and reads the package back. */
final class AsanaTesting {
    static final Path SAMPLE_DIR = Path.of("sample-exports/asana");
    static final Path JSON = SAMPLE_DIR.resolve("launch-plan.json");
    static final Path CSV = SAMPLE_DIR.resolve("launch-plan.csv");

    private AsanaTesting() {
    }

    static SourceAdapter adapterFor(Path file) {
        return file.toString().endsWith(".csv") ? new AsanaCsvSourceAdapter() : new AsanaSourceAdapter();
    }

    static Converter.Outcome convert(Path input, SourceOptions options, Path output) throws IOException {
        return new Converter(adapterFor(input), options, 50_000, false).convert(List.of(input), output);
    }

    static ArrayNode records(Path pkg, String entity) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        JsonNode meta = Json.MAPPER.readTree(pkg.resolve("meta-data.json").toFile());
        for (JsonNode p : meta.path("entities_paths_map").path(entity)) {
            all.addAll((ArrayNode) Json.MAPPER.readTree(pkg.resolve(p.asText()).toFile()));
        }
        return all;
    }

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

    /** Sum of the losses whose field starts with {@code prefix}. */
    static long lost(Report report, String prefix) {
        return report.losses().entries().stream().filter(e -> e.sourceField().startsWith(prefix))
                .mapToLong(LossLedger.Entry::count).sum();
    }
}
