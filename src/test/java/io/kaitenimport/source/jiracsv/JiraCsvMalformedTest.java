package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.SourceAdapters;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad and odd Jira CSV input: one clear error with a position, or a reported and counted value. */
class JiraCsvMalformedTest {
    private static final String HEADER = "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,"
            + "Created";

    private static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, text);
        return f;
    }

    private static JiraCsvRun run(Path dir, String text) throws IOException {
        return JiraCsvRun.csv(dir.resolve("out"), SourceOptions.of(CommonOptions.defaults()), null, write(dir, text));
    }

    private static boolean issued(JiraCsvRun run, IssueCode code, String text) {
        return run.report.issues().stream().anyMatch(i -> i.code() == code && i.message().contains(text));
    }

    @Test
    void detectedByItsHeaderAndOtherCsvStaysGeneric(@TempDir Path tmp) throws IOException {
        Path jira = write(tmp, HEADER + "\nA,P-1,1,Task,To Do,P,Proj,15/Feb/26 4:37 PM\n");
        assertEquals("jira-csv", SourceAdapters.standard().plan(null, List.of(jira)).get(0).adapter().name());
        Path plain = Path.of("sample-exports/csv/tasks-en.csv");
        assertEquals("csv", SourceAdapters.standard().plan(null, List.of(plain)).get(0).adapter().name());
    }

    @Test
    void forcedOnACsvThatIsNotJiraSaysSo(@TempDir Path tmp) {
        SourceException e = assertThrows(SourceException.class, () -> JiraCsvRun.csv(tmp.resolve("o"),
                SourceOptions.of(CommonOptions.defaults()), null, Path.of("sample-exports/csv/tasks-en.csv")));
        assertTrue(e.getMessage().contains("not a Jira CSV export"), e.getMessage());
        assertTrue(e.location().toString().contains("tasks-en.csv:1"), e.location().toString());
    }

    @Test
    void unclosedQuoteNamesItsLine(@TempDir Path tmp) {
        SourceException e = assertThrows(SourceException.class, () -> run(tmp, HEADER
                + "\nA,P-1,1,Task,To Do,P,Proj,15/Feb/26 4:37 PM\n\"B,P-2,2,Task,To Do,P,Proj,x\n"));
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        assertEquals(3L, e.location().line());
    }

    @Test
    void headerOnlyIsNoExport(@TempDir Path tmp) {
        SourceException e = assertThrows(SourceException.class, () -> run(tmp, HEADER + "\n"));
        assertTrue(e.getMessage().contains("no readable Jira issues"), e.getMessage());
    }

    @Test
    void unreadableValuesAreReportedAndCounted(@TempDir Path tmp) throws IOException {
        try (JiraCsvRun run = run(tmp, HEADER + ",Original estimate,Comment,Attachment,Log Work,"
                + "Outward issue link (Blocks)\n"
                + "A,P-1,1,Task,To Do,P,Proj,yesterday,two hours,just text,file.png,oops,P-99\n")) {
            assertEquals(0, run.report.errors(), () -> run.report.issues().toString());
            assertTrue(issued(run, IssueCode.SOURCE_VALUE_INVALID, "'yesterday' is not a date"));
            assertEquals(1, run.report.losses().count("jira fields.created"));
            assertTrue(issued(run, IssueCode.SOURCE_VALUE_INVALID, "'two hours' is not a number of seconds"));
            assertEquals(1, run.report.losses().count("jira-csv column 'Original estimate'"));
            assertEquals("just text", run.records("comments").get(0).path("text").asText(),
                    "a comment cell without date;author; keeps its text");
            assertEquals(1, run.report.losses().count("jira fields.attachment"), "attachment without URL");
            assertEquals(1, run.report.losses().count("jira fields.worklog"), "worklog without start");
            assertEquals(1, run.report.losses().count("jira fields.issuelinks"), "link outside the export");
            assertTrue(run.report.issues().stream().anyMatch(i -> i.location().toString()
                    .contains("export.csv:2 [Created] (id 1)")), "positions name line, column and issue");
        }
    }

    @Test
    void repeatedCustomFieldIsOneMultiValueFieldOrSeveralFieldsByHowItIsFilled(@TempDir Path tmp)
            throws IOException {
        String header = HEADER + ",Custom field (Cost Center),Custom field (Cost Center)\n";
        try (JiraCsvRun run = run(tmp, header + "A,P-1,1,Task,To Do,P,Proj,,X,Y\nB,P-2,2,Task,To Do,P,Proj,,X,\n")) {
            List<JsonNode> fields = run.records("custom_fields");
            assertEquals(1, fields.size());
            assertEquals("multi_select", fields.get(0).path("type").asText());
            assertEquals(2, fields.get(0).path("options").size());
        }
        try (JiraCsvRun run = run(tmp.resolve("2").toFile().mkdirs() ? tmp.resolve("2") : tmp,
                header + "A,P-1,1,Task,To Do,P,Proj,,X,100\nB,P-2,2,Task,To Do,P,Proj,,,200\n")) {
            List<JsonNode> fields = run.records("custom_fields");
            assertEquals(List.of("Cost Center", "Cost Center (2)"), fields.stream()
                    .map(f -> f.path("name").asText()).sorted().toList());
            assertTrue(fields.stream().anyMatch(f -> f.path("type").asText().equals("number")));
        }
    }

    @Test
    void attachmentBinariesFromTheFolderBecomeFilesOthersLinks(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("att");
        Files.createDirectories(dir.resolve("35345"));
        Files.writeString(dir.resolve("35345/a;b.png"), "png");
        String csv = HEADER + ",Attachment,Attachment\nA,P-1,1,Task,To Do,P,Proj,15/Feb/26 4:37 PM,"
                + "15/Feb/26 4:37 PM;abc;a;b.png;https://x.atlassian.net/rest/api/3/attachment/content/35345,"
                + "15/Feb/26 4:38 PM;abc;c.png;https://x.atlassian.net/rest/api/3/attachment/content/35346\n";
        try (JiraCsvRun run = JiraCsvRun.csv(tmp.resolve("out"), SourceOptions.of(CommonOptions.defaults()
                .withAttachments(dir)), null, write(tmp, csv))) {
            assertEquals(0, run.report.errors(), () -> run.report.issues().toString());
            List<JsonNode> files = run.records("files");
            assertEquals(1, files.size());
            assertEquals("35345", files.get(0).path("id").asText());
            assertEquals("a;b.png", files.get(0).path("name").asText(), "a name with ';' survives");
            JsonNode card = run.records("cards").get(0);
            assertTrue(card.path("links").toString().contains("/content/35346"), card.toString());
            assertTrue(card.path("links").toString().contains("https://x.atlassian.net/browse/P-1"),
                    "the site URL from attachments gives the browse link, as in Jira JSON");
            assertEquals(1, run.report.losses().count("jira fields.attachment"));
        }
    }

    @Test
    void sprintsAllMakesAMultiSelect(@TempDir Path tmp) throws IOException {
        Path mapping = tmp.resolve("m.yaml");
        Files.writeString(mapping, "sprints: all\n");
        String csv = HEADER + ",Sprint,Sprint\nA,P-1,1,Task,To Do,P,Proj,,S1,S2\nB,P-2,2,Task,To Do,P,Proj,,S2,\n";
        try (JiraCsvRun run = JiraCsvRun.csv(tmp.resolve("out"), SourceOptions.of(CommonOptions.defaults()
                .withMapping(mapping)), null, write(tmp, csv))) {
            JsonNode sprint = run.records("custom_fields").get(0);
            assertEquals("multi_select", sprint.path("type").asText());
            assertEquals(2, sprint.path("options").size());
            assertEquals(2, run.records("cards").get(0).path("properties").get(0).path("value").size());
        }
    }

    @Test
    void jiraDatesInAnyLocaleWithoutOptions() {
        assertEquals("2026-02-15T16:37", parse("15/Feb/26 4:37 PM"));
        assertEquals("2024-03-03T14:05", parse("03/Mär/24 14:05"));
        assertEquals("2024-03-12T00:00", parse("12/мар/24"));
        assertEquals("2024-05-07T09:00", parse("07/mai/24 9:00 AM"));
        assertEquals("2026-02-25T16:38:58", parse("2026-02-25 16:38:58.679"));
        assertEquals("2024-03-31T15:47", parse("31.03.2024 15:47"));
        assertNull(JiraCsvDates.parse("31/Foo/24", JiraCsvDates.Order.DAY_FIRST));
        assertEquals("2024-01-03T12:00:00.000Z", JiraCsvDates.iso(JiraCsvDates.parse("2024-01-03T15:00:00+0300",
                JiraCsvDates.Order.DAY_FIRST), java.time.ZoneId.of("Asia/Tokyo")), "a stated offset wins over the zone");
        assertEquals("2026-03-31T15:47", JiraCsvDates.parse("3/31/2026 3:47 PM", JiraCsvDates.Order.MONTH_FIRST)
                .at().toString());
    }

    @Test
    void ambiguousNumericDatesFollowTheFileAndSayWhichRule() {
        JiraCsvDates.Evidence us = new JiraCsvDates.Evidence();
        us.see("4/3/2026 2:54 PM");
        us.see("3/31/2026 3:47 PM");
        assertEquals(JiraCsvDates.Order.MONTH_FIRST, us.order());
        assertTrue(us.rule().contains("month/day/year"), us.rule());
        JiraCsvDates.Evidence ambiguous = new JiraCsvDates.Evidence();
        ambiguous.see("4/3/2026 14:54");
        assertEquals(JiraCsvDates.Order.DAY_FIRST, ambiguous.order());
        assertTrue(ambiguous.rule().contains("all ambiguous"), ambiguous.rule());
    }

    private static String parse(String s) {
        return JiraCsvDates.parse(s, JiraCsvDates.Order.DAY_FIRST).at().toString();
    }
}
