package io.kaitenimport.source.wiki;

import io.kaitenimport.GoldenFiles;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled Markdown handbook converts to exactly the golden package (records, bodies and binaries). To refresh
 * after an intended change: run with -Dgolden.update=true and review the diff.
 */
class WikiGoldenTest {
    static final Path SAMPLE = Path.of("sample-exports/wiki/handbook");
    static final Path GOLDEN = Path.of("src/test/resources/golden/wiki/handbook");

    @TempDir
    Path tmp;

    @Test
    void handbookMatchesGoldenPackage() throws Exception {
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", SAMPLE.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("source:        markdown"), r.out());
        assertTrue(r.out().contains("1 × markdown file reference — the file is not in the export"), r.out());
        assertTrue(r.out().contains("1 × markdown page link — the page is not in the export"), r.out());
        GoldenFiles.assertMatches(GOLDEN, out);
    }

    @Test
    void zippedFolderGivesTheSamePackage() throws Exception {
        Path zip = tmp.resolve("handbook.zip");
        WikiZips.zip(SAMPLE, zip, "handbook/");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run("convert", SAMPLE.toString(), "-o", a.toString()).exit());
        Cli.Run r = Cli.run("convert", zip.toString(), "-o", b.toString());
        assertEquals(0, r.exit(), r.all());
        // the zip holds the folder itself, so the tree is one level deeper: a "handbook" folder at the top
        assertTrue(Files.readString(b.resolve("folders_0.json")).contains("\"title\":\"handbook\""));
        assertEquals(Files.readString(a.resolve("documents_0.json")).lines().filter(l -> l.contains("\"title\":")).count(),
                Files.readString(b.resolve("documents_0.json")).lines().filter(l -> l.contains("\"title\":")).count());
    }
}
