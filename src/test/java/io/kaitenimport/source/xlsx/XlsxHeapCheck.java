package io.kaitenimport.source.xlsx;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 200,000-row sheet (shared strings, as Excel saves them; dates, numbers, a select column, section rows merged
 * across the table, hyperlinks) converts in a separate JVM capped at {@code -Xmx256m}. Heavy, so excluded from the
 * default build; run with {@code bench/xlsx-heap.sh}. The figures go to {@code target/xlsx-heap.txt}.
 */
@Tag("heavy")
class XlsxHeapCheck {
    static final int ROWS = Integer.getInteger("xlsx.heap.rows", 200_000);

    @Test
    void twoHundredThousandRowsIn256MegabytesOfHeap(@TempDir Path tmp) throws Exception {
        Path book = tmp.resolve("big.xlsx");
        long t0 = System.nanoTime();
        HeapProbe.generate(book, ROWS);
        long genMs = (System.nanoTime() - t0) / 1_000_000;
        Path out = tmp.resolve("big.zip");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", cp, HeapProbe.class.getName(), "convert", book.toString(), "-o", out.toString(),
                "-q"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        String result = "rows=" + ROWS + " xlsx-bytes=" + Files.size(book) + " generate-ms=" + genMs + " "
                + output.lines().filter(l -> l.startsWith("exit=")).findFirst().orElse("(no result line)");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/xlsx-heap.txt"), result + "\n");
        assertEquals(0, exit, output);
        try (ZipFile zip = new ZipFile(out.toFile())) {
            long cardFiles = zip.stream().filter(e -> e.getName().startsWith("cards_")).count();
            assertTrue(cardFiles >= ROWS / 50_000, "cards sharded: " + cardFiles);
        }
    }
}
