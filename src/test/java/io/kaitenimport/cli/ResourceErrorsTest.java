package io.kaitenimport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Running out of heap is a clear one-line failure, not a stack trace: a child JVM with a 32 MB heap converts a
 * CSV whose one description cell (48 MB of text) cannot fit, and must exit 3 naming the heap and how to raise it,
 * leaving nothing at or beside the output path.
 */
class ResourceErrorsTest {
    @Test
    void outOfMemoryIsOneLineExitThreeAndLeavesNothing(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("huge-cell.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Key,Summary,Description\nT-1,first,\"");
            char[] chunk = "a long description line\n".repeat(4096).toCharArray();
            for (long written = 0; written < 48L << 20; written += chunk.length) {
                w.write(chunk);
            }
            w.write("\"\nT-2,second,short\n");
        }
        Path outDir = tmp.resolve("out");
        Files.createDirectories(outDir);
        Run run = child(tmp, "convert", csv.toString(), "-o", outDir.resolve("pkg.zip").toString());
        assertEquals(3, run.exit, run.output);
        List<String> lines = run.output.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.output);
        assertTrue(lines.get(0).startsWith("kaiten-import: out of memory"), run.output);
        assertTrue(lines.get(0).contains("KAITEN_IMPORT_JAVA_OPTS=-Xmx2g"), run.output);
        assertFalse(run.output.contains("\tat "), "no stack trace without --debug");
        try (Stream<Path> left = Files.list(outDir)) {
            assertEquals(List.of(), left.toList(), "nothing at or beside the output path");
        }
    }

    @Test
    void stackOverflowInDeepJsonIsOneLineExitThree(@TempDir Path tmp) throws Exception {
        // Nesting within the parser's limit, but deep enough to overflow a 256 KB thread stack in tree code.
        Path json = tmp.resolve("deep.json");
        Files.writeString(json, "{\"id\":\"b\",\"name\":\"Board\",\"cards\":[{\"id\":\"c\",\"name\":\"x\",\"desc\":"
                + "[".repeat(4900) + "]".repeat(4900) + "}],\"lists\":[],\"actions\":[]}");
        Path outDir = tmp.resolve("out");
        Files.createDirectories(outDir);
        Run run = child(tmp, "-Xss256k", "convert", json.toString(), "--from", "trello", "-o",
                outDir.resolve("pkg.zip").toString());
        // A reader may also refuse such input cleanly (exit 2); what must never happen is a raw trace.
        assertTrue(run.exit == 3 || run.exit == 2, run.output);
        assertFalse(run.output.contains("\tat "), run.output);
        if (run.exit == 3) {
            assertTrue(run.output.contains("out of stack space"), run.output);
        }
        try (Stream<Path> left = Files.list(outDir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run child(Path dir, String... args) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m"));
        int i = 0;
        while (i < args.length && args[i].startsWith("-X")) {
            cmd.add(args[i++]);
        }
        cmd.addAll(List.of("-cp", cp, Main.class.getName()));
        cmd.addAll(List.of(args).subList(i, args.length));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }
}
