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
        assertEquals("ran -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "
                + clone.resolve("target/kaiten-import-0.1.0-all.jar") + " --version\n", first.out());
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

    /**
     * Runs compile with C1 only, except a long conversion (a file argument over 64 MB, or 16 MB compressed), which
     * compiles with C2 only and small inlining; a user's own Tiered… or inlining option replaces the choice.
     */
    @Test
    void compilerFollowsTheCommandAndInputSize() throws Exception {
        Path big = sparse("big.csv", 64L * 1024 * 1024 + 1);
        Path bigXlsx = sparse("big.xlsx", 16L * 1024 * 1024 + 1);
        Path mid = sparse("mid.csv", 64L * 1024 * 1024);
        String jar = " -jar " + clone.resolve("target/kaiten-import-0.1.0-all.jar");
        String c1 = "ran -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1" + jar;
        String c2 = "ran -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation -XX:FreqInlineSize=35" + jar;

        assertEquals(c2 + " convert " + big + " -o x.zip\n", run(null, "convert", big.toString(), "-o", "x.zip").out());
        assertEquals(c2 + " --debug convert " + bigXlsx + "\n", run(null, "--debug", "convert", bigXlsx.toString()).out());
        assertEquals(c1 + " convert " + mid + "\n", run(null, "convert", mid.toString()).out());
        assertEquals(c1 + " validate " + big + "\n", run(null, "validate", big.toString()).out());
        assertEquals("ran -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=4" + jar + " convert " + big + "\n",
                run("-XX:TieredStopAtLevel=4", "convert", big.toString()).out());
        assertEquals("ran -Xmx1g -XX:+UseParallelGC -XX:FreqInlineSize=100" + jar + " convert " + big + "\n",
                run("-XX:FreqInlineSize=100", "convert", big.toString()).out());
    }

    /**
     * The class-data archive is made once per build and Java from the class lists of a conversion of the bundled CSV
     * sample and a validation of its package, then given to every run;
     * a rebuild makes it again.
     */
    @Test
    void archivesClassesOncePerBuild() throws Exception {
        Files.createDirectories(clone.resolve("sample-exports/csv"));
        Files.writeString(clone.resolve("sample-exports/csv/tasks-en.csv"), "Title\nA\n");
        Files.writeString(clone.resolve("sample-exports/csv/users.csv"), "email\na@example.com\n");
        // This stub java writes a class list naming the command it ran, and at the dump logs the list it was given
        // and writes the archive.
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in"
                + " -XX:DumpLoadedClassList=*) list=\"${a#*=}\";; -XX:SharedClassListFile=*) classes=\"${a#*=}\";;"
                + " -XX:SharedArchiveFile=*) archive=\"${a#*=}\";; convert|validate) cmd=$a;; esac; done\n"
                + "if [ -n \"$list\" ]; then echo \"$cmd\" > \"$list\"; echo shared >> \"$list\"; exit 0; fi\n"
                + "if [ -n \"$classes\" ]; then echo x > \"$archive\"; echo trained $(cat \"$classes\") >> trainings.log;"
                + " exit 0; fi\necho ran \"$@\"\n");
        String share = " -XX:SharedArchiveFile=" + clone.resolve("target/kaiten-import.jsa") + " -Xlog:cds*=off";
        Run first = run();
        assertTrue(first.err().contains("preparing the start-up archive"), first.err());
        assertTrue(first.out().startsWith("ran -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1" + share + " -jar "),
                first.out());
        Run second = run();
        assertEquals("", second.err());
        assertEquals(first.out(), second.out());
        // one archive, from the classes of a conversion and of a validation, each named once
        assertEquals(List.of("trained convert shared validate"), Files.readAllLines(clone.resolve("trainings.log")));
        Files.writeString(clone.resolve("src/main/java/A.java"), "class A { int y; }");
        run();
        assertEquals(2, Files.readAllLines(clone.resolve("trainings.log")).size(), "a rebuild archives again");
        assertFalse(Files.list(clone.resolve("target")).anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    private Path sparse(String name, long size) throws Exception {
        Path p = clone.resolve(name);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size); // sparse: no disk used
        }
        return p;
    }
}
