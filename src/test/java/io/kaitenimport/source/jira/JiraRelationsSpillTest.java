package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.PackageRun;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Relation references of a big dump go to a temp file between the passes; the package and report must be the same
 * bytes as when they stay in memory, and the relations what the dump states: mirrored links once, sub-tasks listed
 * on both sides once, links outside the export as browse links, a card's lists in the order the dump names them.
 */
class JiraRelationsSpillTest {
    @TempDir
    Path tmp;

    private static final String[] TYPES = {
        "{\"name\":\"Blocks\",\"inward\":\"is blocked by\",\"outward\":\"blocks\"}",
        "{\"name\":\"Relates\",\"inward\":\"relates to\",\"outward\":\"relates to\"}",
        "{\"name\":\"Duplicate\",\"inward\":\"is duplicated by\",\"outward\":\"duplicates\"}"};

    /** n issues; issue i links outward to i+1..i+3 by a rule, and the target lists the mirror (every other one). */
    static String dump(int n) {
        List<List<String>> links = new ArrayList<>();
        List<List<String>> subtasks = new ArrayList<>();
        for (int i = 0; i <= n + 3; i++) {
            links.add(new ArrayList<>());
            subtasks.add(new ArrayList<>());
        }
        for (int i = 1; i <= n; i++) {
            int target = i + 1 + i % 3;
            String type = TYPES[i % TYPES.length];
            if (target <= n) {
                links.get(i).add(link(type, "outward", target));
                if (i % 2 == 0) {
                    links.get(target).add(link(type, "inward", i));
                }
            }
            if (i % 11 == 0) {
                links.get(i).add("{\"type\":" + TYPES[1] + ",\"outwardIssue\":{\"key\":\"OUT-" + i + "\","
                        + "\"self\":\"https://other.example.com/rest/api/2/issue/9" + i + "\"}}");
                links.get(i).add(link(TYPES[1], "inward", i));  // a link to itself
            }
            if (i % 13 == 0 && i + 1 <= n) {
                links.get(i).add(link(TYPES[0], "outward", i + 1)); // the same pair twice: counted once, a loss
            }
            if (i % 7 == 0 && i + 2 <= n) {
                subtasks.get(i).add("{\"id\":\"" + (i + 2) + "\",\"key\":\"P-" + (i + 2) + "\"}");
            }
        }
        StringBuilder sb = new StringBuilder("{\"issues\":[");
        for (int i = 1; i <= n; i++) {
            String parent = i % 5 == 0 && i > 5 ? ",\"parent\":{\"id\":\"" + (i - 5) + "\"}"
                    : (i - 2) % 7 == 0 && i > 2 ? ",\"parent\":{\"key\":\"P-" + (i - 2) + "\"}" : "";
            String epic = i % 17 == 0 ? ",\"customfield_10008\":\"P-" + (i / 2) + "\"" : "";
            sb.append(i > 1 ? "," : "").append("{\"id\":\"").append(i).append("\",\"key\":\"P-").append(i)
                    .append("\",\"self\":\"https://jira.example.com/rest/api/2/issue/").append(i)
                    .append("\",\"fields\":{\"summary\":\"S ").append(i)
                    .append("\",\"status\":{\"id\":\"1\",\"name\":\"To Do\"},\"issuelinks\":[")
                    .append(String.join(",", links.get(i))).append("],\"subtasks\":[")
                    .append(String.join(",", subtasks.get(i))).append("]").append(parent).append(epic)
                    .append("}}");
        }
        return sb.append("],\"names\":{\"customfield_10008\":\"Epic Link\"},\"schema\":{\"customfield_10008\":")
                .append("{\"type\":\"any\",\"custom\":\"com.pyxis.greenhopper.jira:gh-epic-link\"}}}").toString();
    }

    private static String link(String type, String direction, int other) {
        return "{\"type\":" + type + ",\"" + direction + "Issue\":{\"id\":\"" + other + "\",\"key\":\"P-" + other
                + "\"}}";
    }

    private PackageRun convert(String name, int inMemory, Path... inputs) throws IOException {
        int before = RefSpill.defaultInMemory;
        RefSpill.defaultInMemory = inMemory;
        try {
            return JiraRun.convert(tmp.resolve(name), SourceOptions.defaults(), inputs);
        } finally {
            RefSpill.defaultInMemory = before;
        }
    }

    private static void assertSamePackage(PackageRun a, PackageRun b) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(a.stage)) {
            files = s.sorted().toList();
        }
        try (Stream<Path> s = Files.list(b.stage)) {
            assertEquals(files.size(), s.count());
        }
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.stage.resolve(f.getFileName())),
                    f.getFileName().toString());
        }
        assertEquals(a.messages(), b.messages());
        assertEquals(a.report.issueCounts(), b.report.issueCounts());
        assertEquals(a.report.losses().entries(), b.report.losses().entries());
    }

    @Test
    void onDiskAndInMemoryGiveTheSamePackageAndReport() throws IOException {
        Path dump = Files.writeString(tmp.resolve("dump.json"), dump(600));
        Path[] inputs = {dump, JiraSampleTest.SERVER, JiraSampleTest.CLOUD};
        try (PackageRun memory = convert("memory", RefSpill.IN_MEMORY, inputs);
             PackageRun disk = convert("disk", 0, inputs)) {
            assertSamePackage(memory, disk);
            assertEquals(List.of(), disk.errorMessages());
        }
    }

    @Test
    void relationsAreWhatTheDumpStatesOnceEach() throws IOException {
        Path dump = Files.writeString(tmp.resolve("dump.json"), dump(60));
        try (PackageRun run = convert("disk", 0, dump)) {
            Map<String, JsonNode> cards = JiraSampleTest.byId(run.records("cards"));
            // 3 → 4 (Blocks, i % 3 == 0: target i + 1); issue 4 is not even, so it lists no mirror
            assertEquals("[\"4\"]", cards.get("3").get("blocks_card_ids").toString());
            // 23 → 26 and 26 → 29 (Duplicate, flattened to related), in the order of the issues naming them
            assertEquals("[\"23\",\"29\"]", cards.get("26").get("related_card_ids").toString());
            assertEquals("[\"27\"]", cards.get("26").get("blocks_card_ids").toString());
            // 7 lists sub-task 9, and 9 names 7 as its parent (by key): one pair; 10 names 5 by id
            assertEquals("[\"9\"]", cards.get("7").get("child_card_ids").toString());
            assertEquals("[\"10\"]", cards.get("5").get("child_card_ids").toString());
            // 34's Epic Link names P-17
            assertEquals("[\"17\"]", cards.get("34").get("parent_card_ids").toString());
            assertEquals("[\"7\"]", cards.get("9").get("parent_card_ids").toString());
            // 22: a link to OUT-22 outside the export becomes a browse link; its self-link is dropped
            assertEquals("https://other.example.com/browse/OUT-22",
                    cards.get("22").get("links").get(0).get("url").asText());
            assertEquals(0, run.errors(), run.messages().toString());
            assertEquals(List.of(), run.errorMessages());
            assertEquals(5, run.report.losses().entries().stream()
                    .filter(e -> e.reason().equals("refers to the issue itself")).mapToLong(e -> e.count()).sum());
        }
    }
}
