package io.kaitenimport.source.asana;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.JsonErrors;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams the tasks of an Asana JSON file: the UI's project "Export → JSON" and API captures ({@code {"data":
 * [task…]}}, {@code {"data": task}}, a bare array, or a single task). One top-level task tree is in memory at a
 * time; nested subtasks are visited after their parent, at any depth. Each call re-reads the file, so the adapter
 * makes two passes in flat memory.
 */
final class AsanaJson {
    /** Receives each task, nested subtasks included, in file order. */
    interface Handler {
        void task(AsanaTask task) throws IOException;
    }

    private final Path file;
    private final String name;
    private final AsanaTasks tasks;
    private final Handler handler;
    private final SourceContext ctx;
    private final boolean report;
    private int occurrence;

    private AsanaJson(Path file, SourceContext ctx, boolean report, Handler handler) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.ctx = ctx;
        this.report = report;
        this.handler = handler;
        this.tasks = new AsanaTasks(ctx, report);
    }

    /**
     * Reads the file; malformed JSON and a top level that holds no tasks are fatal with the line, column and JSON
     * pointer. Shape problems inside a task are reported (when {@code report}) and counted, never fatal.
     */
    static void read(Path file, SourceContext ctx, boolean report, Handler handler) throws IOException {
        new AsanaJson(file, ctx, report, handler).read();
    }

    private void read() throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(file.toFile())) {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new SourceException(Location.file(name), "the file is empty; expected an Asana JSON export");
                }
                if (t == JsonToken.START_ARRAY) {
                    array(p, "");
                } else if (t == JsonToken.START_OBJECT) {
                    object(p);
                } else {
                    throw new SourceException(at("", p), "not an Asana export: the top level should be an object"
                            + " ({\"data\": [tasks]}) or a list of tasks, but is " + kind(t));
                }
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                Location where = Location.record(name, null, null, p.getParsingContext().pathAsPointer().toString());
                if (loc != null) {
                    where = where.withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
                }
                throw new SourceException(where, JsonErrors.describe(e), e);
            }
        }
    }

    private void object(JsonParser p) throws IOException {
        ObjectNode rest = Json.MAPPER.createObjectNode();
        JsonLocation start = p.currentTokenLocation();
        boolean data = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("data") && !data) {
                data = true;
                if (v == JsonToken.START_ARRAY) {
                    array(p, "/data");
                } else if (v == JsonToken.START_OBJECT) {
                    JsonLocation loc = p.currentTokenLocation();
                    task(p.readValueAsTree(), "/data", null, null, 0, loc);
                } else {
                    throw new SourceException(at("/data", p), "not an Asana export: 'data' should be a list of tasks"
                            + " or one task, but is " + kind(v));
                }
            } else {
                rest.set(field, p.readValueAsTree());
            }
        }
        if (!data) {
            if (rest.hasNonNull("gid") && (rest.has("name") || "task".equals(rest.path("resource_type").asText()))) {
                task(rest, "", null, null, 0, start);
            } else {
                throw new SourceException(Location.record(name, null, null, ""), "not an Asana export: the top-level"
                        + " object has neither 'data' nor the 'gid' and 'name' of a task");
            }
        }
    }

    private void array(JsonParser p, String pointer) throws IOException {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new SourceException(at(pointer, p), "the file ends inside the list of tasks (truncated?)");
            }
            JsonLocation loc = p.currentTokenLocation();
            JsonNode n = p.readValueAsTree();
            String here = pointer + "/" + i;
            if (t == JsonToken.START_OBJECT) {
                task(n, here, i, null, 0, loc);
            } else if (report) {
                Location where = Location.record(name, (long) i, null, here)
                        .withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
                ctx.issue(IssueCode.SOURCE_STRUCTURE, where, "a task should be an object but is " + kind(t)
                        + "; skipped");
                ctx.losses().lost("asana task", "not an object", where);
            }
            i++;
        }
    }

    private void task(JsonNode n, String pointer, Integer index, String parent, int depth, JsonLocation loc)
            throws IOException {
        String gid = AsanaJsonValues.text(n, "gid");
        gid = gid != null ? gid : AsanaJsonValues.text(n, "id");
        Location where = Location.record(name, index == null ? null : (long) index, gid, pointer)
                .withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
        int occ = occurrence++;
        if (gid == null) {
            if (report) {
                ctx.issue(IssueCode.SOURCE_STRUCTURE, where, "task without a gid; skipped with its subtasks");
                ctx.losses().lost("asana task", "task without a gid", 1 + nested(n), where);
            }
            occurrence += nested(n);
            return;
        }
        String type = AsanaJsonValues.text(n, "resource_type");
        if (type != null && !type.equals("task")) {
            // a capture of projects, users or stories holds no tasks; say so instead of making cards of them
            if (report) {
                ctx.issue(IssueCode.SOURCE_STRUCTURE, where, "an Asana " + type + ", not a task; skipped");
                ctx.losses().lost("asana " + type, "not a task (only tasks are converted)", where);
            }
            return;
        }
        AsanaTask task = tasks.fromJson(n, gid, occ, where, parent, depth);
        handler.task(task);
        JsonNode subs = n.get("subtasks");
        if (subs != null && subs.isArray()) {
            for (int j = 0; j < subs.size(); j++) {
                JsonNode s = subs.get(j);
                if (s.isObject()) {
                    task(s, pointer + "/subtasks/" + j, j, gid, depth + 1, loc);
                }
            }
        }
    }

    /** Subtask objects nested anywhere below a task. */
    static int nested(JsonNode n) {
        int count = 0;
        JsonNode subs = n.get("subtasks");
        if (subs != null && subs.isArray()) {
            for (JsonNode s : subs) {
                if (s.isObject()) {
                    count += 1 + nested(s);
                }
            }
        }
        return count;
    }

    private Location at(String pointer, JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return Location.record(name, null, null, pointer).withLine((long) loc.getLineNr(), (long) loc.getColumnNr());
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
