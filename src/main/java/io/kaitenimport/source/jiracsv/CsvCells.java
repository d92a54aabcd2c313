package io.kaitenimport.source.jiracsv;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Column;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Role;
import io.kaitenimport.source.tabular.Row;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structured cells of a Jira CSV row as REST-shaped JSON: issue links and parent/sub-tasks (keys or ids), and
 * the {@code ;}-joined Comment, Attachment and Log Work cells. {@code dates} turns a Jira date text into the ISO
 * form the Jira pipeline reads (pass 2) or leaves it (pass 1).
 */
final class CsvCells {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");
    private static final Pattern ATTACHMENT_ID = Pattern.compile("/(?:attachment/content|secure/attachment)/(\\d+)");

    private final JiraCsvColumns columns;
    private final CsvPeople people;

    CsvCells(JiraCsvColumns columns, CsvPeople people) {
        this.columns = columns;
        this.people = people;
    }

    private static String cell(Row row, int index) {
        if (index < 0) {
            return null;
        }
        String v = row.cell(index).text();
        return v.isBlank() ? null : v.strip();
    }

    private static void text(ObjectNode o, String field, String v) {
        if (v != null) {
            o.put(field, v);
        }
    }

    private static void date(ObjectNode o, String field, String v, UnaryOperator<String> dates) {
        if (v != null) {
            o.put(field, dates.apply(v));
        }
    }

    void links(ObjectNode f, Row row) {
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

    void parent(ObjectNode f, Row row) {
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
    void comments(ObjectNode f, Row row, UnaryOperator<String> dates) {
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
            ObjectNode a = people.author(parts[1]);
            if (a != null) {
                cm.set("author", a);
            }
            cm.put("body", parts[2]);
            date(cm, "created", parts[0], dates);
        }
        if (!list.isEmpty()) {
            f.putObject("comment").set("comments", list);
        }
    }

    /** {@code date;author;name;url}: the name may hold semicolons, so the URL is split from the right. */
    void attachments(ObjectNode f, Row row, UnaryOperator<String> dates) {
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
            ObjectNode au = people.author(head[1]);
            if (au != null) {
                a.set("author", au);
            }
            date(a, "created", head[0], dates);
            if (url.startsWith("http")) {
                a.put("content", url);
            }
        }
        if (!list.isEmpty()) {
            f.set("attachment", list);
        }
    }

    /** {@code comment;started;author;seconds}: the comment may hold semicolons, so split from the right. */
    void worklogs(ObjectNode f, Row row, UnaryOperator<String> dates) {
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
            date(w, "started", v.substring(s1 + 1, s2).strip(), dates);
            ObjectNode a = people.author(v.substring(s2 + 1, s3));
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
}
