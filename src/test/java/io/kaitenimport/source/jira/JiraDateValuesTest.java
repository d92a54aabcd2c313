package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Date-only values are real calendar dates or are dropped, reported and counted; they never reach the package. */
class JiraDateValuesTest {
    @TempDir
    Path tmp;

    @Test
    void impossibleDatesAreDroppedReportedAndCounted() throws IOException {
        Path in = Files.writeString(tmp.resolve("dates.json"), """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"x","status":{"id":"1","name":"Open"},
                  "duedate":"2024-13-45",
                  "customfield_1":"2024-02-30",
                  "customfield_2":"2024-00-10",
                  "customfield_3":"2023-02-29"}},
                 {"id":"2","key":"A-2","fields":{"summary":"y","status":{"id":"1","name":"Open"},
                  "duedate":"2024-02-29",
                  "customfield_1":"2024-02-29",
                  "customfield_2":"2024-01-15"}}],
                 "names":{"customfield_1":"Review day","customfield_2":"Target start","customfield_3":"Target end"},
                 "schema":{"customfield_1":{"type":"date","custom":"x:datepicker"},
                   "customfield_2":{"type":"date","custom":"com.atlassian.jpo:jpo-custom-field-baseline-start"},
                   "customfield_3":{"type":"date","custom":"com.atlassian.jpo:jpo-custom-field-baseline-end"}}}""");
        try (PackageRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            var cards = JiraSampleTest.byId(run.records("cards"));
            JsonNode bad = cards.get("1");
            assertFalse(bad.has("due_date"));
            assertNull(JiraSampleTest.property(bad, "cf:customfield_1"));
            assertFalse(bad.has("planned_start"));
            assertFalse(bad.has("planned_end"));
            List<String> invalid = run.report.issues().stream().filter(i -> i.code() == IssueCode.SOURCE_VALUE_INVALID)
                    .map(Issue::location).map(l -> l.pointer()).toList();
            assertEquals(List.of("/issues/0/fields/duedate", "/issues/0/fields/customfield_1",
                    "/issues/0/fields/customfield_2", "/issues/0/fields/customfield_3"), invalid);
            assertEquals(1, run.report.losses().count("jira fields.duedate"));
            assertEquals(1, run.report.losses().count("jira fields.customfield_1 (Review day)"));
            assertEquals(1, run.report.losses().count("jira fields.customfield_2 (Target start)"));
            assertEquals(1, run.report.losses().count("jira fields.customfield_3 (Target end)"));
            JsonNode good = cards.get("2");
            assertEquals("2024-02-29", good.at("/due_date/value").asText());
            assertEquals("2024-02-29", JiraSampleTest.property(good, "cf:customfield_1").asText());
            assertEquals("2024-01-15", good.at("/planned_start/value").asText());
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }
}
