package io.kaitenimport.cli;

import io.kaitenimport.attach.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stopping a run (SIGTERM, which runs the same shutdown hooks as Ctrl-C) while a body is half received leaves no
 * file under a final name and removes the partial one. Runs the command in a child JVM against the stub.
 */
class AttachmentsInterruptTest {
    @TempDir
    Path tmp;

    @Test
    void stoppingMidDownloadLeavesNoPartialFile() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assumeTrue(Files.isExecutable(java), "no java launcher");
        String card = "/1/cards/65e19910abc000000000001e/attachments/";
        try (StubServer stub = new StubServer()) {
            stub.route(card + "65e1aa40abc0000000000051/download/bed-layout.txt", stub.stalling(41, 60_000));
            stub.route(card + "65e1aa40abc0000000000052/download/seedlings.jpg", stub.stalling(204800, 60_000));
            Path dir = tmp.resolve("att");
            Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "attachments", "sample-exports/trello/garden-board.json", "-d",
                    dir.toString(), "--rewrite-url", "https://trello.com=" + stub.base(), "--progress", "never")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
            Path partial = dir.resolve(".kaiten-import-partial");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until && count(partial) < 2 && p.isAlive()) {
                Thread.sleep(50);
            }
            assertEquals(2, count(partial), "both downloads under way: " + Files.readString(tmp.resolve("log.txt")));
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stopped");
            assertFalse(Files.exists(dir.resolve("65e1aa40abc0000000000051")));
            assertFalse(Files.exists(dir.resolve("65e1aa40abc0000000000052")));
            assertEquals(0, count(partial), "partial files removed");
        }
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

}
