package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Jira export holds, counted straight from its JSON without the adapter's code: issues, comments and
 * worklogs (the larger of {@code total} and the embedded list), attachments, distinct issue links (a link is listed
 * on both issues with the same id) and distinct parent/child pairs (from {@code parent}, {@code subtasks} and
 * the fields whose {@code schema.custom} is Epic Link).
 */
record SourceCounts(long issues, long comments, long worklogs, long attachments, long links, long hierarchy) {

    static SourceCounts of(Path... files) throws IOException {
        List<JsonNode> issues = new ArrayList<>();
        Set<String> epicFields = new HashSet<>();
        for (Path f : files) {
            JsonNode root = new ObjectMapper().readTree(f.toFile());
            root.path("schema").fields().forEachRemaining(e -> {
                if (e.getValue().path("custom").asText().endsWith(":gh-epic-link")) {
                    epicFields.add(e.getKey());
                }
            });
            if (root.has("issues")) {
                root.get("issues").forEach(issues::add);
            } else {
                issues.add(root);
            }
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> idByKey = new HashMap<>();
        for (JsonNode i : issues) {
            String id = i.hasNonNull("id") ? i.get("id").asText() : i.path("key").asText();
            ids.add(id);
            if (i.hasNonNull("key")) {
                idByKey.put(i.get("key").asText(), id);
            }
        }
        long comments = 0;
        long worklogs = 0;
        long attachments = 0;
        Set<String> links = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (JsonNode i : issues) {
            String id = i.hasNonNull("id") ? i.get("id").asText() : i.path("key").asText();
            JsonNode f = i.path("fields");
            comments += Math.max(f.path("comment").path("total").asLong(0), f.path("comment").path("comments").size());
            worklogs += Math.max(f.path("worklog").path("total").asLong(0), f.path("worklog").path("worklogs").size());
            attachments += f.path("attachment").size();
            int n = 0;
            for (JsonNode l : f.path("issuelinks")) {
                JsonNode other = l.has("outwardIssue") ? l.get("outwardIssue") : l.path("inwardIssue");
                links.add(l.hasNonNull("id") ? "id:" + l.get("id").asText()
                        : id + "#" + n + ":" + ref(other, ids, idByKey));
                n++;
            }
            if (f.path("parent").isObject()) {
                pairs.add(ref(f.get("parent"), ids, idByKey) + ">" + id);
            }
            for (JsonNode s : f.path("subtasks")) {
                pairs.add(id + ">" + ref(s, ids, idByKey));
            }
            for (String epic : epicFields) {
                if (f.path(epic).isTextual()) {
                    pairs.add(ref(new ObjectMapper().createObjectNode().put("key", f.get(epic).asText()), ids, idByKey)
                            + ">" + id);
                }
            }
        }
        return new SourceCounts(issues.size(), comments, worklogs, attachments, links.size(), pairs.size());
    }

    private static String ref(JsonNode n, Set<String> ids, Map<String, String> idByKey) {
        if (n.hasNonNull("id") && ids.contains(n.get("id").asText())) {
            return n.get("id").asText();
        }
        if (n.hasNonNull("key") && idByKey.containsKey(n.get("key").asText())) {
            return idByKey.get(n.get("key").asText());
        }
        return "outside:" + n.path("key").asText(n.path("id").asText());
    }
}
