package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.model.Board;
import io.kaitenimport.model.Column;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.validate.IssueCode;
import io.kaitenimport.validate.Location;

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
 * Boards (one per project, or one for all) and their columns, one per status seen on the board's issues or in
 * their changelogs. Column type: mapping file, then {@code statusCategory.key} (new 1, indeterminate 2, done 3),
 * then name rules, then 2. Columns are ordered by type, then by first appearance.
 */
final class BoardPlan {
    static final String NO_STATUS = "No status";

    private final boolean single;
    private final Map<String, BoardInfo> boards = new LinkedHashMap<>();
    /** Status categories are site-wide: a status seen only in one board's changelog takes its category from another. */
    private final Map<String, String> siteCategories = new HashMap<>();

    private static final class BoardInfo {
        /** Project names, in first-seen order; a board for all projects is titled with all of them. */
        final Set<String> projects = new LinkedHashSet<>();
        final Map<String, StatusInfo> statuses = new LinkedHashMap<>();
        final Map<String, String> columnIds = new LinkedHashMap<>();

        String title() {
            return String.join(", ", projects);
        }
    }

    private static final class StatusInfo {
        String id;
        final String name;
        String category;

        StatusInfo(String id, String name, String category) {
            this.id = id;
            this.name = name;
            this.category = category;
        }
    }

    BoardPlan(String boardPer) {
        this.single = "all".equals(boardPer);
    }

    /** The board of an issue's project, created on first sight. */
    String boardOf(JsonNode project) {
        String pid = firstText(project, "id", "key", "name");
        String id = single ? "jira" : pid == null ? "project:none" : "project:" + pid;
        String title = firstText(project, "name", "key");
        boards.computeIfAbsent(id, k -> new BoardInfo()).projects.add(title == null ? "Jira" : title);
        return id;
    }

    /** Records a status seen on a board (issue status, or a changelog from/to with only id and name). */
    void status(String boardId, String statusId, String name, String category) {
        String n = displayName(statusId, name);
        if (category != null) {
            siteCategories.putIfAbsent(n.toLowerCase(Locale.ROOT), category);
        }
        BoardInfo b = boards.get(boardId);
        StatusInfo s = b.statuses.get(n.toLowerCase(Locale.ROOT));
        if (s == null) {
            b.statuses.put(n.toLowerCase(Locale.ROOT), new StatusInfo(statusId, n, category));
            return;
        }
        s.id = s.id == null ? statusId : s.id;
        s.category = s.category == null ? category : s.category;
    }

    /** Statuses are told apart by name (ids are missing from some exports); no name → "Status <id>". */
    private static String displayName(String statusId, String name) {
        return name == null || name.isBlank() ? (statusId == null ? NO_STATUS : "Status " + statusId) : name.strip();
    }

    /** The column of a status on a board, after {@link #emit}; null when the status was never seen. */
    String columnOf(String boardId, String statusId, String name) {
        BoardInfo b = boards.get(boardId);
        return b == null ? null : b.columnIds.get(displayName(statusId, name).toLowerCase(Locale.ROOT));
    }

    /** Writes the space (if asked), boards and columns, deciding column types. */
    void emit(ModelSink sink, JiraMapping mapping, SourceContext ctx) throws IOException {
        String spaceTitle = ctx.options().spaceTitle();
        String spaceId = null;
        if (spaceTitle != null && !spaceTitle.isBlank()) {
            spaceId = "space:jira";
            sink.accept(Space.of(spaceId, cut(spaceTitle.strip(), "space", ctx)));
        }
        for (Map.Entry<String, BoardInfo> be : boards.entrySet()) {
            BoardInfo b = be.getValue();
            sink.accept(new Board(be.getKey(), cut(b.title(), "board", ctx), null, null, spaceId));
            record Planned(String key, StatusInfo status, int type, String rule, int seen) {
            }
            List<Planned> planned = new ArrayList<>();
            int seen = 0;
            for (Map.Entry<String, StatusInfo> se : b.statuses.entrySet()) {
                StatusInfo s = se.getValue();
                if (s.category == null) {
                    s.category = siteCategories.get(se.getKey());
                }
                ColumnTypeRules.Decision d;
                if (mapping.statuses().containsKey(s.name)) {
                    d = ColumnTypeRules.decide(s.name, mapping.statuses(), Column.IN_PROGRESS);
                } else if (categoryType(s.category) != null) {
                    d = new ColumnTypeRules.Decision(categoryType(s.category), "status category " + s.category);
                } else {
                    d = ColumnTypeRules.decide(s.name, null, Column.IN_PROGRESS);
                }
                planned.add(new Planned(se.getKey(), s, d.type(), d.rule(), seen++));
            }
            planned.sort(Comparator.comparingInt(Planned::type).thenComparingInt(Planned::seen));
            double order = 1;
            for (Planned p : planned) {
                String colId = "status:" + (p.status().id != null ? p.status().id : p.status().name) + "@" + be.getKey();
                b.columnIds.put(p.key(), colId);
                sink.accept(new Column(colId, cut(p.status().name, "column", ctx), be.getKey(), order++, p.type(), null));
                ctx.issue(IssueCode.SOURCE_RULE, Location.NONE, "column '" + p.status().name + "' on board '"
                        + b.title() + "': type " + p.type() + " (" + p.rule() + ")");
            }
        }
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
    private static String cut(String s, String what, SourceContext ctx) {
        if (s.codePointCount(0, s.length()) <= 128) {
            return s;
        }
        ctx.issue(IssueCode.SOURCE_TITLE, Location.NONE, what + " title '" + s + "' cut to 128 characters");
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
