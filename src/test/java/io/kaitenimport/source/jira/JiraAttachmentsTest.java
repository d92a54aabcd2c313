package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --attachments lookup: {@code DIR/<id>/<filename>} and {@code DIR/<id>} first; a bare {@code DIR/<filename>} only
 * when no other attachment of the export has that name. The size is the packaged file's.
 */
class JiraAttachmentsTest {
    @TempDir
    Path tmp;

    /** Issue 1 has attachment 501, issue 2 has 502 and 503; 501 and 502 share a name. */
    private Path export() throws IOException {
        return Files.writeString(tmp.resolve("att.json"), """
                {"issues":[
                  {"id":"1","key":"A-1","fields":{"summary":"x","status":{"id":"1","name":"Open"},
                    "attachment":[{"id":"501","filename":"image.png","size":999999,
                      "content":"https://x.example/a/501"}]}},
                  {"id":"2","key":"A-2","fields":{"summary":"y","status":{"id":"1","name":"Open"},
                    "attachment":[{"id":"502","filename":"Image.PNG","size":999999,
                      "content":"https://x.example/a/502"},
                      {"id":"503","filename":"only.txt","size":999999,"content":"https://x.example/a/503"}]}}]}""");
    }

    private PackageRun convert(Path dir) throws IOException {
        return JiraRun.convert(tmp.resolve("out" + System.nanoTime()), JiraRun.options(null, null, dir, null, false),
                export());
    }

    @Test
    void aNameSharedByTwoAttachmentsIsNotLookedUpBare() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("flat"));
        Files.writeString(dir.resolve("image.png"), "one picture");
        Files.writeString(dir.resolve("only.txt"), "unique");
        try (PackageRun run = convert(dir)) {
            List<JsonNode> files = run.records("files");
            assertEquals(List.of("503"), files.stream().map(f -> f.get("id").asText()).toList(),
                    "a unique name is found bare");
            assertEquals(6, files.get(0).get("size").asLong(), "size of the packaged file, not the JSON's");
            List<Issue> att = run.report.issues().stream().filter(i -> i.code() == IssueCode.SOURCE_ATTACHMENT)
                    .toList();
            assertEquals(2, att.size());
            assertTrue(att.get(0).message().contains("several attachments are named 'image.png'; put them in "
                    + dir + "/<attachment id>/"), att.get(0).message());
            assertEquals("/issues/0/fields/attachment/0", att.get(0).location().pointer());
            assertEquals(2, run.report.losses().count("jira fields.attachment"));
            Map<String, JsonNode> cards = JiraSampleTest.byId(run.records("cards"));
            assertTrue(cards.get("1").get("links").toString().contains("https://x.example/a/501"));
            assertTrue(cards.get("2").get("links").toString().contains("https://x.example/a/502"));
        }
    }

    @Test
    void attachmentsSharingANameAreFoundInTheirIdFolders() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("byid"));
        Files.writeString(Files.createDirectories(dir.resolve("501")).resolve("image.png"), "first");
        Files.writeString(dir.resolve("502"), "the second one");
        Files.writeString(dir.resolve("image.png"), "ambiguous, never used");
        try (PackageRun run = convert(dir)) {
            Map<String, JsonNode> files = JiraSampleTest.byId(run.records("files"));
            assertEquals("first", Files.readString(run.stage.resolve(files.get("501").get("path").asText())));
            assertEquals("the second one", Files.readString(run.stage.resolve(files.get("502").get("path")
                    .asText())));
            assertEquals(5, files.get("501").get("size").asLong());
            assertEquals(14, files.get("502").get("size").asLong());
            assertEquals(1, run.report.losses().count("jira fields.attachment"), "only.txt is not in the folder");
            assertEquals(0, run.report.errors(), run.report.issues().toString());
        }
    }
}
