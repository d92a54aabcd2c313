package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real Jira CSV export converts to a valid package, and counts computed here straight from the CSV (its own
 * parse, by column index) match the package: cards, comments, timers, attachments, links, parents, sprints and
 * custom fields; the only columns with data that are not carried are by-design drops, each reported once.
 */
class JiraCsvRealExportsTest {
    private static final Path REAL = Path.of("../shared/real-exports/jira-csv");

    static List<Path> realFiles() throws IOException {
        if (!Files.isDirectory(REAL)) {
            return List.of(Path.of("absent"));
        }
        try (Stream<Path> s = Files.list(REAL)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** The CSV read independently: header and all rows (the real exports are small). */
    record Table(List<String> header, List<CSVRecord> rows) {
        static Table of(Path file) throws IOException {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.parse(r)) {
                List<CSVRecord> all = p.getRecords();
                return new Table(all.get(0).toList(), all.subList(1, all.size()));
            }
        }

        List<Integer> columns(java.util.function.Predicate<String> header) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < this.header.size(); i++) {
                if (header.test(this.header.get(i))) {
                    out.add(i);
                }
            }
            return out;
        }

        long cells(java.util.function.Predicate<String> header) {
            long n = 0;
            for (CSVRecord r : rows) {
                for (int i : columns(header)) {
                    // "{}" is Jira's empty Development summary: no data in either format
                    n += i < r.size() && !r.get(i).isBlank() && !r.get(i).strip().equals("{}") ? 1 : 0;
                }
            }
            return n;
        }

