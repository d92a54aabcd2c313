package io.kaitenimport.source.asana;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.model.Column;
import io.kaitenimport.source.SourceContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pass one: ids only. Which task objects become cards (the fullest copy of a repeated gid), projects and their
 * sections in order, where each card goes (board and column), parent/child and dependency pairs, custom-field
 * definitions with their options. Pass two ({@link AsanaCards}) writes the records from this plan.
 */
final class AsanaIndex {
    /** Where a card's own data puts it; resolved into board and column by {@link #plan}. */
    private record Place(String projectId, String sectionId, boolean completed, String parentGid, int occurrence,
                         int score, Location where) {
    }

    /** A custom field as declared: its options in first-seen order. */
    record FieldDef(String id, String name, String kind, Map<String, AsanaTask.Option> options) {
    }

    /** A board-to-be: its title and columns in order. */
    record BoardPlan(String id, String title, List<Column> columns, String noSectionColumn, String doneColumn) {
    }

    private final Map<String, Place> cards = new LinkedHashMap<>();
    private final Map<String, String> projects = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, String> sectionProject = new HashMap<>();
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final TreeSet<String> dependencyPairs = new TreeSet<>();
    private final Map<String, Integer> repeats = new HashMap<>();
    private boolean storiesRead;
    private int sectionRows;

    private final Map<String, String> boardOf = new HashMap<>();
    private final Map<String, String> columnOf = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, BoardPlan> boards = new LinkedHashMap<>();
    private final Map<String, List<String>> blocks = new HashMap<>();
    private final Map<String, List<String>> blockedBy = new HashMap<>();

    void add(AsanaTask t) {
        if (t.isSection()) {
            sectionRows++;
            for (AsanaTask.Membership m : t.memberships()) {
                project(m.projectId(), m.projectName());
                section(m.projectId(), t.gid(), t.name() == null ? null : t.name().replaceFirst(":\\s*$", ""));
            }
            return;
        }
        storiesRead |= t.storiesRead();
        for (AsanaTask.Membership m : t.memberships()) {
            project(m.projectId(), m.projectName());
            if (m.sectionId() != null) {
                section(m.projectId(), m.sectionId(), m.sectionName());
            }
        }
        for (AsanaTask.CustomValue v : t.customValues()) {
            FieldDef f = fields.computeIfAbsent(v.fieldId(), id -> new FieldDef(id, v.fieldName(), v.kind(),
                    new LinkedHashMap<>()));
            v.definition().forEach(o -> f.options().putIfAbsent(o.id(), o));
            v.options().forEach(o -> f.options().putIfAbsent(o.id(), o));
        }
        t.dependencies().forEach(d -> dependencyPairs.add(d + "\u0000" + t.gid()));
        t.dependents().forEach(d -> dependencyPairs.add(t.gid() + "\u0000" + d));
        AsanaTask.Membership first = t.memberships().isEmpty() ? null : t.memberships().get(0);
        Place p = new Place(first == null ? null : first.projectId(), first == null ? null : first.sectionId(),
                t.completed(), t.parentGid(), t.occurrence(), score(t), t.where());
        Place old = cards.get(t.gid());
        if (old != null) {
            repeats.merge(t.gid(), 1, Integer::sum);
            if (old.score() >= p.score()) {
                return;
            }
            p = new Place(p.projectId(), p.sectionId(), p.completed(), p.parentGid() != null ? p.parentGid()
                    : old.parentGid(), p.occurrence(), p.score(), p.where());
        }
        cards.put(t.gid(), p);
    }

    /** How much of a task a copy holds, to keep the fullest of repeated gids. */
    private static int score(AsanaTask t) {
        return (t.name() != null ? 1 : 0) + (t.notes() != null ? 1 : 0) + t.memberships().size()
                + t.customValues().size() + t.stories().size() + t.attachments().size() + t.tags().size()
                + (t.assignee() != null ? 1 : 0) + (t.createdAt() != null ? 1 : 0) + (t.parentGid() != null ? 1 : 0);
    }

    private void project(String id, String name) {
        projects.merge(id, name == null ? "" : name, (a, b) -> a.isBlank() ? b : a);
        sections.computeIfAbsent(id, k -> new LinkedHashMap<>());
    }

    private void section(String projectId, String id, String name) {
        if (sectionProject.putIfAbsent(id, projectId) == null) {
            sections.get(projectId).put(id, name == null || name.isBlank() ? "Section " + id : name);
        }
    }

