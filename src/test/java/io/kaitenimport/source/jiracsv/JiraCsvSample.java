package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what Jira Server's "Export Excel CSV (all fields)" gives for the issues of a REST JSON search result:
 * sample-exports/jira-csv/server-v2.csv is made from sample-exports/jira/server-v2-search.json by this class
 * ({@code main}), and a test checks the two stay in step. Jira's CSV conventions: display names for people
 * (usernames inside comment, worklog and attachment cells), {@code dd/MMM/yy h:mm a} dates in the exporting
 * user's zone, one column per value of a multi-valued field, {@code Custom field (Name)} headers, link columns
 * named by link type holding keys, app objects as Java object names.
 */
public final class JiraCsvSample {
    static final Path JSON = Path.of("sample-exports/jira/server-v2-search.json");
    static final Path CSV = Path.of("sample-exports/jira-csv/server-v2.csv");
    static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yy", Locale.ENGLISH);
    private static final Pattern SPRINT_NAME = Pattern.compile("[\\[,]name=(.*?),startDate=");

    private JiraCsvSample() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(CSV.getParent());
        Files.writeString(CSV, csv(JSON), StandardCharsets.UTF_8);
    }

    /** A header group: name, and the cell values of one issue (as many columns as the busiest issue needs). */
    private record Group(String header, Function<JsonNode, List<String>> values) {
    }

    static String csv(Path json) throws IOException {
        JsonNode root = Json.MAPPER.readTree(json.toFile());
        JsonNode names = root.path("names");
        List<Group> groups = new ArrayList<>();
        groups.add(one("Summary", f -> text(f.get("summary"))));
        groups.add(new Group("Issue key", i -> List.of(i.path("key").asText())));
        groups.add(new Group("Issue id", i -> List.of(i.path("id").asText())));
        groups.add(one("Issue Type", f -> text(f.path("issuetype").get("name"))));
        groups.add(one("Status", f -> text(f.path("status").get("name"))));
        groups.add(one("Project key", f -> text(f.path("project").get("key"))));
        groups.add(one("Project name", f -> text(f.path("project").get("name"))));
        groups.add(one("Project type", f -> "software"));
        groups.add(one("Project lead", f -> "John Smith"));
        groups.add(one("Priority", f -> text(f.path("priority").get("name"))));
        groups.add(one("Resolution", f -> text(f.path("resolution").get("name"))));
        groups.add(one("Assignee", f -> text(f.path("assignee").get("displayName"))));
        groups.add(one("Reporter", f -> text(f.path("reporter").get("displayName"))));
        groups.add(one("Creator", f -> text(f.path("creator").get("displayName"))));
        groups.add(one("Created", f -> dateTime(f.get("created"))));
        groups.add(one("Updated", f -> dateTime(f.get("updated"))));
        groups.add(one("Last Viewed", f -> dateTime(f.get("updated"))));
        groups.add(one("Resolved", f -> dateTime(f.get("resolutiondate"))));
        groups.add(many("Affects Version/s", f -> names(f.get("versions"))));
        groups.add(many("Fix Version/s", f -> names(f.get("fixVersions"))));
        groups.add(many("Component/s", f -> names(f.get("components"))));
        groups.add(one("Due Date", f -> date(f.get("duedate"))));
        groups.add(one("Votes", f -> f.path("votes").path("votes").asText("0")));
        groups.add(many("Labels", f -> texts(f.get("labels"))));
        groups.add(one("Description", f -> text(f.get("description"))));
        groups.add(one("Environment", f -> text(f.get("environment"))));
        groups.add(many("Log Work", f -> {
            List<String> out = new ArrayList<>();
            for (JsonNode w : f.path("worklog").path("worklogs")) {
                out.add(w.path("comment").asText("") + ";" + dateTime(w.get("started")) + ";"
                        + w.path("author").path("name").asText() + ";" + w.path("timeSpentSeconds").asText());
            }
            return out;
        }));
        groups.add(one("Original Estimate", f -> text(f.get("timeoriginalestimate"))));
        groups.add(one("Remaining Estimate", f -> text(f.get("timeestimate"))));
        groups.add(one("Time Spent", f -> text(f.get("timespent"))));
        groups.add(one("Work Ratio", f -> f.path("workratio").asInt(-1) < 0 ? null
                : f.get("workratio").asText() + "%"));
        groups.add(one("Σ Original Estimate", f -> text(f.get("timeoriginalestimate"))));
        for (String type : linkTypes(root)) {
            groups.add(many("Inward issue link (" + type + ")", f -> links(f, type, "inwardIssue")));
            groups.add(many("Outward issue link (" + type + ")", f -> links(f, type, "outwardIssue")));
        }
        groups.add(many("Attachment", f -> {
            List<String> out = new ArrayList<>();
            for (JsonNode a : f.path("attachment")) {
                out.add(dateTime(a.get("created")) + ";" + a.path("author").path("name").asText() + ";"
                        + a.path("filename").asText() + ";" + a.path("content").asText());
            }
            return out;
        }));
        List<String> customIds = new ArrayList<>();
        names.fieldNames().forEachRemaining(id -> {
            if (id.startsWith("customfield_")) {
                customIds.add(id);
            }
        });
        for (String id : customIds) {
            String name = names.path(id).asText();
            String header = name.equals("Sprint") ? "Sprint" : "Custom field (" + name + ")";
            groups.add(many(header, f -> customValues(f.get(id))));
        }
        groups.add(many("Comment", f -> {
            List<String> out = new ArrayList<>();
            for (JsonNode c : f.path("comment").path("comments")) {
                out.add(dateTime(c.get("created")) + ";" + c.path("author").path("name").asText() + ";"
                        + c.path("body").asText());
            }
            return out;
        }));
        groups.add(one("Parent id", f -> text(f.path("parent").get("id"))));
        groups.add(many("Sub-tasks", f -> {
            List<String> keys = new ArrayList<>();
            f.path("subtasks").forEach(s -> keys.add(s.path("key").asText()));
            return keys.isEmpty() ? List.of() : List.of(String.join(", ", keys));
        }));

        Map<Group, Integer> widths = new LinkedHashMap<>();
        for (Group g : groups) {
            int w = 0;
            for (JsonNode issue : root.path("issues")) {
                w = Math.max(w, g.values().apply(issue).size());
            }
            if (w > 0) {
                widths.put(g, w);
            }
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            List<String> header = new ArrayList<>();
            widths.forEach((g, w) -> {
                for (int i = 0; i < w; i++) {
                    header.add(g.header());
                }
            });
            p.printRecord(header);
            for (JsonNode issue : root.path("issues")) {
                List<String> row = new ArrayList<>();
                widths.forEach((g, w) -> {
                    List<String> v = g.values().apply(issue);
                    for (int i = 0; i < w; i++) {
                        row.add(i < v.size() && v.get(i) != null ? v.get(i) : "");
                    }
                });
                p.printRecord(row);
            }
        }
        return out.toString();
    }

    private static Group one(String header, Function<JsonNode, String> value) {
        return new Group(header, i -> {
            String v = value.apply(i.path("fields"));
            return v == null || v.isEmpty() ? List.of() : List.of(v);
        });
    }

    private static Group many(String header, Function<JsonNode, List<String>> values) {
        return new Group(header, i -> values.apply(i.path("fields")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static List<String> names(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(v -> out.add(v.path("name").asText()));
        }
        return out;
    }

    private static String dateTime(JsonNode n) {
        String s = text(n);
        if (s == null) {
            return null;
        }
        return OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .atZoneSameInstant(ZONE).format(DATE_TIME);
    }

    private static String date(JsonNode n) {
        String s = text(n);
        return s == null ? null : java.time.LocalDate.parse(s).format(DATE);
    }

    private static List<String> linkTypes(JsonNode root) {
        List<String> types = new ArrayList<>();
        for (JsonNode issue : root.path("issues")) {
            for (JsonNode l : issue.path("fields").path("issuelinks")) {
                String t = l.path("type").path("name").asText();
                if (!types.contains(t)) {
                    types.add(t);
                }
            }
        }
        return types;
    }

    private static List<String> links(JsonNode f, String type, String side) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : f.path("issuelinks")) {
            if (l.path("type").path("name").asText().equals(type) && l.has(side)) {
                out.add(l.path(side).path("key").asText());
            }
        }
        return out;
    }

    /** How Jira prints a custom field value into CSV cells. */
    private static List<String> customValues(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            if (e.isTextual()) {
                Matcher m = SPRINT_NAME.matcher(e.asText());
                String s = m.find() ? m.group(1) : e.asText();
                out.add(s.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(s).format(DATE) : s);
            } else if (e.isNumber()) {
                out.add(e.asText());
            } else if (e.has("displayName")) {
                out.add(e.get("displayName").asText());
            } else if (e.has("value")) {
                out.add(e.get("value").asText());
            } else if (e.has("name")) {
                out.add(e.get("name").asText());
            } else if (e.isObject()) {
                out.add("com.example.plugin.ComplianceValue@1b2c3d4e");
            }
        }
        return out;
    }
}
