package io.kaitenimport.source.asana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken or odd Asana input: one located line and exit 2 when nothing can be read, else reported and counted. */
class AsanaBadInputTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Converter.Outcome convert(Path f) throws IOException {
        return AsanaTesting.convert(f, SourceOptions.defaults(), tmp.resolve("out"));
    }

    @Test
    void truncatedJsonNamesLineColumnAndPointer() throws IOException {
        String whole = Files.readString(AsanaTesting.JSON);
        Path f = write("cut.json", whole.substring(0, whole.indexOf("\"stories\"", 3000)));
        SourceException e = assertThrows(SourceException.class, () -> convert(f));
        assertTrue(e.getMessage().contains("ends in the middle"), e.getMessage());
        assertTrue(e.location().toString().matches("cut\\.json:\\d+:\\d+.*/data/.*"), e.location().toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\": \"tasks\"}", "{\"data\": 3}", "\"text\"", "{\"next_page\": null}", "[]",
            "{\"data\": []}", "{\"data\": [{\"gid\": \"1\", \"name\": \"P\", \"resource_type\": \"project\"}]}",
            "{\"data\": [{\"gid\": \"1\", \"resource_subtype\": \"section\", \"name\": \"A:\"}]}"})
    void topLevelsWithoutTasksStopWithOneLine(String json) throws IOException {
        Path f = write("shape.json", json);
        SourceException e = assertThrows(SourceException.class, () -> convert(f));
        assertTrue(e.location().toString().startsWith("shape.json"), e.location().toString());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void wrongShapesInsideTasksAreReportedAndCounted() throws IOException {
        Path f = write("odd.json", """
                {"data": [
                  7,
                  {"name": "no gid"},
                  {"gid": "1", "name": ["not", "text"], "memberships": {"project": 1}, "tags": "x",
                   "followers": 5, "assignee": "bob", "created_at": "yesterday", "due_on": "2024-02-31",
                   "custom_fields": [{"name": "no gid", "text_value": "v"}, {"gid": "9", "resource_subtype": "number",
                   "number_value": "many"}], "stories": [3, {"gid": "s", "resource_subtype": "comment_added"}],
                   "subtasks": [{"gid": "2", "name": "child", "dependencies": ["1", "404"]}], "parent": {"gid": "77"}},
                  {"gid": "3", "name": "ok", "resource_subtype": "mystery", "attachments": [{"gid": "a"}]}
                ]}
                """);
        Converter.Outcome o = convert(f);
        String report = AsanaTesting.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        assertTrue(o.written(), report);
        assertEquals(3, AsanaTesting.records(tmp.resolve("out"), "cards").size(), report);
        var losses = o.report().losses();
        assertEquals(2, losses.count("asana task"), report);
        for (String field : new String[] {"asana task.name", "asana task.memberships", "asana task.tags",
                "asana task.followers", "asana task.assignee", "asana task.created_at", "asana task.due_on",
                "asana task.custom_fields", "asana task.parent", "asana task.dependencies",
                "asana story.comment", "asana task.stories", "asana task.attachments", "asana task.resource_subtype"}) {
            assertTrue(losses.count(field) > 0, field + "\n" + report);
        }
    }

    @Test
    void cliExitsTwoWithOneLineForBrokenInput() throws IOException {
        Path f = write("broken.json", "{\"data\": [{\"gid\": \"1\", \"name\": \"a\"");
        Cli.Run run = Cli.run("convert", f.toString(), "--from", "asana", "-o", tmp.resolve("x.zip").toString());
        assertEquals(2, run.exit(), run.all());
        assertFalse(run.err().contains("at io.kaitenimport"), run.err());
        for (String leak : new String[] {"Exception", "jackson", "java.", "org.apache"}) {
            assertFalse(run.all().contains(leak), run.all());
        }
        Path csv = write("broken.csv", "Task ID,Created At,Completed At,Name,Projects\n1,2024-01-01,,\"open,P\n");
        Cli.Run csvRun = Cli.run("convert", csv.toString(), "-o", tmp.resolve("y.zip").toString());
        assertEquals(2, csvRun.exit(), csvRun.all());
        assertTrue(csvRun.err().contains("broken.csv:2"), csvRun.err());
    }

    @Test
    void csvWithoutNameColumnOrRowsStops() throws IOException {
        Path noName = write("noname.csv", "Task ID,Created At,Completed At,Projects\n1,2024-01-01,,P\n");
        assertThrows(SourceException.class, () -> convert(noName));
        Path headerOnly = write("header.csv", "Task ID,Created At,Completed At,Name,Projects\n");
        SourceException e = assertThrows(SourceException.class, () -> convert(headerOnly));
        assertTrue(e.getMessage().contains("no Asana tasks"), e.getMessage());
    }

    @Test
    void badCsvDatesAndNumbersAreReportedNotFatal() throws IOException {
        Path f = write("dates.csv", "Task ID,Created At,Completed At,Name,Projects,Due Date,Effort\n"
                + "1,someday,,A,P,31/02/2024,3\n2,2024-01-01,,B,P,,lots\n");
        Converter.Outcome o = convert(f);
        String report = AsanaTesting.describe(o.report());
        assertEquals(0, o.report().errors(), report);
        assertTrue(o.report().losses().count("asana csv created at") > 0, report);
        assertTrue(o.report().losses().count("asana csv due date") > 0, report);
    }
}
