package io.kaitenimport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping command on the command line: output, refusals and exit codes. */
class MappingCliTest {
    private static final String JIRA_CSV = "sample-exports/jira-csv/server-v2.csv";

    @Test
    void writesToStandardOutputOrAFileAndConvertReadsItBack(@TempDir Path tmp) throws IOException {
        Cli.Run out = Cli.run("mapping", JIRA_CSV);
        assertEquals(0, out.exit(), out.err());
        assertTrue(out.out().contains("\"Custom field (Rank)\" → skip by design"), out.out());
        Path yaml = tmp.resolve("m.yaml");
        Cli.Run file = Cli.run("mapping", JIRA_CSV, "-o", yaml.toString());
        assertEquals(0, file.exit(), file.err());
        assertEquals(out.out(), Files.readString(yaml));
        Cli.Run again = Cli.run("mapping", JIRA_CSV, "-o", yaml.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("file exists; use --force"), again.err());
        Cli.Run convert = Cli.run("convert", JIRA_CSV, "--mapping", yaml.toString(), "--users",
                "sample-exports/jira-csv/users.csv", "-o", tmp.resolve("p.zip").toString());
        assertEquals(0, convert.exit(), convert.all());
        assertTrue(convert.out().contains("source:        jira-csv"), convert.out());
    }

    @Test
    void theDraftSaysWhatACheckboxOrUrlColumnBecomesInThePackage(@TempDir Path tmp) throws IOException {
        Path csv = Files.writeString(tmp.resolve("t.csv"), """
                Title,Urgent,Spec
                A,yes,https://example.com/a
                B,no,https://example.com/b
                """);
        Path mapping = Files.writeString(tmp.resolve("m.yaml"), """
                custom_fields:
                  - {header: Urgent, type: checkbox}
                """);
        Cli.Run r = Cli.run("mapping", csv.toString(), "--mapping", mapping.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("custom field 'Urgent' (checkbox; written as a select with one option 'Yes':"
                + " Kaiten's import has no checkbox type)"), r.out());
        assertTrue(r.out().contains("proposed below as a url custom field (all values are URLs; written as string:"
                + " Kaiten's import has no url type)"), r.out());
    }

    @Test
    void refusesWhatItCannotDraftWithOneLine(@TempDir Path tmp) {
        Cli.Run json = Cli.run("mapping", "sample-exports/jira/server-v2-search.json");
        assertEquals(2, json.exit());
        assertTrue(json.err().contains("proposes mappings for CSV and Excel exports"), json.err());
        assertFalse(json.err().contains("Exception"), json.err());
        Cli.Run missing = Cli.run("mapping", tmp.resolve("none.csv").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