        String cell(CSVRecord r, String header) {
            int i = this.header.indexOf(header);
            return i < 0 || i >= r.size() || r.get(i).isBlank() ? null : r.get(i).strip();
        }
    }

    /** Everyone named in the file gets an email, as a user's --users file would do, so timers have authors. */
    static Path usersFor(Table t, Path dir) throws IOException {
        Set<String> people = new LinkedHashSet<>();
        for (CSVRecord r : t.rows()) {
            for (int i = 0; i < t.header().size() && i < r.size(); i++) {
                String h = t.header().get(i);
                String v = r.get(i).strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (List.of("Assignee", "Reporter", "Creator", "Watchers", "Assignee Id", "Reporter Id", "Creator Id",
                        "Watchers Id").contains(h)) {
                    people.add(v);
                } else if (h.equals("Log Work")) {
                    String[] p = v.split(";");
                    people.add(p[p.length - 2]);
                } else if (h.equals("Comment") || h.equals("Attachment")) {
                    people.add(v.split(";")[1]);
                }
            }
        }
        StringBuilder sb = new StringBuilder("source,email,full_name\n");
        int n = 0;
        for (String p : people) {
            sb.append('"').append(p).append("\",person").append(n++).append("@example.com,\"").append(p)
                    .append("\"\n");
        }
        Path f = dir.resolve("users.csv");
        Files.writeString(f, sb);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFiles")
    void countsMatchTheCsv(Path file, @TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(file), "real exports are not available here");
        Table t = Table.of(file);
        SourceOptions options = SourceOptions.of(CommonOptions.defaults());
        try (JiraCsvRun run = JiraCsvRun.csv(tmp.resolve("out"), options, usersFor(t, tmp), file)) {
            assertEquals(0, run.report.errors(), () -> "validation errors: " + run.report.issues());
            List<JsonNode> cards = run.records("cards");
            assertEquals(t.rows().size(), cards.size(), "cards");
            assertEquals(t.cells("Comment"::equals), run.records("comments").size(), "comments");
            assertEquals(t.cells("Log Work"::equals), run.records("card_timers").size(), "timers");
            long attachments = t.cells("Attachment"::equals);
            long attachmentLinks = cards.stream().flatMap(c -> stream(c.path("links")))
                    .filter(l -> l.path("url").asText().contains("/attachment/")).count();
            assertEquals(attachments, attachmentLinks, "attachments become card links (no --attachments)");
            assertEquals(attachments, run.report.losses().count("jira fields.attachment"), "attachments counted");

            Map<String, String> idOfKey = new HashMap<>();
            t.rows().forEach(r -> idOfKey.put(t.cell(r, "Issue key"), t.cell(r, "Issue id")));
            Set<String> pairs = new HashSet<>();
            long outside = 0;
            for (CSVRecord r : t.rows()) {
                String me = t.cell(r, "Issue id");
                for (int i : t.columns(h -> h.matches("(Inward|Outward) issue link \\(.*\\)"))) {
                    String v = i < r.size() ? r.get(i).strip() : "";
                    if (v.isEmpty()) {
                        continue;
                    }
                    String other = idOfKey.get(v);
                    if (other == null) {
                        outside++;
                    } else {
                        pairs.add(me.compareTo(other) < 0 ? me + "-" + other : other + "-" + me);
                    }
                }
            }
            long related = cards.stream().mapToLong(c -> c.path("related_card_ids").size()
                    + c.path("blocks_card_ids").size() + c.path("blocked_by_card_ids").size()).sum();
            assertEquals(2L * pairs.size(), related, "links inside the export, on both cards");
            assertEquals(outside, run.report.losses().count("jira fields.issuelinks"), "links to outside");

            long withParent = t.rows().stream().filter(r -> t.cell(r, "Parent") != null
                    && idOfKey.containsValue(t.cell(r, "Parent"))).count();
            assertEquals(withParent, cards.stream().filter(c -> c.path("parent_card_ids").size() > 0).count(),
                    "parents");

            Set<String> sprints = new LinkedHashSet<>();
            long rowsWithSprint = 0;
            for (CSVRecord r : t.rows()) {
                boolean any = false;
                for (int i : t.columns("Sprint"::equals)) {
                    if (i < r.size() && !r.get(i).isBlank()) {
                        sprints.add(r.get(i).strip());
                        any = true;
                    }
                }
                rowsWithSprint += any ? 1 : 0;
            }
            JsonNode sprintField = run.records("custom_fields").stream()
                    .filter(f -> f.path("name").asText().equals("Sprint")).findFirst().orElse(null);
            if (!sprints.isEmpty()) {
                assertEquals(sprints.size(), sprintField.path("options").size(), "sprint options");
                String id = sprintField.path("id").asText();
                long carried = cards.stream().filter(c -> stream(c.path("properties"))
                        .anyMatch(p -> p.path("id").asText().equals(id))).count();
                assertEquals(rowsWithSprint, carried, "cards with a sprint");
            }

            // every Custom field (X) column with data is a custom field or a by-design drop, never "not mapped"
            Set<String> names = new HashSet<>();
            run.records("custom_fields").forEach(f -> names.add(f.path("name").asText()));
            LossLedger losses = run.report.losses();
            for (String h : new LinkedHashSet<>(t.header())) {
                if (t.cells(h::equals) == 0) {
                    continue;
                }
                boolean byDesign = losses.entries().stream().anyMatch(e -> e.sourceField().equals(
                        "jira-csv column '" + h + "'") && e.reason().startsWith("dropped by design"));
                if (h.startsWith("Custom field (")) {
                    String name = h.substring("Custom field (".length(), h.length() - 1);
                    boolean planned = run.report.issues().stream().anyMatch(i -> i.message().contains("'" + name
                            + "' is "));
                    assertTrue(names.contains(name) || byDesign || planned, h + " is neither carried nor dropped "
                            + "by design");
                }
            }
            for (var e : losses.entries()) {
                assertTrue(!e.reason().contains("not mapped") && !e.reason().contains("no Kaiten equivalent"),
                        "column lost without a reason: " + e);
                if (e.sourceField().startsWith("jira-csv column")) {
                    assertEquals(1, losses.entries().stream().filter(x -> x.sourceField().equals(e.sourceField()))
                            .count(), "reported once: " + e.sourceField());
                }
            }
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }
}
