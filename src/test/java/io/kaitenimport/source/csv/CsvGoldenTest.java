package io.kaitenimport.source.csv;

import io.kaitenimport.GoldenFiles;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bundled sample converts to exactly the golden package, and to a byte-identical zip every time, whatever the
 * machine's time zone. To refresh after an intended change: run with -Dgolden.update=true and review the diff.
 */
class CsvGoldenTest {
    static final Path SAMPLE = Path.of("sample-exports/csv/tasks-en.csv");
    static final Path USERS = Path.of("sample-exports/csv/users.csv");
    static final Path GOLDEN = Path.of("src/test/resources/golden/csv/tasks-en");

    @TempDir
    Path tmp;

    @Test
    void sampleMatchesGoldenPackage() throws Exception {
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", SAMPLE.toString(), "--users", USERS.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        GoldenFiles.assertMatches(GOLDEN, out);
    }

    @Test
    void zipIsByteIdenticalAcrossRunsAndTimeZones() throws Exception {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Path a = tmp.resolve("a.zip");
            assertEquals(0, Cli.run("convert", SAMPLE.toString(), "--users", USERS.toString(), "-o", a.toString()).exit());
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kamchatka"));
            Path b = tmp.resolve("b.zip");
            assertEquals(0, Cli.run("convert", SAMPLE.toString(), "--users", USERS.toString(), "-o", b.toString()).exit());
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void prettyIndentsAndCompactHasOneRecordPerLine() throws Exception {
        Path compact = tmp.resolve("compact");
        Path pretty = tmp.resolve("pretty");
        assertEquals(0, Cli.run("convert", SAMPLE.toString(), "--users", USERS.toString(), "-o", compact.toString()).exit());
        assertEquals(0, Cli.run("convert", SAMPLE.toString(), "--users", USERS.toString(), "--pretty", "-o",
                pretty.toString()).exit());
        var mapper = io.kaitenimport.emit.Json.MAPPER;
        for (String f : FileTrees.relativeFiles(compact)) {
            assertEquals(mapper.readTree(compact.resolve(f).toFile()), mapper.readTree(pretty.resolve(f).toFile()), f);
        }
        List<String> lines = Files.readAllLines(compact.resolve("cards_0.json"));
        long cards = mapper.readTree(compact.resolve("cards_0.json").toFile()).size();
        assertEquals(cards + 2, lines.size(), "'[', one line per card, ']'");
        assertEquals(true, Files.readString(pretty.resolve("cards_0.json")).contains("\n  \"id\" : "));
    }

    @Test
    void shardsSplitAtTheConfiguredSize() throws Exception {
        Path out = tmp.resolve("pkg");
        assertEquals(0, Cli.run("convert", SAMPLE.toString(), "--shard-size", "2", "-o", out.toString()).exit());
        assertEquals(List.of("boards_0.json", "cards_0.json", "cards_1.json", "cards_2.json", "columns_0.json",
                "columns_1.json", "columns_2.json", "custom_fields_0.json", "meta-data.json"), FileTrees.relativeFiles(out));
        String meta = Files.readString(out.resolve("meta-data.json"));
        assertEquals(true, meta.contains("\"./cards_0.json\",\"./cards_1.json\",\"./cards_2.json\""), meta);
    }
}
