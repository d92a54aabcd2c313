package io.kaitenimport.source.asana;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.model.Column;
import io.kaitenimport.source.SourceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A board's columns: the no-section column first (when a card needs it), the project's sections in order, then
 * the done column made for completed tasks when no section is typed done. The report gets the rule per column.
 */
final class AsanaColumns {
    private AsanaColumns() {
    }

    /** A board-to-be: its title and columns in order, and which of them take section-less and completed cards. */
    record BoardPlan(String id, String title, List<Column> columns, String noSectionColumn, String doneColumn) {
    }

    static BoardPlan plan(String board, String projectName, Map<String, String> sections, AsanaMapping mapping,
                          boolean noSection, boolean done, SourceContext ctx) {
        String title = projectName;
        title = title == null || title.isBlank() ? "Asana project " + board : title;
        List<Column> columns = new ArrayList<>();
        String noSectionId = null;
        if (noSection) {
            noSectionId = board + "-no-section";
            columns.add(new Column(noSectionId, mapping.noSection(), board, null, null, null));
        }
        String doneId = null;
        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, String> s : sections.entrySet()) {
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
}
