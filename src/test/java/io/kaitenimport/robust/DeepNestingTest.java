package io.kaitenimport.robust;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.source.text.HtmlToMarkdown;
import io.kaitenimport.source.text.TextConversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our own recursive code has depth budgets (issue 14): deeply nested HTML overflowed the stack of the HTML to
 * Markdown converter at 2,000 levels and kept a Notion page busy for minutes at 30,000.
 */
class DeepNestingTest {
    @TempDir
    Path tmp;

    private static String nested(int n) {
        return "<div><b>".repeat(n) + "deep text" + "</b></div>".repeat(n);
    }

    @Test
    void htmlNestedBeyondTheBudgetKeepsItsTextAndSaysSo() {
        TextConversion c = HtmlToMarkdown.convert(nested(5_000));
        assertEquals("deep text\n", c.markdown());
        assertTrue(c.toString().contains("nested deeper than " + HtmlToMarkdown.MAX_DEPTH), c.toString());
    }

    @Test
    void htmlWithinTheBudgetIsConvertedAsBefore() {
        assertEquals("**deep text**\n", HtmlToMarkdown.convert("<div>".repeat(200) + "<b>deep text</b>"
                + "</div>".repeat(200)).markdown());
    }

    @Test
    void aNotionPageNestedThirtyThousandDeepIsRefusedAtOnceNamingTheLimit() throws IOException {
        Path export = Files.createDirectories(tmp.resolve("notion"));
        Files.writeString(export.resolve("Deep 0123456789abcdef0123456789abcdef.html"),
                "<html><head><title>Deep</title></head><body>" + nested(30_000) + "</body></html>");
        // a hang guard, not a speed claim: this took about two minutes before the budget
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("convert", export.toString(),
                "--from", "notion", "-o", tmp.resolve("o.zip").toString()));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("Deep 0123456789abcdef0123456789abcdef.html")
                && r.err().contains("more than " + HtmlToMarkdown.MAX_DEPTH + " deep"), r.err());
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(Files.exists(tmp.resolve("o.zip")));
    }
}
