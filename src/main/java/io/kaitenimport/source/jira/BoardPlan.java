package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.model.Board;
import io.kaitenimport.model.Column;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Boards (one per project, or one for all) and their columns, one per status id seen on the board's issues or in
 * their changelogs. Statuses are told apart by id: names change (a renamed status keeps its id, and the changelog
 * keeps the name it had then) and REST may translate them while the changelog does not. A column is titled with the
 * status's current name (the issues' {@code fields.status}), else the name a changelog gave it. Only old or
 * hand-made exports without ids fall back to names; a name-only status that names a status with an id joins its
 * column. Column type: mapping file, then {@code statusCategory.key} (new 1, indeterminate 2, done 3), then name
 * rules, then 2. Columns are ordered by type, then by first appearance.
 */
final class BoardPlan {
    static final String NO_STATUS = "No status";

    private final boolean single;
    private final Map<String, BoardInfo> boards = new LinkedHashMap<>();
    /**
     * Status categories are site-wide: a status seen only in one board's changelog takes its category from another
     * (by id, or by name for statuses without one).
     */
    private final Map<String, String> categoryById = new HashMap<>();
    private final Map<String, String> categoryByName = new HashMap<>();

    private static final class BoardInfo {
        final String key;
        /** Project names, in first-seen order; a board for all projects is titled with all of them. */
        final Set<String> projects = new LinkedHashSet<>();
        final Map<String, StatusInfo> byId = new LinkedHashMap<>();
        /** Statuses known only by name (lower case), from exports without ids. */
        final Map<String, StatusInfo> byName = new LinkedHashMap<>();
        int seen;
        /** Where the project name that made the title too long was read, if one did. */
        Location longTitleAt;
        /** After {@link #emit}: status id → column, and lower-case name → column for lookups without an id. */
        final Map<String, String> columnById = new HashMap<>();
        final Map<String, String> columnByName = new HashMap<>();

        BoardInfo(String key) {
            this.key = key;
        }

        String title() {
            return String.join(", ", projects);
        }
    }

    private static final class StatusInfo {
        final String id;
        /** The name on an issue's {@code fields.status}: the status's name at export time. */
        String current;
        Location currentAt;
        /** Names changelogs gave it, first seen first. */
        final Set<String> historyNames = new LinkedHashSet<>();
        Location firstHistoryAt;
        String category;
        final int seen;
        String columnId;

        StatusInfo(String id, int seen) {
            this.id = id;
            this.seen = seen;
        }

        String title() {
            if (current != null) {
                return current;
            }
            return historyNames.isEmpty() ? "Status " + id : historyNames.iterator().next();
        }

        Location titleAt() {
            return current != null ? currentAt : firstHistoryAt;
        }
    }

    BoardPlan(String boardPer) {
        this.single = "all".equals(boardPer);
    }

    /** The board of an issue's project, created on first sight; {@code at} is where the project object is. */
    String boardOf(JsonNode project, Location at) {
        String pid = firstText(project, "id", "key", "name");
        String id = single ? "jira" : pid == null ? "project:none" : "project:" + pid;
        String title = firstText(project, "name", "key");
        BoardInfo b = boards.computeIfAbsent(id, BoardInfo::new);
        if (b.projects.add(title == null ? "Jira" : title) && b.longTitleAt == null && tooLong(b.title())) {
            b.longTitleAt = JiraIssues.below(at, (firstText(project, "name") != null ? "/name" : "/key"));
        }
        return id;
    }

    /**
     * Records an issue's current status ({@code fields.status}, at {@code at}); neither id nor name → "No
     * status".
     */
    void current(String boardId, String statusId, String name, String category, Location at) {
        String n = blank(name) ? null : name.strip();
        if (statusId == null && n == null) {
            n = NO_STATUS;
        }
        StatusInfo s = info(boards.get(boardId), statusId, n);
        if (s.current == null && n != null) {
            s.current = n;
            s.currentAt = JiraIssues.below(at, "/name");
        }
        if (category != null) {
            s.category = s.category == null ? category : s.category;
            if (statusId != null) {
                categoryById.putIfAbsent(statusId, category);
            }
            if (n != null) {
                categoryByName.putIfAbsent(n.toLowerCase(Locale.ROOT), category);
            }
        }
    }

    /** Records one side of a changelog status change: its id and/or the name it had then ({@code at}). */
    void historical(String boardId, String statusId, String name, Location at) {
        String n = blank(name) ? null : name.strip();
        if (statusId == null && n == null) {
            return;
        }
        StatusInfo s = info(boards.get(boardId), statusId, n);
        if (n != null && s.historyNames.add(n) && s.firstHistoryAt == null) {
            s.firstHistoryAt = at;
        }
    }

    private static StatusInfo info(BoardInfo b, String statusId, String name) {
        if (statusId != null) {
            return b.byId.computeIfAbsent(statusId, k -> new StatusInfo(k, b.seen++));
        }
        return b.byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new StatusInfo(null, b.seen++));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The column of a status on a board, after {@link #emit}: by id when the id is known, else by name (current
     * names before changelog names); with neither, the "No status" column. Null when the status was never seen.
     */
    String columnOf(String boardId, String statusId, String name) {
        BoardInfo b = boards.get(boardId);
        if (b == null) {
            return null;
        }
        if (statusId != null && b.columnById.containsKey(statusId)) {
            return b.columnById.get(statusId);
        }
        String n = blank(name) ? (statusId == null ? NO_STATUS : null) : name.strip();
        return n == null ? null : b.columnByName.get(n.toLowerCase(Locale.ROOT));
    }

