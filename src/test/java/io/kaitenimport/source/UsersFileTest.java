package io.kaitenimport.source;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users file: Excel's ';' CSV is read; I/O errors keep their reason; a syntax error names its line. */
class UsersFileTest {
    @TempDir
    Path tmp;

    @Test
    void semicolonUsersFileIsRead() throws Exception {
        Path users = Files.writeString(tmp.resolve("users.csv"),
                "source;email;full_name\nbob;bob@example.com;Bob Builder\nалиса;alice@example.com;Алиса\n");
        Path csv = Files.writeString(tmp.resolve("t.csv"), "ID,Title,Status,Assignee\n1,A,Done,bob\n2,B,Done,алиса\n");
        Cli.Run r = Cli.run("convert", csv.toString(), "-o", tmp.resolve("t.zip").toString(), "--users",
                users.toString(), "--fail-on", "warning");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(2 entries)"), r.out());
    }

    @Test
    void ioErrorsKeepTheirReason() throws Exception {
        SourceException missing = assertThrows(SourceException.class, () -> Users.load(tmp.resolve("u.csv"),
                CommonOptions.UnmappedUsers.DROP, new Report("convert")));
        assertTrue(missing.describe().endsWith("u.csv: cannot read users file: no such file"), missing.describe());
        Path latin = Files.write(tmp.resolve("l.csv"), "source,email\nJosé,jose@example.com\n"
                .getBytes(Charset.forName("windows-1252")));
        SourceException encoding = assertThrows(SourceException.class, () -> Users.load(latin,
                CommonOptions.UnmappedUsers.DROP, new Report("convert")));
        assertTrue(encoding.getMessage().contains("not UTF-8 text"), encoding.getMessage());
        assertTrue(!encoding.getMessage().contains("Input length"), encoding.getMessage());
    }

    @Test
    void aSyntaxErrorNamesItsLineEvenPastLine999() throws Exception {
        SourceException e = loadFailing("bad,\"bad@example.com\"x\n");
        assertEquals(1502L, e.location().line(), e.describe());
        assertTrue(e.getMessage().startsWith("users file: text follows a closing quote"), e.getMessage());
        assertTrue(!e.getMessage().contains("position"), e.getMessage());
    }

    /** Commons CSV words an unclosed quote "(startline N) EOF reached…": the line must still come through. */
    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() throws Exception {
        SourceException e = loadFailing("bad,\"bad@example.com\nmore,more@example.com\n");
        assertEquals(1502L, e.location().line(), e.describe());
        assertTrue(e.getMessage().startsWith("users file: a quoted cell in the row starting on this line is never"
                + " closed"), e.getMessage());
    }

    /** Loads a users file of 1,500 good rows (header on line 1) followed by {@code rest}, which must fail. */
    private SourceException loadFailing(String rest) throws Exception {
        StringBuilder b = new StringBuilder("source,email\n");
        for (int i = 0; i < 1500; i++) {
            b.append("u").append(i).append(",u").append(i).append("@example.com\n");
        }
        Path users = Files.writeString(tmp.resolve("big-users.csv"), b.append(rest).toString());
        return assertThrows(SourceException.class, () -> Users.load(users, CommonOptions.UnmappedUsers.DROP,
                new Report("convert")));
    }
}
