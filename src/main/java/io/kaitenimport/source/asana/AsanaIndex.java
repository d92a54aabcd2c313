package io.kaitenimport.source.asana;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.source.SourceContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass one: ids only. Which task objects become cards (the fullest copy of a repeated gid), projects and their
 * sections in order, where each card goes (board and column), parent/child and dependency pairs, custom-field
 * definitions with their options. Pass two ({@link AsanaCards}) writes the records from this plan. Per card it
 * keeps one small object whose strings are shared with the maps' keys (a project id is stored once, not once per
 * task), and a line number instead of a location.
 */
final class AsanaIndex {
    static final String NO_PROJECT = "asana-no-project";

    /** Where a card's own data puts it, then (after {@link #plan}) its board and column. */
    private static final class Place {
        final String projectId;
        final String sectionId;
        final boolean completed;
        String parentGid;
        final int occurrence;
        final int score;
        final int line;
        final int column;
        String board;
        String columnId;
        /** Walk state for the cycle check: 0 unseen, 1 on the current path, 2 done. */
        byte state;

        Place(String projectId, String sectionId, boolean completed, String parentGid, int occurrence, int score,
              Location where) {
            this.projectId = projectId;
            this.sectionId = sectionId;
            this.completed = completed;
            this.parentGid = parentGid;
            this.occurrence = occurrence;
            this.score = score;
            this.line = where.line() == null ? 0 : (int) (long) where.line();
            this.column = where.column() == null ? 0 : (int) (long) where.column();
        }
    }

    /** A custom field as declared: its options in first-seen order. */
    record FieldDef(String id, String name, String kind, Map<String, AsanaTask.Option> options) {
    }

    /** The file name as the reader writes it in locations (the JSON's name, the CSV's path). */
    private String file;
    private final Map<String, Place> cards = new LinkedHashMap<>();
    private final Map<String, String> projects = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, String> sectionProject = new HashMap<>();
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    /** Blocked task → the tasks it waits for (both directions of the export folded into one). */
    private final Map<String, List<String>> blockers = new LinkedHashMap<>();
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, Integer> repeats = new LinkedHashMap<>();
    private boolean storiesRead;
    private int sectionRows;
    private long dependencyPairs;

    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, AsanaColumns.BoardPlan> boards = new LinkedHashMap<>();
    private final Map<String, List<String>> blocks = new HashMap<>();

    AsanaIndex(String file) {
        this.file = file;
    }

    /** One shared instance per id text, so the index stores each id once. */
    private String id(String s) {
        if (s == null) {
            return null;
        }
        String known = canonical.putIfAbsent(s, s);
        return known != null ? known : s;
    }

    void add(AsanaTask t) {
        if (cards.isEmpty() && sectionRows == 0 && t.where().file() != null) {
            file = t.where().file();
        }
        if (t.isSection()) {
            sectionRows++;
            for (AsanaTask.Membership m : t.memberships()) {
                project(m.projectId(), m.projectName());
                String title = t.name() == null ? null : t.name().replaceFirst(":\\s*$", "");
                section(id(m.projectId()), id(t.gid()), title);
            }
            return;
        }
        storiesRead |= t.storiesRead();
        for (AsanaTask.Membership m : t.memberships()) {
            project(m.projectId(), m.projectName());
            if (m.sectionId() != null) {
                section(id(m.projectId()), id(m.sectionId()), m.sectionName());
            }
        }
        for (AsanaTask.CustomValue v : t.customValues()) {
            FieldDef f = fields.computeIfAbsent(v.fieldId(), fid -> new FieldDef(fid, v.fieldName(), v.kind(),
                    new LinkedHashMap<>()));
            v.definition().forEach(o -> f.options().putIfAbsent(o.id(), o));
            v.options().forEach(o -> f.options().putIfAbsent(o.id(), o));
        }
        String gid = id(t.gid());
        t.dependencies().forEach(d -> dependency(id(d), gid));
        t.dependents().forEach(d -> dependency(gid, id(d)));
        AsanaTask.Membership first = t.memberships().isEmpty() ? null : t.memberships().get(0);
        Place p = new Place(first == null ? null : id(first.projectId()), first == null ? null
                : id(first.sectionId()), t.completed(), id(t.parentGid()), t.occurrence(), t.richness(), t.where());
        Place old = cards.get(gid);
        if (old != null) {
            repeats.merge(gid, 1, Integer::sum);
            if (old.score >= p.score) {
                return;
            }
            if (p.parentGid == null) {
                p.parentGid = old.parentGid;
            }
        }
        cards.put(gid, p);
    }

