package io.kaitenimport.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code kaiten-import} launcher, run by bash in a copy of the clone's layout with stub {@code mvn} and
 * {@code java} on the PATH: it says it is building on first use and rebuilds only when content changes.
 */
class LauncherTest {
    @TempDir
    Path clone;
    private Path bin;

    @BeforeEach
    void layout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash");
        Files.copy(Path.of("kaiten-import"), clone.resolve("kaiten-import"));
        executable(clone.resolve("kaiten-import"));
        Files.writeString(clone.resolve("pom.xml"), "<project/>");
        Files.createDirectories(clone.resolve("src/main/java"));
        Files.writeString(clone.resolve("src/main/java/A.java"), "class A {}");
        Files.createDirectories(clone.resolve("schemas"));
        Files.writeString(clone.resolve("schemas/cards.schema.json"), "{}");
        Files.createDirectories(clone.resolve("mappings"));
        Files.writeString(clone.resolve("mappings/csv-default.yaml"), "fields: {}");
        // A clone: the bundled mappings are the ones git tracks; a user's own mapping file is not.
        Process git = new ProcessBuilder("sh", "-c", "git init -q && git add mappings/csv-default.yaml")
                .directory(clone.toFile()).redirectErrorStream(true).start();
        assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "git is needed for this test");
        bin = Files.createDirectories(clone.resolve("stub-bin"));
        // The stub build makes the jar and counts builds; the stub java says it ran.
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nmkdir -p target && touch target/kaiten-import-0.1.0-all.jar"
                + " && echo built >> builds.log\n");
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho ran \"$@\"\n");
        executable(bin.resolve("mvn"));
        executable(bin.resolve("java"));
    }

    private static void executable(Path p) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(String out, String err) {
    }

    private Run run() throws Exception {
        return run(null, "--version");
    }

    private Run run(String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", clone.resolve("kaiten-import").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("KAITEN_IMPORT_JAVA_OPTS"); // the launcher adds its default heap and collector
        if (javaOpts != null) {
            pb.environment().put("KAITEN_IMPORT_JAVA_OPTS", javaOpts);
        }
        pb.directory(clone.toFile());
        Path err = clone.resolve("err.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        return new Run(out, Files.readString(err));
    }

    private long builds() throws Exception {
        Path log = clone.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void buildsOnceThenOnlyWhenContentChanges() throws Exception {
        Run first = run();
        assertTrue(first.err().contains("kaiten-import: building the jar with Maven (first run;"), first.err());
        assertTrue(first.err().contains("kaiten-import: built in"), first.err());
        assertEquals("ran -Xmx1g -XX:+UseParallelGC -jar " + clone.resolve("target/kaiten-import-0.1.0-all.jar")
                + " --version\n", first.out());
        assertEquals(1, builds());

        assertEquals("", run().err(), "no rebuild, no noise");
        Path src = clone.resolve("src/main/java/A.java");
        Files.setLastModifiedTime(src, FileTime.from(Instant.now().plusSeconds(60)));
        Files.writeString(clone.resolve("mappings/my-mapping.yaml"), "columns: {Done: 3}");
        Files.setLastModifiedTime(clone.resolve("mappings/csv-default.yaml"), FileTime.from(Instant.now().plusSeconds(60)));
        run();
        assertEquals(1, builds(), "touching files does not rebuild");

        Files.writeString(src, "class A { int x; }");
        Run changed = run();
        assertTrue(changed.err().contains("(the sources changed;"), changed.err());
        assertEquals(2, builds());
        run();
        assertEquals(2, builds());
        assertFalse(Files.exists(clone.resolve("target/.launcher-build-hash.tmp")));
    }

    /** A long run (a file argument over 64 MB) compiles with C2 only; small ones, and a user's own choice, do not. */
    @Test
    void bigInputsCompileWithC2Only() throws Exception {
        Path big = clone.resolve("big.csv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024 + 1); // sparse: no disk used
        }
        Path small = clone.resolve("small.csv");
        Files.writeString(small, "Title\nA\n");
        String jar = " -jar " + clone.resolve("target/kaiten-import-0.1.0-all.jar");

        assertEquals("ran -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation" + jar + " convert " + big + " -o x.zip\n",
                run(null, "convert", big.toString(), "-o", "x.zip").out());
        assertEquals("ran -Xmx1g -XX:+UseParallelGC" + jar + " convert " + small + "\n",
                run(null, "convert", small.toString()).out());
        assertEquals("ran -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1" + jar + " validate " + big + "\n",
                run("-XX:TieredStopAtLevel=1", "validate", big.toString()).out());
    }
}
