package io.kaitenimport.source.csv;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end CSV behaviour and every malformed-input case: one line with the position, exit 2, nothing written. */
class CsvConvertTest {
    @TempDir
    Path tmp;

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    private Cli.Run convert(Path in, String... extra) {
        String[] args = Stream.concat(Stream.of("convert", in.toString(), "-o", tmp.resolve("out.zip").toString()),
                Stream.of(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    private void assertFailsCleanly(Cli.Run r, String... fragments) throws Exception {
        assertEquals(ExitCodes.USAGE, r.exit(), r.all());
        String firstLine = r.err().lines().findFirst().orElse("");
        for (String f : fragments) {
            assertTrue(firstLine.contains(f), "expected '" + f + "' in: " + firstLine);
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("out.zip")), "no output left behind");
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("staging")), "staging removed");
        }
    }

    @Test
    void unclosedQuoteNamesFileAndLine() throws Exception {
        Path f = csv("bad.csv", "title;description\nok;fine\nfoo;\"never closed\nstill inside\n");
        assertFailsCleanly(convert(f), "bad.csv:3", "never closed");
    }

    @Test
    void failedRunStillWritesTheRequestedJsonReport() throws Exception {
        Path f = csv("bad.csv", "title;description\nfoo;\"never closed\n");
        Path json = tmp.resolve("r.json");
        assertFailsCleanly(convert(f, "--report-json", json.toString()), "bad.csv:2");
        String report = Files.readString(json);
        assertTrue(report.contains("\"code\" : \"source.unreadable\""), report);
        assertTrue(report.contains("\"line\" : 2"), report);
        assertTrue(report.contains("\"package_written\" : false"), report);
    }

    @Test
    void invalidBytesForForcedEncoding() throws Exception {
        Path f = tmp.resolve("cp.csv");
        Files.write(f, "title,status\nЗадача,Готово\n".getBytes(Charset.forName("windows-1251")));
        assertFailsCleanly(convert(f, "--encoding", "UTF-8"), "cp.csv", "not valid UTF-8", "--encoding");
    }

    @Test
    void legacyEncodingIsDetectedAndReported() throws Exception {
        Path f = tmp.resolve("cp.csv");
        Files.write(f, "Название;Статус\nЗадача один;Готово\n".getBytes(Charset.forName("windows-1251")));
        Cli.Run r = convert(f);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("windows-1251"), r.out());
    }

    @Test
    void unknownMappingKeyNamesFileLineAndKey() throws Exception {
        Path m = Files.writeString(tmp.resolve("m.yaml"), "fields:\n  title: [Name]\ndefualt_column: X\n");
        Path f = csv("t.csv", "Name\nA\n");
        assertFailsCleanly(convert(f, "--mapping", m.toString()), "m.yaml:3", "defualt_column");
    }

    @Test
    void emptyFile() throws Exception {
        assertFailsCleanly(convert(csv("empty.csv", "")), "empty.csv", "empty");
    }

    @Test
    void headerWithoutRows() throws Exception {
        assertFailsCleanly(convert(csv("h.csv", "title,status\n")), "h.csv", "no data rows");
    }

    @Test
    void unparsableDateStopsWithCellPosition() throws Exception {
        Path f = csv("d.csv", "title,due\nA,2024-05-01\nB,31.02.2024\n");
        assertFailsCleanly(convert(f), "d.csv:3:2 [due]", "31.02.2024", "--lenient-values");
    }

    @Test
    void lenientValuesReportAndCountTheBadDate() throws Exception {
        Path f = csv("d.csv", "title,due\nA,2024-05-01\nB,someday\n");
        Path json = tmp.resolve("r.json");
        Cli.Run r = convert(f, "--lenient-values", "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        String report = Files.readString(json);
        assertTrue(report.contains("source.value-invalid"), report);
        assertTrue(report.contains("unreadable date value left empty"), report);
    }

    @Test
    void semicolonPreambleCrlfMultilineRaggedRows() throws Exception {
        String text = "Exported 2024-05-01\r\nby: tool\r\n"
                + "Title;Status;Description;Tags\r\n"
                + "One;To do;\"line 1\r\nline 2; with semicolon\";a, b\r\n"
                + "Two;Done\r\n"
                + "Three;Done;x;y;EXTRA\r\n";
        Path json = tmp.resolve("r.json");
        Cli.Run r = convert(csv("p.csv", text), "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        String report = Files.readString(json);
        assertTrue(report.contains("header on line 3"), report);
        assertTrue(report.contains("\"cards\" : 3"), report);
        assertTrue(report.contains("cells beyond the header"), report);
        assertTrue(report.contains("\"line\" : 7"), "extra cell located on its line: " + report);
    }

    @Test
    void monthFirstDatesAreDecidedFromTheData() throws Exception {
        Path f = csv("us.csv", "title,due\nA,03/04/2024\nB,12/25/2024\n");
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", f.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        String cards = Files.readString(out.resolve("cards_0.json"));
        assertTrue(cards.contains("\"2024-03-04\""), cards);
        assertTrue(cards.contains("\"2024-12-25\""), cards);
    }

    @Test
    void parentCycleIsBrokenAtTheLinkThatClosesIt() throws Exception {
        Path f = csv("c.csv", "id,title,parent\nA,a,B\nB,b,C\nC,c,A\n");
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", f.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        // The terminal names positions in the one export by line:column (its name is in the input line).
        assertTrue(r.out().contains("line 4:3 [parent]: parent 'A' would make a parent/child cycle"), r.out());
        String cards = Files.readString(out.resolve("cards_0.json"));
        assertTrue(cards.contains("\"parent_card_ids\" : [\n    \"B\"\n  ]"), cards);
    }

    @Test
    void badColumnTypeStopsAtTheMappingLineBeforeAnythingIsWritten() throws Exception {
        // Once found only by the validator in columns_0.json; now refused where it is written.
        Path m = Files.writeString(tmp.resolve("m.yaml"), "columns:\n  Done: 7\n");
        Path f = csv("v.csv", "title,status\nA,Done\n");
        for (String force : new String[] {"--mapping", "--force"}) {
            Cli.Run r = force.equals("--force") ? convert(f, "--mapping", m.toString(), "--force")
                    : convert(f, "--mapping", m.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), r.all());
            assertTrue(r.err().contains("m.yaml:2:9 [columns.Done]: column type must be 1 (queued), 2 (in progress) or 3 "
                    + "(done), not 7"), r.err());
            assertFalse(Files.exists(tmp.resolve("out.zip")));
        }
    }

    @Test
    void neverOverwritesAUsersFolderOrTheExport() throws Exception {
        Path f = csv("ok.csv", "title\nA\n");
        Path folder = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(folder.resolve("keep.txt"), "mine");
        Cli.Run r = Cli.run("convert", f.toString(), "-o", folder.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.all());
        assertTrue(r.err().contains("notes: exists and is not an earlier package"), r.err());
        assertEquals("mine", Files.readString(folder.resolve("keep.txt")));

        Cli.Run self = Cli.run("convert", f.toString(), "-o", f.toString());
        assertEquals(ExitCodes.USAGE, self.exit(), self.all());
        assertTrue(self.err().contains("would overwrite the export"), self.err());
        assertEquals("title\nA\n", Files.readString(f));

        Cli.Run parent = Cli.run("convert", f.toString(), "-o", tmp.toString());
        assertEquals(ExitCodes.USAGE, parent.exit(), parent.all());
        assertTrue(Files.exists(f));

        Path pkg = tmp.resolve("pkg");
        assertEquals(0, Cli.run("convert", f.toString(), "-o", pkg.toString()).exit());
        assertEquals(0, Cli.run("convert", f.toString(), "-o", pkg.toString()).exit(), "an earlier package is replaced");
    }

    @Test
    void unmappedUsersFailPolicy() throws Exception {
        Path f = csv("u.csv", "title,assignee\nA,zoe\n");
        assertFailsCleanly(convert(f, "--unmapped-users", "fail"), "u.csv:2:2 [assignee]", "zoe");
    }

    @Test
    void reportJsonIsWrittenEvenWhenNothingElseIs() throws Exception {
        Path f = csv("ok.csv", "title\nA\n");
        Path json = tmp.resolve("sub/r.json");
        Cli.Run r = convert(f, "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(Files.readString(json, StandardCharsets.UTF_8).contains("\"package_written\" : true"));
    }
}
