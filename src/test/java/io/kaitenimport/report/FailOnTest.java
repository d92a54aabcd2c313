package io.kaitenimport.report;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.LossLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --fail-on error|warning|loss: each level sets the documented exit code, on convert and validate. */
class FailOnTest {
    @TempDir
    Path tmp;

    /** A CSV with one unmapped column (data loss) and nobody without an email (no warnings). */
    private Path lossOnly() throws Exception {
        return Files.writeString(tmp.resolve("loss.csv"), "ID,Title,Status,Sprint\n1,Alpha,Done,S1\n2,Beta,To do,S2\n");
    }

    /** A CSV whose assignee has no email: a warning, and the dropped reference as data loss. */
    private Path warning() throws Exception {
        return Files.writeString(tmp.resolve("warn.csv"), "ID,Title,Status,Assignee\n1,Alpha,Done,bob\n");
    }

    private Cli.Run convert(Path csv, String... more) {
        String[] base = {"convert", csv.toString(), "-o", tmp.resolve(csv.getFileName() + ".zip").toString(), "-q"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    @Test
    void lossFailsOnlyWhenAsked() throws Exception {
        Path csv = lossOnly();
        assertEquals(0, convert(csv).exit());
        assertEquals(0, convert(csv, "--fail-on", "error").exit());
        assertEquals(0, convert(csv, "--fail-on", "warning").exit());
        Cli.Run r = convert(csv, "--fail-on", "loss");
        assertEquals(5, r.exit(), r.all());
        assertTrue(r.out().contains("Failing (--fail-on loss): 2 lost values."), r.out());
        assertTrue(Files.exists(tmp.resolve("loss.csv.zip")), "the package is still written; only the exit differs");
    }

    @Test
    void warningFailsWithWarningLevel() throws Exception {
        Path csv = warning();
        assertEquals(0, convert(csv).exit());
        Cli.Run r = convert(csv, "--fail-on", "warning");
        assertEquals(5, r.exit(), r.all());
        assertTrue(r.out().contains("1 warning"), r.out());
        assertEquals(5, convert(csv, "--fail-on", "warning,loss").exit());
        assertEquals(5, convert(csv, "--fail-on", "loss").exit(), "the dropped reference is a lost value");
    }

    @Test
    void errorsExitOneWhateverTheLevel() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(p.resolve("meta-data.json"), """
                {"entities":["boards","columns","cards"],"entities_paths_map":{"boards":["./b.json"],
                "columns":["./c.json"],"cards":["./k.json"]}}""");
        Files.writeString(p.resolve("b.json"), "[{\"id\":\"b1\",\"title\":\"B\"}]");
        Files.writeString(p.resolve("c.json"), "[{\"id\":\"c1\",\"title\":\"Todo\",\"board_id\":\"b1\",\"type\":1}]");
        Files.writeString(p.resolve("k.json"), "[{\"id\":\"k1\",\"title\":\"A\",\"column_id\":\"c9\"}]");
        for (String level : new String[] {"error", "warning", "loss"}) {
            assertEquals(1, Cli.run("validate", p.toString(), "-q", "--fail-on", level).exit(), level);
        }
        Files.writeString(p.resolve("k.json"), "[{\"id\":\"k1\",\"title\":\"A\",\"column_id\":\"c1\"}]");
        assertEquals(0, Cli.run("validate", p.toString(), "-q", "--fail-on", "warning,loss").exit());
    }

    @Test
    void unknownLevelIsAUsageError() throws Exception {
        Cli.Run r = convert(lossOnly(), "--fail-on", "info");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'info' is not one of error, warning, loss"), r.err());
    }

    @Test
    void harmlessLossesDoNotFail() {
        LossLedger l = new LossLedger();
        l.lost("trello card.pos", "Kaiten has no card order inside a column (no card sort_order)", 122, Location.NONE);
        l.lost("trello action.updateCard", "card history other than list moves", 399, Location.NONE);
        l.lost("trello card.idMembers", "person without email (not in --users file)", 121, Location.NONE);
        assertEquals(LossRank.HARMLESS, LossRank.of(l.entries().get(2)));
        assertEquals(LossRank.HISTORY, LossRank.of(l.entries().get(0)));
        assertEquals(LossRank.CONTENT, LossRank.of(l.entries().get(1)));
        assertEquals(520, FailOn.lostThatMatters(l));
        assertEquals("trello card.idMembers", LossRank.ranked(l.entries()).get(0).sourceField());
    }
}