    /** Decides boards, columns and every card's place; reports the rules and the references it cannot keep. */
    void plan(AsanaMapping mapping, SourceContext ctx, String file) {
        breakParentCycles(ctx);
        for (Map.Entry<String, Integer> r : repeats.entrySet()) {
            ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, cards.get(r.getKey()).where(), "task " + r.getKey()
                    + " appears " + (r.getValue() + 1) + " times; the copy with the most data is converted");
        }
        for (Map.Entry<String, Place> e : cards.entrySet()) {
            String parent = e.getValue().parentGid();
            if (parent != null && cards.containsKey(parent) && !parent.equals(e.getKey())) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(e.getKey());
            } else if (parent != null) {
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, e.getValue().where(), "parent task " + parent
                        + " is not in the export; the subtask is a card without a parent");
                ctx.losses().lost("asana task.parent", "parent task not in the export", e.getValue().where());
            }
        }
        Map<String, String> sectionColumn = new HashMap<>();
        Map<String, Boolean> noSectionUsed = new HashMap<>();
        Map<String, Boolean> doneUsed = new HashMap<>();
        for (String gid : cards.keySet()) {
            String board = board(gid);
            boardOf.put(gid, board);
        }
        boolean toDone = mapping.completedToDone();
        for (String gid : cards.keySet()) {
            String col = sectionOf(gid, boardOf.get(gid));
            sectionColumn.put(gid, col);
            if (col == null && !(toDone && cards.get(gid).completed())) {
                noSectionUsed.put(boardOf.get(gid), true);
            }
        }
        for (Map.Entry<String, Place> e : cards.entrySet()) {
            if (e.getValue().completed() && toDone) {
                doneUsed.put(boardOf.get(e.getKey()), true);
            }
        }
        List<String> boardIds = new ArrayList<>();
        for (String p : projects.keySet()) {
            if (boardOf.containsValue(p)) {
                boardIds.add(p);
            }
        }
        if (boardOf.containsValue(NO_PROJECT)) {
            boardIds.add(NO_PROJECT);
        }
        for (String b : boardIds) {
            boards.put(b, boardPlan(b, mapping, noSectionUsed.getOrDefault(b, false),
                    doneUsed.getOrDefault(b, false), ctx));
        }
        for (Map.Entry<String, Place> e : cards.entrySet()) {
            BoardPlan b = boards.get(boardOf.get(e.getKey()));
            String col = sectionColumn.get(e.getKey());
            if (e.getValue().completed() && toDone) {
                col = b.doneColumn();
            } else if (col == null) {
                col = b.noSectionColumn();
            }
            columnOf.put(e.getKey(), col);
        }
        long done = cards.values().stream().filter(Place::completed).count();
        if (done > 0) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), toDone
                    ? done + " completed task(s) placed in their board's done column (mapping completed: done-column;"
                    + " keep-section leaves them in their section)"
                    : done + " completed task(s) kept in their section (mapping completed: keep-section); the"
                    + " completion is counted as lost");
        }
        for (String pair : dependencyPairs) {
            String[] ab = pair.split("\u0000", 2);
            if (!cards.containsKey(ab[0]) || !cards.containsKey(ab[1]) || ab[0].equals(ab[1])) {
                String missing = !cards.containsKey(ab[0]) ? ab[0] : ab[1];
                Location at = cards.containsKey(ab[1]) ? cards.get(ab[1]).where() : cards.containsKey(ab[0])
                        ? cards.get(ab[0]).where() : Location.file(file);
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, at, "dependency on task " + missing
                        + " which is not in the export; dropped");
                ctx.losses().lost("asana task.dependencies", "other task not in the export", at);
            } else {
                blocks.computeIfAbsent(ab[0], k -> new ArrayList<>()).add(ab[1]);
                blockedBy.computeIfAbsent(ab[1], k -> new ArrayList<>()).add(ab[0]);
            }
        }
    }

    static final String NO_PROJECT = "asana-no-project";

    /** Parent references (API captures carry them as ids) that loop back are cut where the loop closes. */
    private void breakParentCycles(SourceContext ctx) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : new ArrayList<>(cards.keySet())) {
            List<String> path = new ArrayList<>();
            String at = start;
            while (at != null && cards.containsKey(at) && state.getOrDefault(at, 0) == 0) {
                state.put(at, 1);
                path.add(at);
                at = cards.get(at).parentGid();
            }
            if (at != null && state.getOrDefault(at, 0) == 1) {
                String last = path.get(path.size() - 1);
                Place p = cards.get(last);
                cards.put(last, new Place(p.projectId(), p.sectionId(), p.completed(), null, p.occurrence(),
                        p.score(), p.where()));
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, p.where(), "parent task " + at + " would close a cycle"
                        + " of parents; this link is dropped");
                ctx.losses().lost("asana task.parent", "parent link closing a cycle", p.where());
            }
            path.forEach(g -> state.put(g, 2));
        }
    }

    /**
     * The project whose board holds the card: its own first project, else the nearest ancestor's, else none.
     * Iterative, with a step limit, so long or looping parent chains cannot exhaust the stack.
     */
    private String board(String gid) {
        String at = gid;
        for (int steps = 0; steps <= cards.size(); steps++) {
            Place p = cards.get(at);
            if (p.projectId() != null) {
                return p.projectId();
            }
            if (p.parentGid() == null || !cards.containsKey(p.parentGid())) {
                break;
            }
            at = p.parentGid();
        }
        return NO_PROJECT;
    }

    /** The section on the card's board: its own there, else the nearest ancestor's on the same board. */
    private String sectionOf(String gid, String board) {
        String at = gid;
        for (int steps = 0; steps <= cards.size(); steps++) {
            Place p = cards.get(at);
            if (p.sectionId() != null && board.equals(p.projectId())) {
                return p.sectionId();
            }
            if (p.parentGid() == null || !cards.containsKey(p.parentGid())
                    || !board.equals(boardOf.get(p.parentGid()))) {
                return null;
            }
            at = p.parentGid();
        }
        return null;
    }

    private BoardPlan boardPlan(String board, AsanaMapping mapping, boolean noSection, boolean done,
                                SourceContext ctx) {
        String title = board.equals(NO_PROJECT) ? mapping.noProject() : projects.get(board);
        title = title == null || title.isBlank() ? "Asana project " + board : title;
        List<Column> columns = new ArrayList<>();
        String noSectionId = null;
        if (noSection) {
            noSectionId = board + "-no-section";
            columns.add(new Column(noSectionId, mapping.noSection(), board, null, null, null));
        }
        String doneId = null;
        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, String> s : sections.getOrDefault(board, new LinkedHashMap<>()).entrySet()) {
            columns.add(new Column(s.getKey(), s.getValue(), board, null, null, null));
        }
        List<Column> typed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            ColumnTypeRules.Decision d = ColumnTypeRules.decide(c.title(), mapping.columns(),
                    i == 0 ? Column.QUEUED : Column.IN_PROGRESS);
            if (d.type() == Column.DONE) {
                doneId = c.id();
            }
            rules.add("'" + c.title() + "' → " + d.type() + " (" + (d.rule().equals("default")
                    ? (i == 0 ? "first column" : "other section") : d.rule()) + ")");
            typed.add(new Column(c.id(), c.title(), board, (double) (i + 1), d.type(), null));
        }
        if (done && doneId == null) {
            doneId = board + "-done";
            typed.add(new Column(doneId, mapping.doneColumn(), board, (double) (typed.size() + 1), Column.DONE,
                    null));
            rules.add("'" + mapping.doneColumn() + "' → 3 (made for completed tasks)");
        }
        if (typed.isEmpty()) {
            noSectionId = board + "-no-section";
            typed.add(new Column(noSectionId, mapping.noSection(), board, 1.0, Column.QUEUED, null));
        }
        ctx.issue(IssueCode.SOURCE_RULE, Location.NONE, "board '" + title + "' columns: " + String.join(", ", rules));
        return new BoardPlan(board, title, typed, noSectionId, doneId);
    }

    boolean isCard(String gid) {
        return cards.containsKey(gid);
    }

    /** True for the one occurrence of a gid that becomes its card. */
    boolean converts(AsanaTask t) {
        Place p = cards.get(t.gid());
        return p != null && p.occurrence() == t.occurrence() && !t.isSection();
    }

    String boardOf(String gid) {
        return boardOf.get(gid);
    }

    String columnOf(String gid) {
        return columnOf.get(gid);
    }

    String parentOf(String gid) {
        String p = cards.get(gid).parentGid();
        return p != null && cards.containsKey(p) && !p.equals(gid) ? p : null;
    }

    List<String> childrenOf(String gid) {
        return children.getOrDefault(gid, List.of());
    }

    /** Cards this card blocks ({@code blocks}) or is blocked by ({@code !blocks}), both ends in the export. */
    List<String> dependencies(String gid, boolean blocks) {
        return (blocks ? this.blocks : blockedBy).getOrDefault(gid, List.of());
    }

    Map<String, BoardPlan> boards() {
        return boards;
    }

    Map<String, FieldDef> fields() {
        return fields;
    }

    /** The column a section id became on a board, or null. */
    String sectionColumn(String board, String sectionId) {
        return sectionId != null && board.equals(sectionProject.get(sectionId)) ? sectionId : null;
    }

    boolean storiesRead() {
        return storiesRead;
    }

    int cardCount() {
        return cards.size();
    }

    int sectionRows() {
        return sectionRows;
    }

    long dependencyPairCount() {
        return dependencyPairs.size();
    }
}
