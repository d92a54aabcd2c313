package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real Jira JSON export converts to a package without validation errors, and every issue, comment, worklog,
 * attachment, link and parent/child pair of the source is either in the package or counted as lost.
 */
class JiraRealExportsTest {
    private static final Path REAL = Path.of("../shared/real-exports/jira-json");

    static List<Path> realFiles() throws IOException {
        if (!Files.isDirectory(REAL)) {
            return List.of(Path.of("absent"));
        }
        try (Stream<Path> s = Files.list(REAL)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFiles")
    void everythingIsCarriedOrCounted(Path file, @TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(file), "real exports are not available here");
        SourceCounts source = SourceCounts.of(file);
        try (PackageRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), file)) {
            assertAccounted(source, run);
        }
    }

    static void assertAccounted(SourceCounts source, PackageRun run) throws IOException {
        assertEquals(0, run.report.errors(), () -> "validation errors: " + run.report.issues());
        PackageCounts pkg = PackageCounts.of(run);
        var losses = run.report.losses();
        assertTrue(source.issues() > 0);
        assertEquals(source.issues(), pkg.cards() + losses.count("jira issues"), "issues");
        assertEquals(source.comments(), pkg.comments() + losses.count("jira fields.comment"), "comments");
        assertEquals(source.worklogs(), pkg.timers() + losses.count("jira fields.worklog"), "worklogs");
        assertEquals(source.attachments(), pkg.files() + losses.count("jira fields.attachment"), "attachments");
        assertEquals(source.links(), pkg.links() + losses.count("jira fields.issuelinks"), "issue links");
        long epicLost = losses.entries().stream().filter(e -> e.sourceField().endsWith("(Epic Link)"))
                .mapToLong(e -> e.count()).sum();
        assertEquals(source.hierarchy(), pkg.hierarchy() + losses.count("jira fields.parent")
                + losses.count("jira fields.subtasks") + epicLost, "parent/child pairs");
    }
}
