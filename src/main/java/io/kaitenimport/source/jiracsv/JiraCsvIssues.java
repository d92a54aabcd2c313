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
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira CSV rows as REST v2-shaped issues for {@link JiraPipeline}: pass 1 also learns people (name ↔ account id),
 * the order of numeric dates and the custom field types from all values; pass 2 then writes typed values. Memory
 * holds ids, people and distinct custom-field values, not rows.
 */
final class JiraCsvIssues implements JiraPipeline.Source {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");
    /** {@code com.atlassian.servicedesk…ApprovalsCFValue@170e16ef}: an app object printed by Java, no data. */
    private static final Pattern JAVA_OBJECT = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[\\w$]+)+@[0-9a-f]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile(
            "\\d+:[0-9a-f-]{8,}|[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ATTACHMENT_ID = Pattern.compile("/(?:attachment/content|secure/attachment)/(\\d+)");
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
    /** Account id → display name, and the set of names and ids that are people. */
    private final Map<String, String> nameOfId = new HashMap<>();
    private final Map<String, String> idOfName = new HashMap<>();
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
        for (Column c : columns.all()) {
            String f = jsonField(c);
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

    private String jsonField(Column c) {
        return switch (c.role()) {
            case SUMMARY -> "summary";
            case TYPE -> "issuetype";
            case STATUS -> "status";
            case PRIORITY -> "priority";
            case RESOLUTION -> "resolution";
            case ASSIGNEE -> "assignee";
            case REPORTER -> "reporter";
            case CREATOR -> "creator";
            case CREATED -> "created";
            case UPDATED -> "updated";
            case RESOLVED -> "resolutiondate";
            case DUE -> "duedate";
            case VOTES -> "votes";
            case LABELS -> "labels";
            case DESCRIPTION -> "description";
            case ENVIRONMENT -> "environment";
            case WATCHERS -> "watches";
            case LOG_WORK -> "worklog";
            case ORIGINAL_ESTIMATE -> "timeoriginalestimate";
            case REMAINING_ESTIMATE -> "timeestimate";
            case TIME_SPENT -> "timespent";
            case SECURITY -> "security";
            case LINK_IN, LINK_OUT -> "issuelinks";
            case ATTACHMENT -> "attachment";
            case COMMENT -> "comment";
            case FIX_VERSIONS -> "fixVersions";
            case COMPONENTS -> "components";
            case AFFECTS_VERSIONS -> "versions";
            case SPRINT -> sprintId;
            case PARENT_ID, PARENT_KEY -> "parent";
            case SUBTASKS -> "subtasks";
            case PROJECT_KEY, PROJECT_NAME, PROJECT_ID -> "project";
            default -> null;
        };
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
            person(cell(row, watchers.get(i).index()), cell(row, watcherIds.get(i).index()));
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
        person(cell(row, columns.first(name)), cell(row, columns.first(id)));
    }

    private void person(String name, String id) {
        if (name != null && id != null) {
            nameOfId.putIfAbsent(id, name);
            idOfName.putIfAbsent(name, id);
        } else if (name != null) {
            idOfName.putIfAbsent(name, null);
        }
    }

    private boolean isPerson(String v) {
        return idOfName.containsKey(v) || nameOfId.containsKey(v);
    }

    private void plan() {
        order = dateEvidence.order() == null ? JiraCsvDates.Order.DAY_FIRST : dateEvidence.order();
        String rule = dateEvidence.rule();
        if (rule != null) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(rows.name()), rule);
            ctx.report().fact("date order", rule);
        }
        custom.plan(this::isPerson);
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
        links(f, row);
        parent(f, row);
        comments(f, row, pass);
        attachments(f, row, pass);
        worklogs(f, row, pass);
        if (sprintId != null) {
            ArrayNode sprints = F.arrayNode();
            columns.of(Role.SPRINT).forEach(c -> addText(sprints, cell(row, c.index())));
            if (!sprints.isEmpty()) {
                f.set(sprintId, sprints);
            }
        }
        customFields(f, row, pass);
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
        BigDecimal n = CustomFieldStats.number(v);
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
        f.set(field, user(n, id));
    }

    private ObjectNode user(String name, String id) {
        ObjectNode u = F.objectNode();
        if (id == null && name != null) {
            id = idOfName.get(name);
        }
        if (name == null && id != null) {
            name = nameOfId.get(id);
        }
        text(u, "accountId", id);
        text(u, "displayName", name);
        return u;
    }

    /** A comment/attachment/worklog author: an account id, a display name or a Server username. */
    private ObjectNode author(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String t = token.strip();
        if (nameOfId.containsKey(t) || ACCOUNT_ID.matcher(t).matches()) {
            return user(nameOfId.get(t), t);
        }
        if (idOfName.containsKey(t)) {
            return user(t, idOfName.get(t));
        }
        return F.objectNode().put("name", t).put("displayName", t);
    }

    private void links(ObjectNode f, Row row) {
        ArrayNode links = F.arrayNode();
        for (Column c : columns.all()) {
            if (c.role() != Role.LINK_IN && c.role() != Role.LINK_OUT) {
                continue;
            }
            String v = cell(row, c.index());
            if (v == null) {
                continue;
            }
            for (String target : v.split("[,\\s]+")) {
                ObjectNode l = links.addObject();
                l.putObject("type").put("name", c.name());
                ObjectNode other = l.putObject(c.role() == Role.LINK_OUT ? "outwardIssue" : "inwardIssue");
                other.put(KEY.matcher(target).matches() ? "key" : "id", target);
            }
        }
        if (!links.isEmpty()) {
            f.set("issuelinks", links);
        }
    }

    private void parent(ObjectNode f, Row row) {
        String pid = cell(row, columns.first(Role.PARENT_ID));
        String pkey = cell(row, columns.first(Role.PARENT_KEY));
        if (pid != null && KEY.matcher(pid).matches() && pkey == null) {
            pkey = pid;
            pid = null;
        }
        if (pid != null || pkey != null) {
            ObjectNode p = f.putObject("parent");
            text(p, "id", pid);
            text(p, "key", pkey);
        }
        ArrayNode subtasks = F.arrayNode();
        for (Column c : columns.of(Role.SUBTASKS)) {
            String v = cell(row, c.index());
            if (v != null) {
                for (String s : v.split("[,;\\s]+")) {
                    if (!s.isBlank()) {
                        subtasks.addObject().put(KEY.matcher(s).matches() ? "key" : "id", s);
                    }
                }
            }
        }
        if (!subtasks.isEmpty()) {
            f.set("subtasks", subtasks);
        }
    }

    /** {@code date;author;body}: only the first two semicolons are structure, the body keeps its own. */
    private void comments(ObjectNode f, Row row, int pass) {
        ArrayNode list = F.arrayNode();
        for (Column c : columns.of(Role.COMMENT)) {
            String v = cell(row, c.index());
            if (v == null) {
                continue;
            }
            String[] parts = v.split(";", 3);
            ObjectNode cm = list.addObject();
            if (parts.length < 3 || !JiraCsvDates.looksLikeDate(parts[0])) {
                cm.put("body", v);
                continue;
            }
            ObjectNode a = author(parts[1]);
            if (a != null) {
                cm.set("author", a);
            }
            cm.put("body", parts[2]);
            dateTime(cm, "created", parts[0], pass);
        }
        if (!list.isEmpty()) {
            f.putObject("comment").set("comments", list);
        }
    }

    /** {@code date;author;name;url}: the name may hold semicolons, so the URL is split from the right. */
    private void attachments(ObjectNode f, Row row, int pass) {
        ArrayNode list = F.arrayNode();
        for (Column c : columns.of(Role.ATTACHMENT)) {
            String v = cell(row, c.index());
            if (v == null) {
                continue;
            }
            ObjectNode a = list.addObject();
            String[] head = v.split(";", 3);
            int urlAt = v.lastIndexOf(';');
            if (head.length < 3 || urlAt <= head[0].length() + head[1].length() + 1) {
                a.put("filename", v);
                continue;
            }
            String url = v.substring(urlAt + 1).strip();
            String name = v.substring(head[0].length() + head[1].length() + 2, urlAt).strip();
            Matcher m = ATTACHMENT_ID.matcher(url);
            if (m.find()) {
                a.put("id", m.group(1));
            }
            a.put("filename", name);
            ObjectNode au = author(head[1]);
            if (au != null) {
                a.set("author", au);
            }
            dateTime(a, "created", head[0], pass);
            if (url.startsWith("http")) {
                a.put("content", url);
            }
        }
        if (!list.isEmpty()) {
            f.set("attachment", list);
        }
    }

    /** {@code comment;started;author;seconds}: the comment may hold semicolons, so split from the right. */
    private void worklogs(ObjectNode f, Row row, int pass) {
        ArrayNode list = F.arrayNode();
        for (Column c : columns.of(Role.LOG_WORK)) {
            String v = cell(row, c.index());
            if (v == null) {
                continue;
            }
            ObjectNode w = list.addObject();
            int s3 = v.lastIndexOf(';');
            int s2 = s3 < 0 ? -1 : v.lastIndexOf(';', s3 - 1);
            int s1 = s2 < 0 ? -1 : v.lastIndexOf(';', s2 - 1);
            if (s1 < 0) {
                w.put("comment", v);
                continue;
            }
            String comment = v.substring(0, s1).strip();
            if (!comment.isEmpty()) {
                w.put("comment", comment);
            }
            dateTime(w, "started", v.substring(s1 + 1, s2).strip(), pass);
            ObjectNode a = author(v.substring(s2 + 1, s3));
            if (a != null) {
                w.set("author", a);
            }
            String secs = v.substring(s3 + 1).strip();
            BigDecimal n = CustomFieldStats.number(secs);
            if (n != null) {
                w.put("timeSpentSeconds", n.longValue());
            } else {
                w.put("timeSpentSeconds", secs);
            }
        }
        if (!list.isEmpty()) {
            f.putObject("worklog").set("worklogs", list);
        }
    }

    private void customFields(ObjectNode f, Row row, int pass) {
        if (pass == 1) {
            // only fields whose id does not depend on the data; repeated names come after pass 1 (lateValues)
            for (Column c : columns.all()) {
                if (c.role() != Role.CUSTOM && c.role() != Role.UNKNOWN) {
                    continue;
                }
                String id = custom.stableId(c);
                String v = data(row, c.index());
                if (id != null && v != null) {
                    f.put(id, v);
                }
            }
            return;
        }
        for (CsvCustomFields.Field field : custom.fields()) {
            List<String> values = new ArrayList<>();
            for (int col : field.columns) {
                String v = data(row, col);
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            List<JsonNode> typed = new ArrayList<>();
            for (String v : values) {
                typed.add(typed(field.type, v));
            }
            if (field.multi()) {
                ArrayNode a = f.putArray(field.id);
                typed.forEach(a::add);
            } else {
                f.set(field.id, typed.get(0));
            }
        }
    }

    private JsonNode typed(CsvCustomFields.Type type, String v) {
        switch (type) {
            case NUMBER:
                BigDecimal n = CustomFieldStats.number(v);
                return n == null ? F.textNode(v) : F.numberNode(n);
            case DATE:
            case DATETIME:
                JiraCsvDates.Parsed d = JiraCsvDates.parse(v, order);
                if (d == null) {
                    return F.textNode(v);
                }
                return F.textNode(type == CsvCustomFields.Type.DATE ? d.at().toLocalDate().toString()
                        : JiraCsvDates.iso(d, zone));
            case USER:
            case USERS:
                return nameOfId.containsKey(v) ? user(nameOfId.get(v), v) : user(v, null);
            default:
                return F.textNode(v);
        }
    }
}
