package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.source.PackageRun;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: Kaiten's import has no checkbox and no url type. A Jira true/false field becomes a select with one option
 * "Yes" (true → it, false → no value, nothing lost) and a url field a string field, each with one note; a user picker
 * stays a user field (the listed deviation), with its own note.
 */
class JiraCheckboxAndUrlFieldsTest {
    @TempDir
    Path tmp;

    @Test
    void aTrueFalseFieldIsASelectYesAndAUrlFieldIsText() throws IOException {
        Path in = Files.writeString(tmp.resolve("flags.json"), """
                {"issues":[{"id":"1","key":"A-1","fields":{"summary":"x","status":{"id":"1","name":"Open"},
                  "customfield_5":true, "customfield_6":"https://example.com/spec",
                  "customfield_7":{"accountId":"a1","displayName":"Ann","emailAddress":"ann@example.com"}}},
                 {"id":"2","key":"A-2","fields":{"summary":"y","status":{"id":"1","name":"Open"},
                  "customfield_5":false}},
                 {"id":"3","key":"A-3","fields":{"summary":"z","status":{"id":"1","name":"Open"},
                  "customfield_5":true}}],
                 "names":{"customfield_5":"Flagged","customfield_6":"Spec","customfield_7":"Reviewer"},
                 "schema":{"customfield_6":{"type":"string","custom":"com.atlassian.jira.plugin.system.customfieldtypes:url"},
                   "customfield_7":{"type":"user","custom":"com.atlassian.jira.plugin.system.customfieldtypes:userpicker"}}}""");
        try (PackageRun run = JiraRun.convert(tmp.resolve("out"), SourceOptions.defaults(), in)) {
            Map<String, JsonNode> fields = JiraSampleTest.byId(run.records("custom_fields"));
            JsonNode flagged = fields.get("cf:customfield_5");
            assertEquals("select", flagged.get("type").asText());
            assertEquals("[{\"id\":\"cf:customfield_5-yes\",\"value\":\"Yes\",\"sort_order\":1.0}]",
                    flagged.get("options").toString());
            assertEquals("string", fields.get("cf:customfield_6").get("type").asText());

            Map<String, JsonNode> cards = JiraSampleTest.byId(run.records("cards"));
            assertEquals("[\"cf:customfield_5-yes\"]", JiraSampleTest.property(cards.get("1"), "cf:customfield_5")
                    .toString());
            assertNull(JiraSampleTest.property(cards.get("2"), "cf:customfield_5"), "false: no value");
            assertEquals("[\"cf:customfield_5-yes\"]", JiraSampleTest.property(cards.get("3"), "cf:customfield_5")
                    .toString());
            assertEquals("https://example.com/spec", JiraSampleTest.property(cards.get("1"), "cf:customfield_6")
                    .asText());
            assertEquals(0, run.lost("(Flagged)"), "an unchecked box is no loss");

            List<String> notes = run.report.issues().stream().filter(i -> i.code() == IssueCode.FIELD_CHECKBOX_AS_SELECT
                    || i.code() == IssueCode.FIELD_TYPE_AS_STRING).map(Issue::message).toList();
            assertEquals(2, notes.size(), notes.toString());
            assertTrue(notes.contains("checkbox field 'Flagged' is written as a select with one option 'Yes':"
                    + " checked cards get it, unchecked cards no value"), notes.toString());
            assertTrue(notes.contains("url field 'Spec' is written as a text field (Kaiten's import has no url"
                    + " type); its values are kept as text"), notes.toString());
            assertEquals("user", fields.get("cf:customfield_7").get("type").asText(), "the one listed deviation");
            assertEquals(1, run.report.issues().stream().filter(i -> i.code() == IssueCode.FIELD_USER_TYPE).count());
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }
}
