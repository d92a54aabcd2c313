package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Jira link is listed on both of its issues: the mirror is one relation, neither written twice nor lost. */
class JiraLinksTest {
    @TempDir
    Path tmp;

    private static final String BLOCKS = "{\"name\":\"Blocks\",\"inward\":\"is blocked by\",\"outward\":\"blocks\"}";
    private static final String RELATES = "{\"name\":\"Relates\",\"inward\":\"relates to\",\"outward\":\"relates to\"}";

    private static String issue(String id, String links) {
        return """
                {"id":"%s","key":"P-%s","fields":{"summary":"S %s","status":{"id":"1","name":"To Do"},
                  "issuelinks":[%s]}}""".formatted(id, id, id, links);
    }

    private static String link(String linkId, String type, String direction, String otherId) {
        return "{" + (linkId == null ? "" : "\"id\":\"" + linkId + "\",") + "\"type\":" + type + ",\"" + direction
                + "Issue\":{\"id\":\"" + otherId + "\",\"key\":\"P-" + otherId + "\"}}";
    }

    private PackageRun convert(String... issues) throws IOException {
        Path in = Files.writeString(tmp.resolve("links" + System.nanoTime() + ".json"),
                "{\"issues\":[" + String.join(",", issues) + "]}");
        return JiraRun.convert(tmp.resolve("out" + System.nanoTime()), SourceOptions.defaults(), in);
    }

    @Test
    void mirroredLinksWithoutIdsAreOneRelationAndNoLoss() throws IOException {
        try (PackageRun run = convert(
                issue("1", link(null, BLOCKS, "outward", "2") + "," + link(null, RELATES, "inward", "3")),
                issue("2", link(null, BLOCKS, "inward", "1")),
                issue("3", link(null, RELATES, "outward", "1")))) {
            Map<String, JsonNode> cards = JiraSampleTest.byId(run.records("cards"));
            assertEquals("[\"2\"]", cards.get("1").get("blocks_card_ids").toString());
            assertEquals("[\"1\"]", cards.get("2").get("blocked_by_card_ids").toString());
            assertEquals("[\"3\"]", cards.get("1").get("related_card_ids").toString());
            assertEquals("[\"1\"]", cards.get("3").get("related_card_ids").toString());
            assertEquals(0, run.report.losses().count("jira fields.issuelinks"));
            assertEquals(0, run.report.losses().total(), run.report.losses().entries().toString());
        }
    }

    @Test
    void aMirrorWithAnIdMatchesOneWithout() throws IOException {
        try (PackageRun run = convert(
                issue("1", link("77", BLOCKS, "outward", "2")),
                issue("2", link(null, BLOCKS, "inward", "1")))) {
            assertEquals("[\"2\"]", JiraSampleTest.byId(run.records("cards")).get("1").get("blocks_card_ids")
                    .toString());
            assertEquals(0, run.report.losses().count("jira fields.issuelinks"));
        }
    }

    @Test
    void aSecondLinkBetweenTheSameIssuesIsCountedOnceEvenWhenMirrored() throws IOException {
        // two Jira links: 1 relates to 2, and 2 relates to 1; Kaiten keeps one 'related' pair
        try (PackageRun run = convert(
                issue("1", link(null, RELATES, "outward", "2") + "," + link(null, RELATES, "inward", "2")),
                issue("2", link(null, RELATES, "inward", "1") + "," + link(null, RELATES, "outward", "1")))) {
            assertEquals("[\"2\"]", JiraSampleTest.byId(run.records("cards")).get("1").get("related_card_ids")
                    .toString());
            assertEquals(1, run.report.losses().count("jira fields.issuelinks"));
        }
    }

    @Test
    void aLinkListedTwiceOnOneIssueToAnIssueOutsideTheExportIsOneLoss() throws IOException {
        try (PackageRun run = convert(issue("1", link(null, BLOCKS, "outward", "9") + ","
                + link(null, BLOCKS, "outward", "9")))) {
            assertEquals(1, run.report.losses().count("jira fields.issuelinks"));
        }
    }
}
