package io.kaitenimport.report;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.model.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The terminal report stays short on a big export, ranks losses, shows relative paths and ends with next steps. */
class TextReportTest {
    @TempDir
    Path tmp;

    /** A run like a big Trello board: many people without email, many losses of every rank. */
    private static Report big(Path cwd) {
        Report r = new Report("convert");
        String input = cwd.resolve("exports/board.json").toString();
        r.fact("input", input);
        r.fact("source", "trello");
        r.fact("output", cwd.resolve("board.zip").toString());
        r.count(Entity.BOARDS, 1);
        r.count(Entity.COLUMNS, 12);
        r.count(Entity.CARDS, 876);
        r.count(Entity.COMMENTS, 5525);
        for (int i = 0; i < 131; i++) {
            r.add(IssueCode.SOURCE_USER_UNMAPPED, Location.record("board.json", (long) i, "m" + i, "/members/" + i),
                    "'person " + i + "' has no email (add them to the --users file); their references are dropped");
        }
        for (int i = 0; i < 40; i++) {
            r.add(IssueCode.SOURCE_ATTACHMENT, Location.record("board.json", (long) i, "c" + i, "/cards/" + i),
                    "'f" + i + ".png' is not packaged");
        }
        r.losses().lost("trello card.pos", "Kaiten has no card order inside a column (no card sort_order)", 876,
                Location.record("board.json", 0L, "c0", "/cards/0"));
        r.losses().lost("trello card.badges.comments", "comment not in export", 1282, Location.NONE);
        r.losses().lost("trello action.updateCard", "card history other than list moves", 2000, Location.NONE);
        for (int i = 0; i < 30; i++) {
            r.losses().lost("trello field" + i, "no place in Kaiten", i + 1,
                    Location.record(input, null, null, "/x/" + i));
        }
        return r;
    }

    private static String render(Report r, int maxIssues, Path cwd) {
        StringWriter s = new StringWriter();
        new TextReport(maxIssues, new Display(cwd)).render(r, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void shortRankedRelativeWithNextSteps() {
        Path cwd = tmp.toAbsolutePath();
        String text = render(big(cwd), 5, cwd);
        String[] lines = text.split("\n");
        assertTrue(lines.length <= 42, lines.length + " lines:\n" + text);
        for (String l : lines) {
            assertTrue(l.length() <= 150, "too wide: " + l);
        }
        assertFalse(text.contains(cwd.toString()), "paths relative to the working directory:\n" + text);
        assertTrue(text.contains("input:         exports/board.json"), text);
        assertTrue(text.contains("Package contents: 1 board, 12 columns, 876 cards, 5,525 comments"), text);
        // Headline counts content and history; card.pos is harmless and set apart, not summed in.
        assertTrue(text.contains("Data loss: 1,747 values of content, 2,000 history events; 876 harmless"), text);
        String firstLoss = text.substring(text.indexOf("Data loss:")).lines().skip(1).findFirst().orElseThrow();
        assertEquals("     1,282 × trello card.badges.comments — comment not in export", firstLoss, "content ranked first");
        assertFalse(text.contains("× trello card.pos"), "harmless losses are not listed on the terminal");
        assertTrue(text.contains("Next steps\n  1. 131 people need an email → add them to a users file"), text);
        assertTrue(text.contains("2. 40 attachments will be links, not files → download the files"), text);
        // Single issues: one of each code in turn, not five near-identical lines.
        assertTrue(text.contains("source.attachment at /cards/0"), text);
        assertTrue(text.contains("source.user-unmapped at /members/0"), text);
    }

    @Test
    void maxIssuesShowsMore() {
        Path cwd = tmp.toAbsolutePath();
        String text = render(big(cwd), 30, cwd);
        assertEquals(30, text.lines().filter(l -> l.startsWith("  warning source.")).count()
                - text.lines().filter(l -> l.matches("  warning source\\.\\S+ +[0-9,]+  .*")).count());
    }

    @Test
    void quietPrintsOnlyTheResultLine() throws Exception {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "ID,Title,Status\n1,A,Done\n");
        Cli.Run r = Cli.run("convert", csv.toString(), "-o", tmp.resolve("t.zip").toString(), "-q");
        assertEquals(0, r.exit(), r.all());
        assertEquals("Package written: " + tmp.resolve("t.zip") + "\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void validateOfACsvPointsToConvert() throws Exception {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "ID,Title,Status\n1,A,Done\n");
        Cli.Run r = Cli.run("validate", csv.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("not a package; convert it first: kaiten-import convert " + csv), r.err());
        assertFalse(r.all().contains("Data loss: none"));
    }

    @Test
    void realBoardFitsTheScreen() {
        Path real = Path.of("../shared/real-exports/trello/marques-work__gocd-test-drive__trello.json");
        assumeTrue(Files.isRegularFile(real), "real exports not available");
        Cli.Run r = Cli.run("convert", real.toString(), "-o", tmp.resolve("g.zip").toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().lines().count() <= 40, r.out());
        assertTrue(r.out().contains("Next steps"), r.out());
    }
}
