package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.jira.IssueStream;
import io.kaitenimport.source.jira.JiraPipeline;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Column;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Role;
import io.kaitenimport.source.tabular.Row;
import io.kaitenimport.source.tabular.RowSource;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Jira CSV rows as REST v2-shaped issues for {@link JiraPipeline}: pass 1 also learns people (name ↔ account id),
 * the order of numeric dates and the custom field types from all values; pass 2 then writes typed values. Memory
 * holds ids, people and distinct custom-field values, not rows.
 */
final class JiraCsvIssues implements JiraPipeline.Source {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** {@code com.atlassian.servicedesk…ApprovalsCFValue@170e16ef}: an app object printed by Java, no data. */
    private static final Pattern JAVA_OBJECT = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[\\w$]+)+@[0-9a-f]+");
    private static final Map<String, String> CATEGORY_KEYS = Map.of("to do", "new", "in progress", "indeterminate",
            "done", "done", "new", "new", "indeterminate", "indeterminate");

    private final SourceContext ctx;
    private final RowSource rows;
    private final JiraCsvColumns columns;
    private final CsvCustomFields custom;
    private final String baseUrl;
    private final ZoneId zone;
    private final String sprintId;
    private final Map<String, String> fieldColumn = new HashMap<>();
    private final CsvPeople people = new CsvPeople();
    private final CsvCells cells;
    private final JiraCsvDates.Evidence dateEvidence = new JiraCsvDates.Evidence();
    private final Map<Integer, Long> dropped = new LinkedHashMap<>();
    private final Map<Integer, Long> javaObjects = new LinkedHashMap<>();
    private JiraCsvDates.Order order = JiraCsvDates.Order.DAY_FIRST;
    private ObjectNode names;
    private ObjectNode schema;
    private ObjectNode late;

    JiraCsvIssues(SourceContext ctx, RowSource rows, JiraCsvColumns columns, String baseUrl) {
        this.ctx = ctx;
        this.rows = rows;
        this.columns = columns;
        this.custom = new CsvCustomFields(columns);
        this.baseUrl = baseUrl;
        this.zone = ctx.common().zone();
        this.sprintId = columns.of(Role.SPRINT).isEmpty() ? null : custom.reserve("Sprint");
        this.cells = new CsvCells(columns, people);
        for (Column c : columns.all()) {
            String f = c.role() == Role.SPRINT ? sprintId : JiraCsvColumns.jsonField(c.role());
            if (f != null) {
                fieldColumn.putIfAbsent(f, c.header());
            }
        }
    }

    CsvCustomFields customFields() {
        return custom;
    }

    JiraCsvDates.Evidence dates() {
        return dateEvidence;
    }

    /** The header a JSON pointer below an issue came from, for report positions. */
    private String columnOf(String pointer) {
        if (pointer == null || !pointer.startsWith("/fields/")) {
            return null;
        }
        String rest = pointer.substring("/fields/".length());
        int slash = rest.indexOf('/');
        String field = slash < 0 ? rest : rest.substring(0, slash);
        String header = fieldColumn.get(field);
        if (header == null) {
            for (CsvCustomFields.Field f : custom.fields()) {
                if (f.id.equals(field)) {
                    return f.headers.get(0);
                }
            }
        }
        return header;
    }

    @Override
    public void issues(int pass, IssueStream.Visitor visitor) throws IOException {
        String file = rows.name();
        long[] index = {0};
        rows.forEachRow(row -> {
            if (pass == 1) {
                learn(row);
            }
            ObjectNode issue = issue(row, pass);
            visitor.issue(issue, new IssueStream.Position(file, 0, index[0]++, "", row.line(), 1, this::columnOf));
        });
        if (pass == 1) {
            plan();
        }
    }

    private String cell(Row row, int index) {
        if (index < 0) {
            return null;
        }
        String v = row.cell(index).text();
        return v.isBlank() ? null : v.strip();
    }

    /** A cell's value as data: blank, {@code {}} (Development summary) and Java object dumps are not data. */
    private String data(Row row, int index) {
        String v = cell(row, index);
        if (v == null || v.equals("{}")) {
            return null;
        }
        return JAVA_OBJECT.matcher(v).matches() ? null : v;
    }

    private void learn(Row row) {
        pair(row, Role.ASSIGNEE, Role.ASSIGNEE_ID);
        pair(row, Role.REPORTER, Role.REPORTER_ID);
        pair(row, Role.CREATOR, Role.CREATOR_ID);
        List<Column> watchers = columns.of(Role.WATCHERS);
        List<Column> watcherIds = columns.of(Role.WATCHERS_ID);
        for (int i = 0; i < watchers.size() && i < watcherIds.size(); i++) {
            people.learn(cell(row, watchers.get(i).index()), cell(row, watcherIds.get(i).index()));
        }
        for (Column c : columns.all()) {
            String v = cell(row, c.index());
            if (v == null) {
                continue;
            }
            if (c.role() == Role.BOOKKEEPING) {
                dropped.merge(c.index(), 1L, Long::sum);
            } else if ((c.role() == Role.CUSTOM || c.role() == Role.UNKNOWN) && JAVA_OBJECT.matcher(v).matches()) {
                javaObjects.merge(c.index(), 1L, Long::sum);
            }
            switch (c.role()) {
                case CREATED, UPDATED, RESOLVED, DUE -> dateEvidence.see(v);
                case COMMENT, ATTACHMENT -> dateEvidence.see(v.split(";", 2)[0]);
                default -> {
                }
            }
        }
        custom.observe(i -> data(row, i));
    }

    private void pair(Row row, Role name, Role id) {
        people.learn(cell(row, columns.first(name)), cell(row, columns.first(id)));
    }

    private void plan() {
        order = dateEvidence.order() == null ? JiraCsvDates.Order.DAY_FIRST : dateEvidence.order();
        String rule = dateEvidence.rule();
        if (rule != null) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(rows.name()), rule);
            ctx.report().fact("date order", rule);
        }
        custom.plan(people::isPerson);
        names = F.objectNode();
        schema = F.objectNode();
        late = F.objectNode();
        // system fields that become properties are named as the export's header names them (Component/s …)
        Map<Role, String> system = new LinkedHashMap<>();
        system.put(Role.PRIORITY, "priority");
        system.put(Role.RESOLUTION, "resolution");
        system.put(Role.COMPONENTS, "components");
        system.put(Role.FIX_VERSIONS, "fixVersions");
        system.put(Role.AFFECTS_VERSIONS, "versions");
        system.forEach((role, field) -> columns.of(role).stream().findFirst()
                .ifPresent(c -> names.put(field, c.header())));
        if (sprintId != null) {
            names.put(sprintId, "Sprint");
            schema.set(sprintId, F.objectNode().put("type", "array").put("items", "string")
                    .put("custom", CsvCustomFields.Type.SPRINT.schemaCustom()));
        }
        for (CsvCustomFields.Field f : custom.fields()) {
            names.put(f.id, f.name);
            schema.set(f.id, F.objectNode().put("type", f.multi() ? "array" : "string")
                    .put("custom", f.type.schemaCustom()));
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(rows.name()).withField(String.join(", ",
                    new java.util.LinkedHashSet<>(f.headers))), "custom field " + f.id + " '" + f.name + "' is "
                    + f.type.label + " (" + f.rule + ")");
        }
        custom.lateValues().forEach((id, values) -> {
            ArrayNode a = late.putArray(id);
            values.forEach(a::add);
        });
        for (Map.Entry<Integer, Long> e : dropped.entrySet()) {
            Column c = columns.all().get(e.getKey());
            ctx.losses().lost("jira-csv column '" + c.header() + "'", "dropped by design: " + c.why(), e.getValue(),
                    Location.cell(rows.name(), rows.headerLine(), (long) c.index() + 1, c.header()));
        }
        for (Map.Entry<Integer, Long> e : javaObjects.entrySet()) {
            Column c = columns.all().get(e.getKey());
            ctx.losses().lost("jira-csv column '" + c.header() + "'", "dropped by design: a Jira app object "
                    + "exported as a Java object name (…@1a2b3c), which holds none of its data", e.getValue(),
                    Location.cell(rows.name(), rows.headerLine(), (long) c.index() + 1, c.header()));
        }
    }

    @Override
    public JsonNode names() {
        return names;
    }

    @Override
    public JsonNode schema() {
        return schema;
    }

    @Override
    public JsonNode lateValues() {
        return late;
    }

    /** One row as a Jira REST v2 issue; {@code pass} 1 leaves dates and typed custom values as text. */
    private ObjectNode issue(Row row, int pass) {
        ObjectNode issue = F.objectNode();
        String id = cell(row, columns.first(Role.ID));
        String key = cell(row, columns.first(Role.KEY));
        if (id != null) {
            issue.put("id", id);
        }
        if (key != null) {
            issue.put("key", key);
        }
        if (baseUrl != null && id != null) {
            issue.put("self", baseUrl + "/rest/api/2/issue/" + id);
        }
        ObjectNode f = issue.putObject("fields");
        text(f, "summary", cell(row, columns.first(Role.SUMMARY)));
        named(f, "issuetype", cell(row, columns.first(Role.TYPE)));
        ObjectNode project = F.objectNode();
        text(project, "id", cell(row, columns.first(Role.PROJECT_ID)));
        text(project, "key", cell(row, columns.first(Role.PROJECT_KEY)));
        text(project, "name", cell(row, columns.first(Role.PROJECT_NAME)));
        if (!project.isEmpty()) {
            f.set("project", project);
        }
        String status = cell(row, columns.first(Role.STATUS));
        if (status != null) {
            ObjectNode s = f.putObject("status").put("name", status);
            String cat = cell(row, columns.first(Role.STATUS_CATEGORY));
            String catKey = cat == null ? null : CATEGORY_KEYS.get(cat.toLowerCase(Locale.ROOT));
            if (catKey != null) {
                s.putObject("statusCategory").put("key", catKey).put("name", cat);
            }
        }
        named(f, "priority", cell(row, columns.first(Role.PRIORITY)));
        named(f, "resolution", cell(row, columns.first(Role.RESOLUTION)));
        named(f, "security", cell(row, columns.first(Role.SECURITY)));
        person(f, "assignee", row, Role.ASSIGNEE, Role.ASSIGNEE_ID);
        person(f, "reporter", row, Role.REPORTER, Role.REPORTER_ID);
        person(f, "creator", row, Role.CREATOR, Role.CREATOR_ID);
        dateTime(f, "created", cell(row, columns.first(Role.CREATED)), pass);
        dateTime(f, "updated", cell(row, columns.first(Role.UPDATED)), pass);
        dateTime(f, "resolutiondate", cell(row, columns.first(Role.RESOLVED)), pass);
        String due = cell(row, columns.first(Role.DUE));
        if (due != null) {
            JiraCsvDates.Parsed d = pass == 2 ? JiraCsvDates.parse(due, order) : null;
            f.put("duedate", d != null ? d.at().toLocalDate().toString() : due);
        }
        String votes = cell(row, columns.first(Role.VOTES));
        if (votes != null && CustomFieldStats.number(votes) != null && CustomFieldStats.number(votes).signum() > 0) {
            f.putObject("votes").put("votes", CustomFieldStats.number(votes).longValue());
        }
        ArrayNode labels = F.arrayNode();
        columns.of(Role.LABELS).forEach(c -> addText(labels, cell(row, c.index())));
        if (!labels.isEmpty()) {
            f.set("labels", labels);
        }
        text(f, "description", cell(row, columns.first(Role.DESCRIPTION)));
        text(f, "environment", cell(row, columns.first(Role.ENVIRONMENT)));
        long watchers = columns.of(Role.WATCHERS).stream().filter(c -> cell(row, c.index()) != null).count();
        if (watchers > 0) {
            f.putObject("watches").put("watchCount", watchers);
        }
        seconds(f, "timeoriginalestimate", row, Role.ORIGINAL_ESTIMATE, pass);
        seconds(f, "timeestimate", row, Role.REMAINING_ESTIMATE, pass);
        seconds(f, "timespent", row, Role.TIME_SPENT, pass);
        versions(f, "fixVersions", row, Role.FIX_VERSIONS);
        versions(f, "components", row, Role.COMPONENTS);
        versions(f, "versions", row, Role.AFFECTS_VERSIONS);
        UnaryOperator<String> dates = v -> {
            JiraCsvDates.Parsed d = pass == 2 ? JiraCsvDates.parse(v, order) : null;
            return d != null ? JiraCsvDates.iso(d, zone) : v;
        };
        cells.links(f, row);
        cells.parent(f, row);
        cells.comments(f, row, dates);
        cells.attachments(f, row, dates);
        cells.worklogs(f, row, dates);
        if (sprintId != null) {
            ArrayNode sprints = F.arrayNode();
            columns.of(Role.SPRINT).forEach(c -> addText(sprints, cell(row, c.index())));
            if (!sprints.isEmpty()) {
                f.set(sprintId, sprints);
            }
        }
        if (pass == 1) {
            custom.writeStable(f, i -> data(row, i));
        } else {
            custom.write(f, i -> data(row, i), v -> JiraCsvDates.parse(v, order), zone, people);
        }
        return issue;
    }

    private static void text(ObjectNode o, String field, String v) {
        if (v != null) {
            o.put(field, v);
        }
    }

    private static void addText(ArrayNode a, String v) {
        if (v != null) {
            a.add(v);
        }
    }

    private static void named(ObjectNode f, String field, String v) {
        if (v != null) {
            f.putObject(field).put("name", v);
        }
    }

    private void dateTime(ObjectNode o, String field, String v, int pass) {
        if (v == null) {
            return;
        }
        JiraCsvDates.Parsed d = pass == 2 ? JiraCsvDates.parse(v, order) : null;
        o.put(field, d != null ? JiraCsvDates.iso(d, zone) : v);
    }

    private void seconds(ObjectNode f, String field, Row row, Role role, int pass) {
        int col = columns.first(role);
        String v = cell(row, col);
        if (v == null) {
            return;
        }
        java.math.BigDecimal n = CustomFieldStats.number(v);
        if (n != null && n.signum() >= 0) {
            f.put(field, n.longValue());
        } else if (pass == 2) {
            Location at = Location.cell(rows.name(), row.line(), (long) col + 1, columns.all().get(col).header());
            ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "'" + v + "' is not a number of seconds; left empty");
            ctx.losses().lost("jira-csv column '" + columns.all().get(col).header() + "'", "not a number of seconds",
                    at);
        }
    }

    private void versions(ObjectNode f, String field, Row row, Role role) {
        ArrayNode a = F.arrayNode();
        columns.of(role).forEach(c -> {
            String v = cell(row, c.index());
            if (v != null) {
                a.addObject().put("name", v);
            }
        });
        if (!a.isEmpty()) {
            f.set(field, a);
        }
    }

    /** A person column and its {@code … Id} partner. */
    private void person(ObjectNode f, String field, Row row, Role name, Role idRole) {
        String n = cell(row, columns.first(name));
        String id = cell(row, columns.first(idRole));
        if (n == null && id == null) {
            return;
        }
        f.set(field, people.user(n, id));
    }
}
