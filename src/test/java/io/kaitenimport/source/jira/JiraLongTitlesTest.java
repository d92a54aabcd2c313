package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Board, column, field and option titles cut to 128 characters are reported at the file and pointer they came from. */
class JiraLongTitlesTest {
    @TempDir
    Path tmp;

    @Test
    void cutTitlesNameTheirFileAndPointer() throws IOException {
        String longText = "L".repeat(140);
        Path in = Files.writeString(tmp.resolve("long.json"), """
                {"issues":[
                  {"id":"1","key":"A-1","fields":{"summary":"x","project":{"id":"9","name":"short"},
                    "status":{"id":"1","name":"Open"}}},
                  {"id":"2","key":"B-2","fields":{"summary":"y","project":{"id":"10","name":"%1$s"},
                    "status":{"id":"1","name":"Open"},"customfield_1":{"id":"5","value":"%1$s"}},
                   "changelog":{"histories":[{"created":"2024-01-01T00:00:00.000+0000",
                     "items":[{"field":"status","from":"7","fromString":"%1$s","to":"1","toString":"Open"}]}]}}],
                 "names":{"customfield_1":"%1$s"}}""".formatted(longText));
        try (PackageRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            List<Location> titles = run.report.issues().stream().filter(i -> i.code() == IssueCode.SOURCE_TITLE)
                    .map(Issue::location).toList();
            assertEquals(List.of("/issues/1/fields/project/name", "/issues/1/changelog/histories/0/items/0/fromString"),
                    titles.stream().map(Location::pointer).toList());
            assertEquals(List.of("long.json", "long.json"), titles.stream().map(Location::file).toList());
            assertEquals(4L, titles.get(0).line(), "the line where the issue starts");
            List<LossLedger.Entry> cut = run.report.losses().entries().stream()
                    .filter(e -> e.reason().contains("cut to 128")).toList();
            assertEquals(List.of("/names/customfield_1", "/issues/1/fields/customfield_1"),
                    cut.stream().map(e -> e.firstAt().pointer()).toList());
            assertEquals("long.json", cut.get(1).firstAt().file());
        }
    }
}