    private void dependency(String blocker, String blocked) {
        List<String> list = blockers.computeIfAbsent(blocked, k -> new ArrayList<>(2));
        if (!list.contains(blocker)) {
            list.add(blocker);
            dependencyPairs++;
        }
    }

    private Location where(String gid) {
        Place p = cards.get(gid);
        Location at = Location.record(file, null, gid, null);
        return p == null || p.line == 0 ? at : at.withLine((long) p.line, p.column == 0 ? null : (long) p.column);
    }

    private void project(String id, String name) {
        projects.merge(id(id), name == null ? "" : name, (a, b) -> a.isBlank() ? b : a);
        sections.computeIfAbsent(id(id), k -> new LinkedHashMap<>());
    }

    private void section(String projectId, String id, String name) {
        if (sectionProject.putIfAbsent(id, projectId) == null) {
            sections.get(projectId).put(id, name == null || name.isBlank() ? "Section " + id : name);
        }
    }

    /** Decides boards, columns and every card's place; reports the rules and the references it cannot keep. */
    void plan(AsanaMapping mapping, SourceContext ctx) {
        canonical.clear();
        breakParentCycles(ctx);
        for (Map.Entry<String, Integer> r : repeats.entrySet()) {
            ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, where(r.getKey()), "task " + r.getKey() + " appears "
                    + (r.getValue() + 1) + " times; the copy with the most data is converted");
        }
        for (Map.Entry<String, Place> e : cards.entrySet()) {
            String parent = e.getValue().parentGid;
            if (parent != null && cards.containsKey(parent) && !parent.equals(e.getKey())) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(e.getKey());
            } else if (parent != null) {
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where(e.getKey()), "parent task " + parent
                        + " is not in the export; the subtask is a card without a parent");
                ctx.losses().lost("asana task.parent", "parent task not in the export", where(e.getKey()));
                e.getValue().parentGid = null;
            }
        }
        boolean toDone = mapping.completedToDone();
        Set<String> used = new HashSet<>();
        Set<String> noSectionUsed = new HashSet<>();
        Set<String> doneUsed = new HashSet<>();
        for (Map.Entry<String, Place> e : cards.entrySet()) {
            e.getValue().board = board(e.getKey());
            used.add(e.getValue().board);
        }
        for (Map.Entry<String, Place> e : cards.entrySet()) {
            Place p = e.getValue();
            p.columnId = sectionOf(e.getKey(), p.board);
            if (p.completed && toDone) {
                doneUsed.add(p.board);
            } else if (p.columnId == null) {
                noSectionUsed.add(p.board);
            }
        }
        List<String> boardIds = new ArrayList<>();
        for (String p : projects.keySet()) {
            if (used.contains(p)) {
                boardIds.add(p);
            }
        }
        if (used.contains(NO_PROJECT)) {
            boardIds.add(NO_PROJECT);
        }
        for (String b : boardIds) {
            String title = b.equals(NO_PROJECT) ? mapping.noProject() : projects.get(b);
            boards.put(b, AsanaColumns.plan(b, title, sections.getOrDefault(b, new LinkedHashMap<>()), mapping,
                    noSectionUsed.contains(b), doneUsed.contains(b), ctx));
        }
        long done = 0;
        for (Place p : cards.values()) {
            AsanaColumns.BoardPlan b = boards.get(p.board);
            if (p.completed && toDone) {
                p.columnId = b.doneColumn();
            } else if (p.columnId == null) {
                p.columnId = b.noSectionColumn();
            }
            done += p.completed ? 1 : 0;
        }
        if (done > 0) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), toDone
                    ? done + " completed task(s) placed in their board's done column (mapping completed: done-column;"
                    + " keep-section leaves them in their section)"
                    : done + " completed task(s) kept in their section (mapping completed: keep-section); the"
                    + " completion is counted as lost");
        }
        // blockers becomes blocked-by in place (only pairs with both ends in the export stay); blocks mirrors it
        for (Map.Entry<String, List<String>> e : blockers.entrySet()) {
            String blocked = e.getKey();
            for (java.util.Iterator<String> it = e.getValue().iterator(); it.hasNext(); ) {
                String blocker = it.next();
                if (blocker.equals(blocked)) {
                    ctx.issue(IssueCode.SOURCE_STRUCTURE, where(blocked), "task depends on itself; dropped");
                    ctx.losses().lost("asana task.dependencies", "task depends on itself", where(blocked));
                    it.remove();
                } else if (!cards.containsKey(blocker) || !cards.containsKey(blocked)) {
                    String missing = cards.containsKey(blocker) ? blocked : blocker;
                    Location at = cards.containsKey(blocked) ? where(blocked) : cards.containsKey(blocker)
                            ? where(blocker) : Location.file(file);
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, at, "dependency on task " + missing
                            + " which is not in the export; dropped");
                    ctx.losses().lost("asana task.dependencies", "other task not in the export", at);
                    it.remove();
                } else {
                    blocks.computeIfAbsent(blocker, k -> new ArrayList<>(2)).add(blocked);
                }
            }
        }
    }

    /** Parent references (API captures carry them as ids) that loop back are cut where the loop closes. */
    private void breakParentCycles(SourceContext ctx) {
        List<Place> path = new ArrayList<>();
        for (String start : cards.keySet()) {
            path.clear();
            String at = start;
            String last = null;
            while (at != null && cards.containsKey(at) && cards.get(at).state == 0) {
                Place p = cards.get(at);
                p.state = 1;
                path.add(p);
                last = at;
                at = p.parentGid;
            }
            if (at != null && cards.containsKey(at) && cards.get(at).state == 1) {
                cards.get(last).parentGid = null;
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where(last), "parent task " + at + " would close a cycle"
                        + " of parents; this link is dropped");
                ctx.losses().lost("asana task.parent", "parent link closing a cycle", where(last));
            }
            path.forEach(p -> p.state = 2);
        }
    }

    /**
     * The project whose board holds the card: its own first project, else the nearest ancestor's, else none.
     * Iterative, with a step limit, so long parent chains cannot exhaust the stack.
     */
    private String board(String gid) {
        String at = gid;
        for (int steps = 0; steps <= cards.size(); steps++) {
            Place p = cards.get(at);
            if (p.projectId != null) {
                return p.projectId;
            }
            if (p.parentGid == null) {
                break;
            }
            at = p.parentGid;
        }
        return NO_PROJECT;
    }

    /** The section on the card's board: its own there, else the nearest ancestor's on the same board. */
    private String sectionOf(String gid, String board) {
        String at = gid;
        for (int steps = 0; steps <= cards.size(); steps++) {
            Place p = cards.get(at);
            if (p.sectionId != null && board.equals(p.projectId)) {
                return p.sectionId;
            }
            if (p.parentGid == null || !board.equals(cards.get(p.parentGid).board)) {
                return null;
            }
            at = p.parentGid;
        }
        return null;
    }


    /** True for the one occurrence of a gid that becomes its card. */
    boolean converts(AsanaTask t) {
        Place p = cards.get(t.gid());
        return p != null && p.occurrence == t.occurrence() && !t.isSection();
    }

    String boardOf(String gid) {
        return cards.get(gid).board;
    }

    String columnOf(String gid) {
        return cards.get(gid).columnId;
    }

    String parentOf(String gid) {
        return cards.get(gid).parentGid;
    }

    List<String> childrenOf(String gid) {
        return children.getOrDefault(gid, List.of());
    }

    /** Cards this card blocks ({@code blocks}) or is blocked by ({@code !blocks}), both ends in the export. */
    List<String> dependencies(String gid, boolean blocks) {
        return (blocks ? this.blocks : blockers).getOrDefault(gid, List.of());
    }

    Map<String, AsanaColumns.BoardPlan> boards() {
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
        return dependencyPairs;
    }
}