    /** Writes the space (if asked), boards and columns, deciding column types. */
    void emit(ModelSink sink, JiraMapping mapping, SourceContext ctx) throws IOException {
        String spaceTitle = ctx.common().spaceTitle();
        String spaceId = null;
        if (spaceTitle != null && !spaceTitle.isBlank()) {
            spaceId = "space:jira";
            Location option = Location.NONE.withField("--space");
            sink.accept(Space.of(spaceId, cut(spaceTitle.strip(), "space", option, ctx)));
        }
        for (Map.Entry<String, BoardInfo> be : boards.entrySet()) {
            BoardInfo b = be.getValue();
            sink.accept(new Board(be.getKey(), cut(b.title(), "board", b.longTitleAt, ctx), null, null, spaceId));
            List<StatusInfo> columns = columnsOf(b);
            record Planned(StatusInfo status, int type, String rule) {
            }
            List<Planned> planned = new ArrayList<>();
            for (StatusInfo s : columns) {
                String title = s.title();
                if (s.category == null) {
                    s.category = s.id != null ? categoryById.get(s.id)
                            : categoryByName.get(title.toLowerCase(Locale.ROOT));
                }
                ColumnTypeRules.Decision d;
                if (mapping.statuses().containsKey(title)) {
                    d = ColumnTypeRules.decide(title, mapping.statuses(), Column.IN_PROGRESS);
                } else if (categoryType(s.category) != null) {
                    d = new ColumnTypeRules.Decision(categoryType(s.category), "status category " + s.category);
                } else {
                    d = ColumnTypeRules.decide(title, null, Column.IN_PROGRESS);
                }
                planned.add(new Planned(s, d.type(), d.rule()));
            }
            planned.sort(Comparator.comparingInt(Planned::type).thenComparingInt(p -> p.status().seen));
            double order = 1;
            for (Planned p : planned) {
                StatusInfo s = p.status();
                sink.accept(new Column(s.columnId, cut(s.title(), "column", s.titleAt(), ctx), be.getKey(), order++,
                        p.type(), null));
                ctx.issue(IssueCode.SOURCE_RULE, Location.NONE, "column '" + s.title() + "' on board '"
                        + b.title() + "': type " + p.type() + " (" + p.rule() + ")");
            }
        }
    }

    /**
     * One column per status id, plus one per name-only status that names none of them; fills the board's lookup
     * maps. A name-only status joins the status whose current name it is, else one a changelog called so.
     */
    private static List<StatusInfo> columnsOf(BoardInfo b) {
        List<StatusInfo> columns = new ArrayList<>();
        for (StatusInfo s : b.byId.values()) {
            s.columnId = "status:" + s.id + "@" + b.key;
            b.columnById.put(s.id, s.columnId);
            columns.add(s);
        }
        for (StatusInfo s : b.byId.values()) {
            if (s.current != null) {
                b.columnByName.putIfAbsent(s.current.toLowerCase(Locale.ROOT), s.columnId);
            }
        }
        for (StatusInfo s : b.byId.values()) {
            s.historyNames.forEach(n -> b.columnByName.putIfAbsent(n.toLowerCase(Locale.ROOT), s.columnId));
        }
        for (Map.Entry<String, StatusInfo> e : b.byName.entrySet()) {
            StatusInfo s = e.getValue();
            String joined = b.columnByName.get(e.getKey());
            if (joined != null) {
                b.byId.values().stream().filter(t -> t.columnId.equals(joined) && t.category == null)
                        .forEach(t -> t.category = s.category);
                continue;
            }
            s.columnId = "status:name:" + s.title() + "@" + b.key;
            b.columnByName.put(e.getKey(), s.columnId);
            columns.add(s);
        }
        return columns;
    }

    private static Integer categoryType(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "new" -> Column.QUEUED;
            case "indeterminate" -> Column.IN_PROGRESS;
            case "done" -> Column.DONE;
            default -> null;
        };
    }

    /** Board, column and space titles are at most 128 characters in Kaiten. */
    private static boolean tooLong(String s) {
        return s.codePointCount(0, s.length()) > 128;
    }

    /** {@code at}: where the text was read (null only when it was made up here, which is never too long). */
    private static String cut(String s, String what, Location at, SourceContext ctx) {
        if (!tooLong(s)) {
            return s;
        }
        ctx.issue(IssueCode.SOURCE_TITLE, at == null ? Location.NONE : at, what + " title '" + s
                + "' cut to 128 characters");
        return s.substring(0, s.offsetByCodePoints(0, 127)) + "…";
    }

    static String firstText(JsonNode n, String... keys) {
        if (n == null || !n.isObject()) {
            return null;
        }
        for (String k : keys) {
            JsonNode v = n.get(k);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }
}
