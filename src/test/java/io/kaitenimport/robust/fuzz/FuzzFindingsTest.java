package io.kaitenimport.robust.fuzz;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One regression test per failure class {@link FuzzTest} found (issue 14), each on a hand-made minimal input. */
class FuzzFindingsTest {
    @TempDir
    Path tmp;

    private static void assertReadable(Cli.Run r) {
        for (String line : r.all().split("\n")) {
            assertTrue(line.length() < 2_500, "a " + line.length() + "-character line");
        }
        for (String leak : new String[]{"Exception", "java.", "(code ", "org.apache"}) {
            assertFalse(r.all().contains(leak), "leaks '" + leak + "': " + r.all());
        }
    }

    @Test
    void aHugeCellQuotedInAWarningIsAbbreviated() throws IOException {
        // the Parent column of a row names a card that does not exist, with a 1 MB key
        String csv = Files.readString(Path.of("sample-exports/csv/tasks-en.csv"))
                .replaceFirst(",WEB-1,", ",W" + "x".repeat(1_000_000) + ",");
        Path in = Files.writeString(tmp.resolve("tasks.csv"), csv);
        Cli.Run r = Cli.run("convert", in.toString(), "--users", "sample-exports/csv/users.csv", "-o",
                tmp.resolve("o.zip").toString());
        assertTrue(r.exit() <= 2, r.err());
        assertTrue(r.all().contains("more characters"), r.all());
        assertReadable(r);
    }

    @Test
    void aHugeFieldNameInAPackageIsAbbreviatedInThePointer() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(dir.resolve("meta-data.json"),
                "{\"entities\":[\"cards\"],\"entities_paths_map\":{\"cards\":[\"./cards.json\"]}}");
        Files.writeString(dir.resolve("cards.json"), "[{\"id\":\"c1\",\"column_id\":\"x\",\"title\":\"t\",\"member"
                + "9".repeat(20_000) + "\":1}]");
        Cli.Run r = Cli.run("validate", dir.toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("more characters"), r.all());
        assertReadable(r);
    }

    @Test
    void aHugeUnknownTrelloFieldIsAbbreviatedInTheLossReport() throws IOException {
        String board = Files.readString(Path.of("sample-exports/trello/garden-board.json"))
                .replaceFirst("\"cards\":\\s*\\[\\s*\\{", "\"cards\": [{\"u" + "9".repeat(11_000) + "\": 1,");
        Path in = Files.writeString(tmp.resolve("board.json"), board);
        Cli.Run r = Cli.run("convert", in.toString(), "-o", tmp.resolve("o.zip").toString());
        assertTrue(r.exit() <= 1, r.all());
        assertReadable(r);
    }

    @Test
    void unexpectedCharactersAndByteOrderMarksAreDescribedInOurWords() throws IOException {
        String board = Files.readString(Path.of("sample-exports/trello/garden-board.json"));
        Path dot = Files.writeString(tmp.resolve("dot.json"), board.replaceFirst("\"closed\": *false", "\"closed\": .5"));
        Cli.Run r = Cli.run("convert", dot.toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("dot.json:") && r.err().contains("unexpected '.'"), r.err());
        assertReadable(r);

        Path bom = Files.writeString(tmp.resolve("bom.json"), board.replaceFirst("\"closed\"", "\uFEFF\"closed\""));
        r = Cli.run("convert", bom.toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("U+FEFF"), r.err());
        assertReadable(r);
    }

    private Path xlsxWith(Map<String, byte[]> entries, String name) throws IOException {
        return Files.write(tmp.resolve(name), ZipMutations.write(entries, null));
    }

    @Test
    void aWorkbookWithoutItsSharedStringsSaysSo() throws IOException {
        Map<String, byte[]> entries = ZipMutations.read(Files.readAllBytes(Path.of("sample-exports/xlsx/project-plan.xlsx")));
        entries.remove("xl/sharedStrings.xml");
        Cli.Run r = Cli.run("convert", xlsxWith(entries, "plan.xlsx").toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("plan.xlsx") && r.err().contains("xl/sharedStrings.xml"), r.err());
        assertReadable(r);
    }

    @Test
    void aWorkbookWithoutItsWorkbookPartSaysSo() throws IOException {
        Map<String, byte[]> entries = ZipMutations.read(Files.readAllBytes(Path.of("sample-exports/xlsx/project-plan.xlsx")));
        entries.remove("xl/workbook.xml");
        Cli.Run r = Cli.run("convert", xlsxWith(entries, "nowb.xlsx").toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("nowb.xlsx") && r.err().contains("a part it needs is missing"), r.err());
        assertReadable(r);
    }

    @Test
    void damagedWorkbookPartsAreDescribedWithoutClassNames() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("sample-exports/xlsx/project-plan.xlsx"));
        Map<String, byte[]> entries = ZipMutations.read(sample);
        String styles = new String(entries.get("xl/styles.xml"), StandardCharsets.UTF_8);
        entries.put("xl/styles.xml", styles.replaceFirst("<numFmt ", "<numFmt numFmnment ")
                .getBytes(StandardCharsets.UTF_8));
        Cli.Run r = Cli.run("convert", xlsxWith(entries, "styles.xlsx").toString(), "-o",
                tmp.resolve("o.zip").toString());
        assertTrue(r.exit() <= 2, r.all());
        assertReadable(r);

        byte[] bzip = ZipMutations.setMethod(ZipMutations.write(ZipMutations.read(sample), null),
                "xl/sharedStrings.xml", 12);
        r = Cli.run("convert", Files.write(tmp.resolve("bz.xlsx"), bzip).toString(), "-o",
                tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("bz.xlsx"), r.err());
        assertReadable(r);
    }

    @Test
    void aWikiZipEntryNameWithANulCharacterIsRefusedNotACrash() throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("handbook/Handbook.md", "# Handbook\n\nHello.\n".getBytes(StandardCharsets.UTF_8));
        entries.put("handbook/a\0b.md", "# B\n".getBytes(StandardCharsets.UTF_8));
        Path zip = Files.write(tmp.resolve("wiki.zip"), ZipMutations.write(entries, null));
        Cli.Run r = Cli.run("convert", zip.toString(), "--from", "markdown", "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("wiki.zip") && r.err().contains("NUL character"), r.err());
        assertReadable(r);
    }

    @Test
    void aHugeLinkTextInAWikiPageDoesNotOverflowTheStack() throws IOException {
        Path wiki = Files.createDirectories(tmp.resolve("wiki"));
        Files.writeString(wiki.resolve("Page.md"), "# Page\n\n[" + "x".repeat(600_000) + "](Other.md) and ("
                + "y".repeat(600_000) + "\n");
        Files.writeString(wiki.resolve("Other.md"), "# Other\n");
        Cli.Run r = Cli.run("convert", wiki.toString(), "--from", "markdown", "-o", tmp.resolve("o.zip").toString());
        assertTrue(r.exit() <= 1, r.all());
        assertReadable(r);
    }
}
