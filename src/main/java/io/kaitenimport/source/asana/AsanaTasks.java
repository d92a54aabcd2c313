package io.kaitenimport.source.asana;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Dates;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.Users;
import io.kaitenimport.source.text.HtmlText;
import io.kaitenimport.source.text.TextConversion;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.kaitenimport.source.asana.AsanaJsonValues.count;
import static io.kaitenimport.source.asana.AsanaJsonValues.firstText;
import static io.kaitenimport.source.asana.AsanaJsonValues.flag;
import static io.kaitenimport.source.asana.AsanaJsonValues.gidOf;
import static io.kaitenimport.source.asana.AsanaJsonValues.isDate;
import static io.kaitenimport.source.asana.AsanaJsonValues.isEmpty;
import static io.kaitenimport.source.asana.AsanaJsonValues.person;
import static io.kaitenimport.source.asana.AsanaJsonValues.text;

/**
 * Turns one task object of the JSON into an {@link AsanaTask}. Values of an unexpected shape are reported and
 * counted as lost under {@code asana task.<field>} (only on the reporting pass), never a crash; keys the package
 * has no place for are counted per key.
 */
final class AsanaTasks {
    /** Keys read into the task, or that describe the reader rather than the task (viewer flags, type tags). */
    private static final Set<String> READ = Set.of("gid", "id", "name", "notes", "html_notes", "assignee",
            "followers", "created_by", "completed", "completed_at", "created_at", "due_on", "due_at", "start_on",
            "start_at", "memberships", "projects", "tags", "custom_fields", "subtasks", "stories", "attachments",
            "dependencies", "dependents", "parent", "resource_subtype", "resource_type", "permalink_url", "likes",
            "num_likes", "hearts", "num_hearts", "hearted", "liked", "num_subtasks");

    private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();

    private final SourceContext ctx;
    private final boolean report;

    AsanaTasks(SourceContext ctx, boolean report) {
        this.ctx = ctx;
        this.report = report;
    }

