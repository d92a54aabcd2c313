package io.kaitenimport.source.trello;

import io.kaitenimport.GoldenFiles;

import io.kaitenimport.source.PackageRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invented sample board (labels incl. colour-only, an archived list and card, checklists, comments incl. one
 * over 4096 characters, all five custom-field types, link and upload attachments, a card move) converts to
 * exactly the reviewed golden package, byte for byte, every time. Regenerate with {@code -Dgolden.update=true}
 * and review the diff before committing.
 */
class TrelloGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/trello/garden-board");

    @TempDir
    Path tmp;

    private Converter.Outcome convert(Path out) throws IOException {
        SourceOptions options = TrelloTesting.options(null, TrelloTesting.SAMPLE_DIR.resolve("users.csv"),
                "Community garden", TrelloTesting.SAMPLE_DIR.resolve("attachments"), null);
        return TrelloTesting.convert(TrelloTesting.SAMPLE, options, out);
    }

    @Test
    void sampleBoardMatchesGoldenPackage() throws IOException {
        Path out = tmp.resolve("pkg");
        Converter.Outcome outcome = convert(out);
        String report = PackageRun.describe(outcome.report());
        assertEquals(0, outcome.report().errors(), report);
        assertTrue(outcome.written());
        assertEquals(List.of(), PackageRun.validationErrors(out), "schema and reference problems");
        Files.writeString(out.resolve("report.txt"), report, StandardCharsets.UTF_8);
        GoldenFiles.assertMatches(GOLDEN, out);
        assertEquals(TrelloCounts.source(TrelloTesting.SAMPLE),
                TrelloCounts.carriedPlusLost(out, outcome.report().losses()), report);
    }

    @Test
    void convertingTwiceGivesIdenticalBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        convert(a);
        convert(b);
        GoldenFiles.assertSameBytes(a, b);
    }

}
