package io.kaitenimport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Excel commands end to end through the command line: template, auto-detected convert, one-line errors. */
class XlsxCliTest {
    @TempDir
    Path tmp;

    @Test
    void templateIsWrittenOnceAndNotOverwrittenWithoutForce() {
        Path file = tmp.resolve("import-template.xlsx");
        Cli.Run r = Cli.run("template", "-o", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(file));
        Cli.Run again = Cli.run("template", "-o", file.toString());
        assertEquals(ExitCodes.USAGE, again.exit());
        assertTrue(again.err().contains("use --force"), again.err());
        assertEquals(0, Cli.run("template", "-o", file.toString(), "--force").exit());
    }

    @Test
    void sampleWorkbookIsDetectedConvertedAndValid() {
        Path out = tmp.resolve("plan.zip");
        Cli.Run r = Cli.run("convert", "sample-exports/xlsx/project-plan.xlsx", "-o", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("source:        xlsx"), r.out());
        assertTrue(Files.isRegularFile(out));
        assertEquals(0, Cli.run("validate", out.toString(), "-q").exit());
    }

    @Test
    void wrongSheetIsOneLineListingTheSheets() {
        Cli.Run r = Cli.run("convert", "sample-exports/xlsx/project-plan.xlsx", "--sheet", "Tasks", "-o",
                tmp.resolve("x.zip").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("no sheet 'Tasks'; the workbook has 'Plan' (1), 'Lookups' (2)"), r.err());
        assertFalse(r.err().contains("\tat "));
        assertFalse(Files.exists(tmp.resolve("x.zip")));
    }
}
