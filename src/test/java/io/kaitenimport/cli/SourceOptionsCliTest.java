package io.kaitenimport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adapter options: typed, shown per source, rejected at once when wrong, reported when they do not apply. */
class SourceOptionsCliTest {
    static final String CSV = "sample-exports/csv/tasks-en.csv";
    static final String USERS = "sample-exports/csv/users.csv";

    @TempDir
    Path tmp;

    @Test
    void helpShowsOneSectionPerSourceOptionsClass() {
        Cli.Run r = Cli.run("convert", "--help");
        assertEquals(0, r.exit());
        String help = r.out();
        int csv = help.indexOf("\nasana-csv and jira-csv and csv options:");
        int tabular = help.indexOf("xlsx and csv options:");
        int jira = help.indexOf("jira and jira-csv options:");
        int trello = help.indexOf("trello options:");
        int xlsx = help.indexOf("xlsx options:");
        assertTrue(csv > 0 && tabular > 0 && jira > 0 && trello > 0 && xlsx > 0, help);
        assertTrue(help.indexOf("--board-per", jira) > jira, "--board-per under the jira section");
        assertTrue(help.indexOf("--date-order", tabular) > tabular, "--date-order under the xlsx and csv section");
        assertTrue(help.replaceAll("\\s+", " ").contains("auto, day-first, month-first"), "choices listed");
    }

    @Test
    void badChoiceFailsAtOnceWithTheChoicesListed() {
        for (String[] bad : new String[][]{{"--date-order", "bogus", "auto, day-first, month-first"},
                {"--board-per", "bogus", "project, all"}, {"--archived-lists", "nonsense", "keep, drop-column"},
                {"--unmapped-users", "maybe", "drop, fail"}, {"--time-zone", "Mars/Base", "unknown time zone"},
                {"--encoding", "klingon-8", "unknown character set"}}) {
            Cli.Run r = Cli.run("convert", CSV, "-o", tmp.resolve("x.zip").toString(), bad[0], bad[1]);
            assertEquals(2, r.exit(), String.join(" ", bad));
            assertTrue(r.err().contains(bad[0]) && r.err().contains(bad[2]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(tmp.resolve("x.zip")));
        }
    }

    @Test
    void optionsOfAnotherSourceAreWarnedAboutNotSilentlyIgnored() throws Exception {
        Path json = tmp.resolve("r.json");
        Cli.Run r = Cli.run("convert", CSV, "--users", USERS, "-o", tmp.resolve("x.zip").toString(),
                "--board-per", "all", "--archived-lists", "drop-column", "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        JsonNode report = Json.MAPPER.readTree(json.toFile());
        String issues = report.path("issues").toString();
        assertTrue(issues.contains("--board-per applies to jira and jira-csv exports, not to a CSV export; ignored"), issues);
        assertTrue(issues.contains("--archived-lists applies to trello exports, not to a CSV export; ignored"), issues);
    }

    @Test
    void optionsOfTheDetectedSourceAreNotWarnedAbout() throws Exception {
        Path json = tmp.resolve("r.json");
        Cli.Run r = Cli.run("convert", CSV, "--users", USERS, "-o", tmp.resolve("x.zip").toString(),
                "--date-order", "month-first", "--lenient-values", "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        assertFalse(Files.readString(json).contains("option.ignored"));
    }

    @Test
    void severalInputsForAOneFileSourceAreMergedNotDropped() throws Exception {
        Path second = Files.copy(Path.of(CSV), tmp.resolve("second.csv"));
        Path out = tmp.resolve("x");
        Cli.Run r = Cli.run("convert", CSV, second.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("input 1:"), r.out());
        assertTrue(r.out().contains("input 2:"), r.out());
        // each CSV keeps its own encoding line
        assertTrue(r.out().contains("input 1 encoding:") && r.out().contains("input 2 encoding:"), r.out());
        String boards = Files.readString(out.resolve("boards_0.json"));
        // each input keeps its own board, space and ids
        assertTrue(boards.contains("\"id\" : \"i1-") && boards.contains("\"id\" : \"i2-"), boards);
        assertTrue(Files.readString(out.resolve("spaces_0.json")).contains("\"title\" : \"second\""));
    }

    @Test
    void inputsOfDifferentKindsAreRefused() {
        Path out = tmp.resolve("x.zip");
        Cli.Run r = Cli.run("convert", "--from", "jira", "sample-exports/jira/server-v2-search.json", CSV,
                "-o", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFolderIsRefusedBySourcesThatReadOneFile() {
        Cli.Run r = Cli.run("convert", "--from", "csv", "sample-exports/csv", "-o", tmp.resolve("x.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("is a folder; a CSV export is one file"), r.err());
    }
}
