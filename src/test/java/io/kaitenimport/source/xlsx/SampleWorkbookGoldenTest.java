package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invented sample workbook against its golden package, byte for byte, and twice for determinism. Refresh the
 * golden files with {@code -Dgolden.update=true} after a deliberate change, then read them before committing.
 */
class SampleWorkbookGoldenTest {
    static final Path SAMPLE = Path.of("sample-exports/xlsx/project-plan.xlsx");
    static final Path GOLDEN = Path.of("src/test/resources/golden/xlsx/project-plan");

    @Test
    void matchesGoldenPackage(@TempDir Path tmp) throws IOException {
        try (PackageRun run = XlsxRun.convert(SAMPLE, tmp.resolve("a"))) {
            assertEquals(0, run.errors(), run.messages().toString());
            if (Boolean.getBoolean("golden.update")) {
                copy(run.writer.stage(), GOLDEN);
            }
            List<String> expected = names(GOLDEN);
            assertEquals(expected, names(run.writer.stage()), "package files");
            for (String name : expected) {
                assertArrayEquals(Files.readAllBytes(GOLDEN.resolve(name)),
                        Files.readAllBytes(run.writer.stage().resolve(name)), name);
            }
        }
    }

    @Test
    void convertsTwiceToTheSameBytes(@TempDir Path tmp) throws IOException {
        try (PackageRun a = XlsxRun.convert(SAMPLE, tmp.resolve("a")); PackageRun b = XlsxRun.convert(SAMPLE, tmp.resolve("b"))) {
            List<String> files = names(a.writer.stage());
            assertEquals(files, names(b.writer.stage()));
            for (String name : files) {
                assertArrayEquals(Files.readAllBytes(a.writer.stage().resolve(name)),
                        Files.readAllBytes(b.writer.stage().resolve(name)), name);
            }
            assertEquals(a.messages(), b.messages());
        }
    }

    @Test
    void everyConstructIsCarriedOrReported(@TempDir Path tmp) throws IOException {
        try (PackageRun run = XlsxRun.convert(SAMPLE, tmp)) {
            List<JsonNode> cards = run.records("cards");
            assertEquals(List.of("GH-1", "GH-2", "GH-3", "GH-4", "GH-6", "GH-7"),
                    cards.stream().map(c -> c.get("id").asText()).toList(), "hidden row GH-5 skipped");
            JsonNode gh2 = cards.get(1);
            assertEquals("2024-03-11T14:30:00.000Z", gh2.at("/due_date/value").asText(), "date-time cell");
            assertEquals("Check battery life", gh2.at("/checklists/0/items/2/text").asText());
            assertTrue(gh2.at("/checklists/0/items/2/checked").asBoolean(), "[x] bullet is checked");
            JsonNode gh3 = cards.get(2);
            assertEquals(4.5, gh3.get("estimate_workload").asDouble(), "cached formula result");
            assertTrue(gh3.get("archived").asBoolean(), "boolean cell");
            assertEquals("Needs sign-off from finance", gh3.get("description").asText(), "rich text");
            assertEquals("https://example.org/plans/greenhouse-a", cards.get(0).at("/links/0/url").asText());
            assertEquals("Phase 2: Install", cards.get(3).at("/tags/0/name").asText(), "merged section row → tag");
            assertEquals("2024-04-02", cards.get(3).at("/due_date/value").asText());
            assertEquals(3, run.lost(" rows above the header"));
            assertEquals(1, run.lost(" hidden rows"));
            assertEquals(1, run.lost("[Lookups]"));
            assertEquals(1, run.lost(" section heading rows"), "Phase 3 has no tasks");
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (String name : names(from)) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }
}
