package io.kaitenimport.source.trello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.pipeline.SourceAdapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real Trello export (never copied into the project; skipped where the shared folder is absent) converts to
 * a package without validation errors, and everything it holds is either in the package or in the loss report.
 */
class TrelloRealExportsTest {
    private static final Path DIR = Path.of("../shared/real-exports/trello");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
            "christophenne__trello2planka__sample-board-export.json",
            "deck__data-trelloJson.json",
            "gorillalabs__pacs-spark__trello.json",
            "hanyscz__single-card-export__trello.json",
            "humberto-zayas__tekken-notes__trello-export.json",
            "marques-work__gocd-test-drive__trello.json",
            "wekan__import-formats__trello.json"})
    void convertsWithoutErrorsAndAccountsForEverything(String name) throws IOException {
        assumeTrue(Files.isDirectory(DIR), "real exports not present: " + DIR.toAbsolutePath());
        Path input = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(input), "real export not present: " + input);
        byte[] head = Arrays.copyOf(Files.readAllBytes(input), (int) Math.min(65536, Files.size(input)));
        assertEquals("trello", SourceAdapters.standard().all().stream().filter(a -> a.detect(input, head))
                .findFirst().orElseThrow().name(), "auto-detection");

        Path out = tmp.resolve("pkg");
        Converter.Outcome outcome = TrelloTesting.convert(input, TrelloTesting.options(null, null, null, null, null),
                out);
        String report = TrelloTesting.describe(outcome.report());
        assertEquals(0, outcome.report().errors(), report);
        assertTrue(outcome.written(), report);
        assertEquals(java.util.List.of(), PackageChecks.problems(out), "schema and reference problems");

        TrelloCounts source = TrelloCounts.source(input);
        TrelloCounts carried = TrelloCounts.carriedPlusLost(out, outcome.report().losses());
        assertEquals(source, carried, "source counts vs package + lost\n" + report);
        assertTrue(source.cards() > 0);
    }

    /** gocd's archived "Up Next" sits last in the export; the open "Done" list must stay the done column. */
    @Test
    void archivedLastListOfTheGocdBoardIsNotDone() throws IOException {
        Path input = DIR.resolve("marques-work__gocd-test-drive__trello.json");
        assumeTrue(Files.isRegularFile(input), "real export not present: " + input);
        Path out = tmp.resolve("pkg");
        TrelloTesting.convert(input, TrelloTesting.options(null, null, null, null, null), out);
        Map<String, Integer> types = new HashMap<>();
        TrelloTesting.records(out, "columns").forEach(c -> types.put(c.path("title").asText(), c.path("type").asInt()));
        assertEquals(2, types.get("Up Next"));
        assertEquals(3, types.get("Done"));
        assertEquals(1, types.get("Backlog/Future Work/Ideas"));
    }
}
