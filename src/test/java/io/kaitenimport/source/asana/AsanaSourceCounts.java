package io.kaitenimport.source.asana;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an Asana export holds, counted straight from the file with a plain JSON tree or CSV parser — none of the
 * adapter's code — so the count tests compare the package against an independent reading.
 */
record AsanaSourceCounts(long tasks, long subtasks, long sections, long comments, long dependencies,
                         long customValues) {

    static AsanaSourceCounts of(Path file) throws IOException {
        return file.toString().endsWith(".csv") ? csv(file) : json(file);
    }

    private static AsanaSourceCounts json(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        JsonNode data = root.has("data") ? root.get("data") : root;
        Set<String> tasks = new HashSet<>();
        Set<String> subtasks = new HashSet<>();
        Set<String> boardProjects = new HashSet<>();
        Map<String, String> sections = new TreeMap<>();
        Set<String> pairs = new HashSet<>();
        long[] counts = new long[2];
        for (JsonNode t : data.isArray() ? data : List.of(data)) {
            walk(t, false, tasks, subtasks, boardProjects, sections, pairs, counts);
        }
        long sectionCount = sections.entrySet().stream().filter(e -> boardProjects.contains(e.getValue())).count();
        return new AsanaSourceCounts(tasks.size(), subtasks.size(), sectionCount, counts[0], pairs.size(), counts[1]);
    }

    private static void walk(JsonNode t, boolean nested, Set<String> tasks, Set<String> subtasks,
                             Set<String> boardProjects, Map<String, String> sections, Set<String> pairs,
                             long[] counts) {
        String gid = t.path("gid").asText(null);
        if (gid == null || "section".equals(t.path("resource_subtype").asText())) {
            return;
        }
        if (!tasks.add(gid)) {
            return;
        }
        if (nested || t.path("parent").hasNonNull("gid")) {
            subtasks.add(gid);
        }
        JsonNode ms = t.path("memberships");
        if (ms.size() > 0) {
            boardProjects.add(ms.get(0).path("project").path("gid").asText());
        }
        for (JsonNode m : ms) {
            if (m.path("section").hasNonNull("gid")) {
                sections.putIfAbsent(m.path("section").path("gid").asText(), m.path("project").path("gid").asText());
            }
        }
        for (JsonNode s : t.path("stories")) {
            String sub = s.path("resource_subtype").asText("");
            if (sub.equals("comment_added") || sub.isEmpty() && s.path("type").asText("").equals("comment")) {
                counts[0]++;
            }
        }
        for (JsonNode d : t.path("dependencies")) {
            pairs.add(d.path("gid").asText() + ">" + gid);
        }
        for (JsonNode d : t.path("dependents")) {
            pairs.add(gid + ">" + d.path("gid").asText());
        }
        for (JsonNode f : t.path("custom_fields")) {
            boolean value = !f.path("text_value").asText("").isBlank() || f.path("number_value").isNumber()
                    || f.path("enum_value").isObject() || f.path("multi_enum_values").size() > 0
                    || f.path("date_value").isObject() || f.path("people_value").size() > 0;
            counts[1] += value ? 1 : 0;
        }
        for (JsonNode s : t.path("subtasks")) {
            walk(s, true, tasks, subtasks, boardProjects, sections, pairs, counts);
        }
    }

    private static AsanaSourceCounts csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            header.putAll(p.getHeaderMap());
            Set<String> standard = Set.of("task id", "created at", "completed at", "last modified", "name",
                    "section/column", "column", "assignee", "assignee email", "start date", "due date", "tags",
                    "notes", "projects", "parent task", "blocked by (dependencies)", "blocking (dependencies)");
            long tasks = 0;
            long subtasks = 0;
            long custom = 0;
            Set<String> sections = new HashSet<>();
            Set<String> pairs = new HashSet<>();
            for (CSVRecord r : p) {
                if (r.toList().stream().allMatch(String::isBlank)) {
                    continue;
                }
                tasks++;
                String id = get(r, header, "task id");
                if (!get(r, header, "parent task").isBlank()) {
                    subtasks++;
                }
                String project = get(r, header, "projects").split(",")[0].strip();
                String section = get(r, header, "section/column");
                section = section.isEmpty() ? get(r, header, "column") : section;
                if (!project.isEmpty() && !section.isBlank() && !section.strip().equals("(no section)")) {
                    sections.add(project + "/" + section.strip());
                }
                for (String d : get(r, header, "blocked by (dependencies)").split(",")) {
                    if (!d.isBlank()) {
                        pairs.add(d.strip() + ">" + id);
                    }
                }
                for (String d : get(r, header, "blocking (dependencies)").split(",")) {
                    if (!d.isBlank()) {
                        pairs.add(id + ">" + d.strip());
                    }
                }
                for (Map.Entry<String, Integer> h : p.getHeaderMap().entrySet()) {
                    if (!standard.contains(h.getKey().strip().toLowerCase(Locale.ROOT)) && h.getValue() < r.size()
                            && !r.get(h.getValue()).isBlank()) {
                        custom++;
                    }
                }
            }
            return new AsanaSourceCounts(tasks, subtasks, sections.size(), 0, pairs.size(), custom);
        }
    }

    private static String get(CSVRecord r, Map<String, Integer> header, String name) {
        Integer i = header.get(name);
        return i == null || i >= r.size() ? "" : r.get(i);
    }
}
