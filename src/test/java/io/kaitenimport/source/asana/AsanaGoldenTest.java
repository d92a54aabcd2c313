package io.kaitenimport.source.asana;

import io.kaitenimport.GoldenFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The invented Asana samples (JSON: two projects, a task in both, nested subtasks, html_notes, every custom-field
 * type, comment/section-change/system stories, likes, an uploaded, a Drive and a missing attachment, a milestone,
 * an approval, a dangling dependency; CSV: BOM, a parent named with a trailing space, a repeated parent name,
 * an Excel-rounded id, an invalid email, dependency and custom-field columns) convert to exactly the reviewed golden
 * packages and reports. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class AsanaGoldenTest {
    @TempDir
    Path tmp;

    private static SourceOptions options() {
        return SourceOptions.of(CommonOptions.defaults().withUsers(AsanaTesting.SAMPLE_DIR.resolve("users.csv"))
                .withAttachments(AsanaTesting.SAMPLE_DIR.resolve("attachments")).withSpace("Launch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"launch-plan.json", "launch-plan.csv"})
    void sampleMatchesGoldenPackage(String name) throws IOException {
        Path input = AsanaTesting.SAMPLE_DIR.resolve(name);
        Path golden = Path.of("src/test/resources/golden/asana", name.replace('.', '-'));
        Path out = tmp.resolve("pkg");
        Converter.Outcome outcome = AsanaTesting.convert(input, options(), out);
        String report = AsanaTesting.describe(outcome.report());
        assertEquals(0, outcome.report().errors(), report);
        assertTrue(outcome.written());
        Files.writeString(out.resolve("report.txt"), report, StandardCharsets.UTF_8);
        GoldenFiles.assertMatches(golden, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"launch-plan.json", "launch-plan.csv"})
    void convertingTwiceGivesIdenticalBytes(String name) throws IOException {
        Path input = AsanaTesting.SAMPLE_DIR.resolve(name);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        AsanaTesting.convert(input, options(), a);
        AsanaTesting.convert(input, options(), b);
        assertEquals(files(a), files(b));
        for (Path f : files(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