    AsanaTask fromJson(JsonNode n, String gid, int occurrence, Location where, String parent, int depth) {
        String parentGid = parent;
        if (parentGid == null) {
            JsonNode p = n.get("parent");
            parentGid = p != null && p.isObject() ? gidOf(p) : p != null && p.isValueNode() ? text(p) : null;
        }
        String subtype = textField(n, "resource_subtype", where);
        String notes = null;
        Map<String, Integer> lost = Map.of();
        String html = textField(n, "html_notes", where);
        if (!report) {
            // the index pass needs ids and places only: no text, stories or attachments
        } else if (html != null) {
            TextConversion c = HtmlText.toMarkdown(html, true);
            notes = c.markdown();
            lost = c.lost();
        } else {
            notes = HtmlText.plainText(textField(n, "notes", where));
        }
        List<AsanaTask.Membership> memberships = memberships(n, where);
        List<String> tags = new ArrayList<>();
        for (JsonNode t : array(n, "tags", where)) {
            String tag = t.isObject() ? text(t, "name") : text(t);
            if (tag != null) {
                tags.add(tag);
            }
        }
        List<AsanaTask.CustomValue> values = new ArrayList<>();
        JsonNode cfs = array(n, "custom_fields", where);
        for (int i = 0; i < cfs.size(); i++) {
            AsanaTask.CustomValue v = customValue(cfs.get(i), where.withPointer(where.pointer() + "/custom_fields/"
                    + i));
            if (v != null) {
                values.add(v);
            }
        }
        List<AsanaTask.Story> stories = new ArrayList<>();
        JsonNode st = report ? array(n, "stories", where) : EMPTY;
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i).isObject()) {
                stories.add(story(st.get(i), where.withPointer(where.pointer() + "/stories/" + i)));
            } else {
                bad(where, "stories/" + i, "a story should be an object");
            }
        }
        List<AsanaTask.Attachment> attachments = new ArrayList<>();
        JsonNode at = report ? array(n, "attachments", where) : EMPTY;
        for (int i = 0; i < at.size(); i++) {
            JsonNode a = at.get(i);
            if (a.isObject()) {
                String url = firstText(a, "download_url", "permanent_url", "view_url");
                attachments.add(new AsanaTask.Attachment(gidOf(a), text(a, "name"), text(a, "host"), url,
                        a.path("size").isNumber() ? a.path("size").asLong() : null,
                        Dates.normalize(text(a, "created_at")), where.withPointer(where.pointer() + "/attachments/"
                        + i)));
            } else {
                bad(where, "attachments/" + i, "an attachment should be an object");
            }
        }
        List<String> subtasks = new ArrayList<>();
        for (JsonNode s : array(n, "subtasks", where)) {
            String sg = s.isObject() ? gidOf(s) : null;
            if (sg != null) {
                subtasks.add(sg);
            } else if (report) {
                ctx.losses().lost("asana task.subtasks", "subtask entry without a gid", where);
            }
        }
        int likes = Math.max(count(n, "num_likes", "likes"), count(n, "num_hearts", "hearts"));
        if (report) {
            lostKeys(n, where);
        }
        return new AsanaTask(gid, occurrence, where, parentGid, depth, textField(n, "name", where), subtype, notes,
                lost, personField(n, "assignee", where), people(n, "followers", where),
                personField(n, "created_by", where),
                flag(n, "completed"), instant(n, "completed_at", where), instant(n, "created_at", where),
                date(n, "due_at", "due_on", where), date(n, "start_at", "start_on", where), memberships, tags, values,
                gids(n, "dependencies", where), gids(n, "dependents", where), stories, n.has("stories"),
                attachments, textField(n, "permalink_url", where), subtasks, likes, report ? 0 : richness(n));
    }

    /** Non-empty keys of a task object, nested subtasks aside. */
    private static int richness(JsonNode n) {
        int r = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            r += e.getKey().equals("subtasks") || isEmpty(e.getValue()) ? 0 : 1;
        }
        return r;
    }

    private List<AsanaTask.Membership> memberships(JsonNode n, Location where) {
        List<AsanaTask.Membership> out = new ArrayList<>();
        for (JsonNode m : array(n, "memberships", where)) {
            JsonNode p = m.get("project");
            JsonNode s = m.get("section");
            String pid = p != null && p.isObject() ? gidOf(p) : null;
            if (pid == null || out.stream().anyMatch(o -> o.projectId().equals(pid))) {
                continue;
            }
            String sid = s != null && s.isObject() ? gidOf(s) : null;
            out.add(new AsanaTask.Membership(pid, text(p, "name"), sid, sid == null ? null : text(s, "name")));
        }
        for (JsonNode p : array(n, "projects", where)) {
            String pid = p.isObject() ? gidOf(p) : text(p);
            if (pid != null && out.stream().noneMatch(o -> o.projectId().equals(pid))) {
                out.add(new AsanaTask.Membership(pid, p.isObject() ? text(p, "name") : null, null, null));
            }
        }
        return out;
    }

    private AsanaTask.CustomValue customValue(JsonNode f, Location where) {
        String id = f.isObject() ? gidOf(f) : null;
        if (id == null) {
            if (report && !isEmpty(f)) {
                ctx.issue(IssueCode.SOURCE_STRUCTURE, where, "custom field entry without a gid; not read");
                ctx.losses().lost("asana task.custom_fields", "entry without a gid", where);
            }
            return null;
        }
        String kind = firstText(f, "resource_subtype", "type");
        kind = kind == null ? "text" : kind.toLowerCase(Locale.ROOT);
        List<AsanaTask.Option> definition = new ArrayList<>();
        for (JsonNode o : f.path("enum_options")) {
            AsanaTask.Option opt = option(o);
            if (opt != null) {
                definition.add(opt);
            }
        }
        String text = null;
        Double number = null;
        List<AsanaTask.Option> options = new ArrayList<>();
        String date = null;
        boolean time = false;
        List<Users.Person> people = new ArrayList<>();
        switch (kind) {
            case "text" -> text = text(f, "text_value");
            case "number", "percent", "currency" -> {
                JsonNode v = f.get("number_value");
                if (v != null && v.isNumber()) {
                    number = v.asDouble();
                } else if (v != null && !v.isNull()) {
                    bad(where, "number_value", "not a number");
                }
            }
            case "enum" -> {
                AsanaTask.Option o = option(f.get("enum_value"));
                if (o != null) {
                    options.add(o);
                }
            }
            case "multi_enum" -> {
                for (JsonNode o : f.path("multi_enum_values")) {
                    AsanaTask.Option opt = option(o);
                    if (opt != null) {
                        options.add(opt);
                    }
                }
            }
            case "date" -> {
                JsonNode d = f.get("date_value");
                String dt = d != null && d.isObject() ? text(d, "date_time") : null;
                String day = d != null && d.isObject() ? text(d, "date") : null;
                if (dt != null && Dates.normalize(dt) != null) {
                    date = Dates.normalize(dt);
                    time = true;
                } else if (day != null && isDate(day)) {
                    date = day;
                } else if (!isEmpty(d)) {
                    bad(where, "date_value", "not a date");
                }
            }
            case "people" -> {
                for (JsonNode u : f.path("people_value")) {
                    Users.Person p = person(u);
                    if (p != null) {
                        people.add(p);
                    }
                }
            }
            default -> text = text(f, "display_value");
        }
        return new AsanaTask.CustomValue(id, text(f, "name"), kind, text, number, options, date, time, people,
                definition, where);
    }

    private AsanaTask.Story story(JsonNode s, Location where) {
        String subtype = firstText(s, "resource_subtype");
        String type = firstText(s, "type");
        String kind = "comment_added".equals(subtype) || subtype == null && "comment".equals(type) ? "comment"
                : subtype != null ? subtype : type != null ? "system:" + type : "unknown";
        String text;
        Map<String, Integer> lost = Map.of();
        String html = text(s, "html_text");
        if (html != null) {
            TextConversion c = HtmlText.toMarkdown(html, true);
            text = c.markdown();
            lost = c.lost();
        } else {
            text = HtmlText.plainText(text(s, "text"));
        }
        JsonNode from = s.get("old_section");
        JsonNode to = s.get("new_section");
        return new AsanaTask.Story(gidOf(s), kind, text, lost, personField(s, "created_by", where),
                Dates.normalize(text(s, "created_at")), from != null && from.isObject() ? gidOf(from) : null,
                to != null && to.isObject() ? gidOf(to) : null,
                Math.max(count(s, "num_likes", "likes"), count(s, "num_hearts", "hearts")), where);
    }

    /** Every key with data that the task record does not carry, counted per key. */
    private void lostKeys(JsonNode n, Location where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!READ.contains(e.getKey()) && !isEmpty(e.getValue())) {
                ctx.losses().lost("asana task." + e.getKey(), "no Kaiten card field", where);
            }
        }
    }

    private static AsanaTask.Option option(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        String id = gidOf(o);
        String name = text(o, "name");
        return id == null && name == null ? null : new AsanaTask.Option(id != null ? id : name, name, text(o, "color"));
    }

    private Users.Person personField(JsonNode n, String key, Location where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        Users.Person p = person(v);
        if (p == null) {
            bad(where, key, "not a user object");
        }
        return p;
    }

    private List<Users.Person> people(JsonNode n, String key, Location where) {
        List<Users.Person> out = new ArrayList<>();
        for (JsonNode u : array(n, key, where)) {
            Users.Person p = person(u);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private List<String> gids(JsonNode n, String key, Location where) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : array(n, key, where)) {
            String g = d.isObject() ? gidOf(d) : text(d);
            if (g != null && !out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    private String instant(JsonNode n, String key, Location where) {
        String t = textField(n, key, where);
        if (t == null) {
            return null;
        }
        String iso = Dates.normalize(t);
        if (iso == null) {
            bad(where, key, "'" + t + "' is not a date-time");
        }
        return iso;
    }

    /** {@code *_at} (a moment) wins over {@code *_on} (a calendar day). */
    private CardDate date(JsonNode n, String atKey, String onKey, Location where) {
        String at = instant(n, atKey, where);
        if (at != null) {
            return CardDate.dateTime(at);
        }
        String on = textField(n, onKey, where);
        if (on == null) {
            return null;
        }
        if (!isDate(on)) {
            bad(where, onKey, "'" + on + "' is not a date");
            return null;
        }
        return CardDate.dateOnly(on);
    }

    private void bad(Location where, String key, String why) {
        if (report) {
            Location at = where.withPointer(where.pointer() + "/" + key);
            ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "'" + key + "': " + why + "; not read");
            ctx.losses().lost("asana task." + key.replaceFirst("/.*", ""), why, at);
        }
    }

    private String textField(JsonNode n, String key, Location where) {
        JsonNode v = n.get(key);
        if (v != null && v.isContainerNode() && !isEmpty(v)) {
            bad(where, key, "should be text but is " + (v.isArray() ? "a list" : "an object"));
            return null;
        }
        return text(n, key);
    }

    /** A list field; any other non-empty shape is reported and read as empty. */
    private JsonNode array(JsonNode n, String key, Location where) {
        JsonNode v = n.get(key);
        if (v != null && v.isArray()) {
            return v;
        }
        if (!isEmpty(v)) {
            bad(where, key, "should be a list but is " + (v.isObject() ? "an object" : "a value"));
        }
        return EMPTY;
    }

}
