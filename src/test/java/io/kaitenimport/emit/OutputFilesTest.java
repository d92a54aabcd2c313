package io.kaitenimport.emit;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.issue.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Report and template files: atomic for regular files, written through for the rest, mode from the umask. */
class OutputFilesTest {
    @TempDir
    Path tmp;

    private static void hello(Path p) throws Exception {
        OutputFiles.write(p, o -> o.write("hello\n".getBytes(StandardCharsets.UTF_8)));
    }

    /** What a plain new file gets here: 0666 less the umask. */
    private Set<PosixFilePermission> umaskDefault() throws Exception {
        Path probe = Files.createFile(tmp.resolve("probe"));
        return Files.getPosixFilePermissions(probe);
    }

    @Test
    void regularFileIsReplacedWithUmaskMode() throws Exception {
        Path f = tmp.resolve("r.json");
        hello(f);
        assertEquals("hello\n", Files.readString(f));
        assertEquals(umaskDefault(), Files.getPosixFilePermissions(f), "mode follows the umask, not 0600");
        Files.writeString(f, "old");
        hello(f);
        assertEquals("hello\n", Files.readString(f));
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void symlinkStaysASymlink() throws Exception {
        Path target = Files.writeString(tmp.resolve("real.html"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.html"), target.getFileName());
        hello(link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("hello\n", Files.readString(target));
    }

    @Test
    void devicesAreWrittenThrough() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        hello(devNull);
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "still the device");
    }

    @Test
    void namedPipeIsWrittenThrough() throws Exception {
        Path fifo = tmp.resolve("pipe");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        hello(fifo);
        assertEquals("hello\n", reader.get(30, TimeUnit.SECONDS));
        assertTrue(!Files.isRegularFile(fifo), "still a pipe");
    }

    @Test
    void directoryIsRefused() {
        SourceException e = assertThrows(SourceException.class, () -> hello(tmp));
        assertTrue(e.describe().endsWith("is a directory; give a file name"), e.describe());
    }

    @Test
    void dashMeansStdout() throws Exception {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "ID,Title,Status\n1,A,Done\n");
        Cli.Run r = Cli.run("convert", csv.toString(), "-o", tmp.resolve("t.zip").toString(), "--report-json", "-");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("{"), "stdout is the JSON alone: " + r.out());
        assertTrue(r.err().contains("Package written"), "the terminal text moves to stderr");
        assertTrue(!Files.exists(tmp.resolve("-")) && !Files.exists(Path.of("-")), "no file called '-'");
    }

    @Test
    void templateFollowsTheUmask() throws Exception {
        Path x = tmp.resolve("t.xlsx");
        assertEquals(0, Cli.run("template", "-o", x.toString()).exit());
        assertEquals(umaskDefault(), Files.getPosixFilePermissions(x));
    }
}
