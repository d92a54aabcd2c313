package io.kaitenimport.emit;

import io.kaitenimport.model.Board;
import io.kaitenimport.model.Entity;
import io.kaitenimport.model.MappingEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageWriterTest {
    @TempDir
    Path tmp;

    private long entries() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void abandonedPackageLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("out.zip");
        try (PackageWriter w = new PackageWriter(out, 10)) {
            w.accept(Board.of("b1", "Board"));
            assertTrue(Files.isDirectory(w.stage()));
        }
        assertEquals(0, entries(), "staging removed, no output");
    }

    @Test
    void publishedZipReplacesTheOldOneAtomicallyAndCleansUp() throws Exception {
        Path out = tmp.resolve("out.zip");
        Files.writeString(out, "old");
        try (PackageWriter w = new PackageWriter(out, 10)) {
            w.accept(Board.of("b1", "Board"));
            w.accept(new MappingEntry(Entity.COLUMNS_MAPPING, "c9", 42));
            w.finish();
            w.publish(out);
        }
        assertEquals(1, entries(), "only the zip remains");
        assertTrue(Files.size(out) > 3);
    }

    @Test
    void mappingEntitiesAreOneSortedObject() throws Exception {
        Path out = tmp.resolve("pkg");
        try (PackageWriter w = new PackageWriter(out, 10)) {
            w.accept(new MappingEntry(Entity.PROPERTIES_MAPPING, "z", 2));
            w.accept(new MappingEntry(Entity.PROPERTIES_MAPPING, "a", 1));
            w.finish();
            w.publish(out);
        }
        assertEquals("{\"a\":1,\"z\":2}\n", Files.readString(out.resolve("properties_mapping_0.json")));
        assertTrue(Files.readString(out.resolve("meta-data.json")).contains("\"./properties_mapping_0.json\""));
    }

    @Test
    void binariesStayInsideThePackageWhateverTheirNames() throws Exception {
        Path src = Files.writeString(tmp.resolve("src.bin"), "x");
        Path out = tmp.resolve("pkg");
        try (PackageWriter w = new PackageWriter(out, 10)) {
            assertEquals("./files/f1/.._.._evil.sh", w.addBinary("f1", "../../evil.sh", src));
            assertEquals("./files/.._f2/file", w.addBinary("../f2", "..", src));
            w.finish();
            w.publish(out);
        }
        assertEquals(List.of("files/.._f2/file", "files/f1/.._.._evil.sh", "meta-data.json"), FileTrees.relativeFiles(out));
        assertFalse(Files.exists(tmp.resolve("evil.sh")));
    }

    @Test
    void longNamesAreShortenedWithinFileSystemLimits() {
        String name = "Скриншот ".repeat(30) + "итог.png";
        String fitted = FileNames.fitBytes(name, 180);
        assertTrue(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 180, fitted);
        assertTrue(fitted.endsWith(".png"));
        assertTrue(fitted.startsWith("Скриншот"));
        assertEquals("short.txt", FileNames.fitBytes("short.txt", 180));
        assertEquals(fitted, FileNames.fitBytes(name, 180), "deterministic");
    }

    /** Writes 2,500 boards in shards of 100 (most deflated while writing goes on) into {@code out}. */
    private static void writeBoards(Path out) throws Exception {
        try (PackageWriter w = new PackageWriter(out, 100)) {
            for (int i = 0; i < 2_500; i++) {
                w.accept(Board.of("b" + i, "Board number " + i + " " + "x".repeat(i % 97)));
            }
            w.finish();
            w.startPacking(out);
            w.publish(out);
        }
    }

    @Test
    void zipIsByteIdenticalWhicheverShardsWereDeflatedEarlyAndReadsBack() throws Exception {
        Path a = tmp.resolve("a.zip");
        Path b = tmp.resolve("b.zip");
        writeBoards(a);
        writeBoards(b);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "same bytes twice");
        assertEquals(2, entries(), "no staging or deflate folders left beside the zips");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(a.toFile())) {
            List<String> names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertEquals(PackageWriter.META, names.get(0));
            assertEquals(26, names.size(), "meta-data.json and 25 board shards");
            StringBuilder all = new StringBuilder();
            for (String n : names.subList(1, names.size())) {
                all.append(new String(zip.getInputStream(zip.getEntry(n)).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 2_500; i += 499) {
                assertTrue(all.indexOf("\"b" + i + "\"") >= 0, "board b" + i + " is in the zip");
            }
        }
    }
}
