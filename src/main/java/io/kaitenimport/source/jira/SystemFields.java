package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.Location;

import java.util.Map;
import java.util.Set;

/**
 * Counts the system fields a card cannot carry. Fields the adapter maps are skipped, values Jira derives from
 * others (progress, work ratio, aggregates, the time-tracking summary) and per-viewer state (lastViewed) are not
 * data and are skipped too; every other non-empty field is counted under its id.
 */
final class SystemFields {
    static final Set<String> MAPPED = Set.of("summary", "description", "issuetype", "status", "project", "assignee",
            "reporter", "creator", "created", "duedate", "labels", "timeoriginalestimate", "attachment", "comment",
            "worklog", "issuelinks", "subtasks", "parent");
    static final Set<String> DERIVED = Set.of("workratio", "progress", "aggregateprogress",
            "aggregatetimeoriginalestimate", "aggregatetimeestimate", "aggregatetimespent", "timetracking",
            "lastViewed", "statuscategorychangedate", "thumbnail");
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("updated", "Kaiten sets its own update time"),
            Map.entry("resolutiondate", "Kaiten cards have no resolution date"),
            Map.entry("environment", "Kaiten cards have no environment field"),
            Map.entry("security", "security level: the card is visible to everyone on the board"),
            Map.entry("issuerestriction", "issue restrictions: the card is visible to everyone on the board"),
            Map.entry("timeestimate", "Kaiten cards have no remaining estimate"),
            Map.entry("timespent", "time spent is not a card field (worklogs become timers)"));

    private final SourceContext ctx;

    SystemFields(SourceContext ctx) {
        this.ctx = ctx;
    }

    void count(JsonNode fields, IssueStream.Position pos, String issueId) {
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
            String id = e.getKey();
            JsonNode v = e.getValue();
            if (FieldCatalog.isPropertyField(id) || MAPPED.contains(id) || DERIVED.contains(id) || Shape.isEmpty(v)) {
                continue;
            }
            Location at = pos.at(issueId, "/fields/" + id);
            switch (id) {
                case "watches" -> ctx.losses().lost("jira fields.watches", "Kaiten cards have no watchers",
                        v.path("watchCount").asLong(0), at);
                case "votes" -> ctx.losses().lost("jira fields.votes", "Kaiten cards have no votes",
                        v.path("votes").asLong(0), at);
                case "timeestimate", "timespent" -> {
                    if (v.asLong(0) > 0) {
                        ctx.losses().lost("jira fields." + id, REASONS.get(id), at);
                    }
                }
                case "issuerestriction" -> {
                    if (!Shape.isEmpty(v.get("issuerestrictions"))) {
                        ctx.losses().lost("jira fields." + id, REASONS.get(id), at);
                    }
                }
                default -> ctx.losses().lost("jira fields." + id, REASONS.getOrDefault(id,
                        "no Kaiten equivalent"), at);
            }
        }
    }
}
