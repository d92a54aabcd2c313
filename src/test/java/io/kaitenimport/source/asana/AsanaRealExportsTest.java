package io.kaitenimport.source.asana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.Report;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Asana export in ../shared/real-exports/asana (and the invented samples) converts to a package without
 * validation errors, and its tasks, subtasks, sections, comments, dependencies and custom values — counted
 * independently from the file — are each in the package or counted as lost.
 */
class AsanaRealExportsTest {
    private static final Path REAL = Path.of("../shared/real-exports/asana");

    static List<Path> files() throws IOException {
        List<Path> out = new java.util.ArrayList<>(List.of(AsanaTesting.JSON, AsanaTesting.CSV));
        if (Files.isDirectory(REAL)) {
            try (Stream<Path> s = Files.list(REAL)) {
                out.addAll(s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv")).sorted()
                        .toList());
            }
        } else {
            out.add(REAL.resolve("absent"));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everythingIsCarriedOrCounted(Path file, @TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(file), "real exports are not available here");
        AsanaSourceCounts source = AsanaSourceCounts.of(file);
        Path out = tmp.resolve("pkg");
        Converter.Outcome outcome = AsanaTesting.convert(file, SourceOptions.defaults(), out);
        Report report = outcome.report();
        assertEquals(0, report.errors(), () -> AsanaTesting.describe(report));
        assertTrue(outcome.written());
        assertTrue(source.tasks() > 0);
        boolean csv = file.toString().endsWith(".csv");
        List<JsonNode> cards = list(AsanaTesting.records(out, "cards"));
        assertEquals(source.tasks(), cards.size() + report.losses().count("asana task"), "tasks");
        long parents = cards.stream().mapToLong(c -> c.path("parent_card_ids").size()).sum();
        assertEquals(source.subtasks(), parents + report.losses().count(csv ? "asana csv Parent task"
                : "asana task.parent"), "subtasks");
        Set<String> sectionColumns = new HashSet<>();
        for (JsonNode c : AsanaTesting.records(out, "columns")) {
            String id = c.path("id").asText();
            if (!id.endsWith("-done") && !id.endsWith("-no-section")) {
                sectionColumns.add(id);
            }
        }
        assertEquals(source.sections(), sectionColumns.size(), "sections");
        long comments = list(AsanaTesting.records(out, "comments")).stream()
                .filter(c -> !c.path("id").asText().contains("-part")).count();
        assertEquals(source.comments(), comments + report.losses().count("asana story.comment"), "comments");
        long blockedBy = cards.stream().mapToLong(c -> c.path("blocked_by_card_ids").size()).sum();
        long blocks = cards.stream().mapToLong(c -> c.path("blocks_card_ids").size()).sum();
        assertEquals(blockedBy, blocks, "dependencies are symmetric");
        assertEquals(source.dependencies(), blockedBy + report.losses().count("asana task.dependencies"),
                "dependencies");
        long properties = cards.stream().mapToLong(c -> c.path("properties").size()).sum();
        assertEquals(source.customValues(), properties + AsanaTesting.lost(report, "asana custom field"),
                "custom values");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
