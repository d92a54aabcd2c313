package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same counts read from a converted package, with the symmetry of its relations checked on the way. */
record PackageCounts(long cards, long comments, long timers, long files, long links, long hierarchy) {

    static PackageCounts of(PackageRun run) throws IOException {
        List<JsonNode> cards = run.records("cards");
        Set<String> comments = new HashSet<>();
        run.records("comments").forEach(c -> comments.add(c.get("id").asText().replaceAll("-part\\d+$", "")));
        Set<String> links = new HashSet<>();
        Set<String> parents = new HashSet<>();
        Set<String> children = new HashSet<>();
        Set<String> blockedBy = new HashSet<>();
        Set<String> blocks = new HashSet<>();
        for (JsonNode c : cards) {
            String id = c.get("id").asText();
            c.path("blocks_card_ids").forEach(b -> {
                links.add("b:" + id + ">" + b.asText());
                blocks.add(id + ">" + b.asText());
            });
            c.path("blocked_by_card_ids").forEach(b -> blockedBy.add(b.asText() + ">" + id));
            c.path("related_card_ids").forEach(r -> links.add("r:" + (id.compareTo(r.asText()) < 0
                    ? id + "|" + r.asText() : r.asText() + "|" + id)));
            c.path("parent_card_ids").forEach(p -> parents.add(p.asText() + ">" + id));
            c.path("child_card_ids").forEach(ch -> children.add(id + ">" + ch.asText()));
            assertTrue(c.path("related_card_ids").size() == 0 || cards.stream().anyMatch(o -> o.path("related_card_ids")
                    .toString().contains("\"" + id + "\"")), "related is symmetric for " + id);
        }
        assertEquals(parents, children, "parent_card_ids and child_card_ids mirror each other");
        assertEquals(blocks, blockedBy, "blocks_card_ids and blocked_by_card_ids mirror each other");
        return new PackageCounts(cards.size(), comments.size(), run.records("card_timers").size(),
                run.records("files").size(), links.size(), parents.size());
    }
}
