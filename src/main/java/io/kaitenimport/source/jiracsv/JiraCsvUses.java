package io.kaitenimport.source.jiracsv;

import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.csv.CsvRowSource;
import io.kaitenimport.source.csv.CsvSourceAdapter;
import io.kaitenimport.source.jiracsv.JiraCsvColumns.Column;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every column of a Jira CSV feeds, as convert decides it (card field, property, custom field with its
 * inferred type, or a by-design drop with the reason), with its values: for the {@code mapping} command.
 */
public final class JiraCsvUses {
    /**
     * One column: {@code feeds} in words; for a custom field its {@code fieldName} and the mapping role that names
     * its inferred type ({@code fields: {name: role}}), else null.
     */
    public record Use(int index, String header, String feeds, String fieldName, String role, CustomFieldStats stats) {
    }

    private static final Map<JiraCsvColumns.Role, String> FEEDS = Map.ofEntries(
            Map.entry(JiraCsvColumns.Role.SUMMARY, "card title"),
            Map.entry(JiraCsvColumns.Role.KEY, "card key (and link targets)"),
            Map.entry(JiraCsvColumns.Role.ID, "card id (and parent targets)"),
            Map.entry(JiraCsvColumns.Role.TYPE, "card type"),
            Map.entry(JiraCsvColumns.Role.STATUS, "card column (one column per status; type from mapping "
                    + "statuses, else Status Category)"),
            Map.entry(JiraCsvColumns.Role.STATUS_CATEGORY, "column type of the status"),
            Map.entry(JiraCsvColumns.Role.PROJECT_KEY, "board (one per project, --board-per)"),
            Map.entry(JiraCsvColumns.Role.PROJECT_NAME, "board title"),
            Map.entry(JiraCsvColumns.Role.PROJECT_ID, "board id"),
            Map.entry(JiraCsvColumns.Role.PRIORITY, "property Priority (select, colours from priority_colors)"),
            Map.entry(JiraCsvColumns.Role.RESOLUTION, "property Resolution (select)"),
            Map.entry(JiraCsvColumns.Role.ASSIGNEE, "card responsible and member"),
            Map.entry(JiraCsvColumns.Role.ASSIGNEE_ID, "Assignee's account id"),
            Map.entry(JiraCsvColumns.Role.REPORTER, "card owner"),
            Map.entry(JiraCsvColumns.Role.REPORTER_ID, "Reporter's account id"),
            Map.entry(JiraCsvColumns.Role.CREATOR, "card owner when there is no Reporter"),
            Map.entry(JiraCsvColumns.Role.CREATOR_ID, "Creator's account id"),
            Map.entry(JiraCsvColumns.Role.CREATED, "card created"),
            Map.entry(JiraCsvColumns.Role.UPDATED, "nothing: Kaiten sets its own update time (counted)"),
            Map.entry(JiraCsvColumns.Role.RESOLVED, "nothing: Kaiten cards have no resolution date (counted)"),
            Map.entry(JiraCsvColumns.Role.DUE, "card due date"),
            Map.entry(JiraCsvColumns.Role.VOTES, "nothing: Kaiten cards have no votes (counted)"),
            Map.entry(JiraCsvColumns.Role.LABELS, "card tags"),
            Map.entry(JiraCsvColumns.Role.DESCRIPTION, "card description (wiki markup → Markdown)"),
            Map.entry(JiraCsvColumns.Role.ENVIRONMENT, "nothing: no environment field (counted)"),
            Map.entry(JiraCsvColumns.Role.WATCHERS, "nothing: Kaiten cards have no watchers (counted, as for Jira "
                    + "JSON)"),
            Map.entry(JiraCsvColumns.Role.WATCHERS_ID, "Watchers' account ids (names people)"),
            Map.entry(JiraCsvColumns.Role.LOG_WORK, "card timers (comment;started;author;seconds)"),
            Map.entry(JiraCsvColumns.Role.ORIGINAL_ESTIMATE, "card estimate_workload (seconds → estimate_unit)"),
            Map.entry(JiraCsvColumns.Role.REMAINING_ESTIMATE, "nothing: no remaining estimate (counted)"),
            Map.entry(JiraCsvColumns.Role.TIME_SPENT, "nothing: worklogs become timers (counted)"),
            Map.entry(JiraCsvColumns.Role.SECURITY, "nothing: the card is visible to the whole board (counted)"),
            Map.entry(JiraCsvColumns.Role.LINK_IN, "card relations (Blocks → blocked by, others → related)"),
            Map.entry(JiraCsvColumns.Role.LINK_OUT, "card relations (Blocks → blocks, others → related)"),
            Map.entry(JiraCsvColumns.Role.ATTACHMENT, "files with --attachments, else card links (date;author;name;"
                    + "url)"),
            Map.entry(JiraCsvColumns.Role.COMMENT, "comments (date;author;body, wiki → Markdown)"),
            Map.entry(JiraCsvColumns.Role.FIX_VERSIONS, "property (multi_select)"),
            Map.entry(JiraCsvColumns.Role.COMPONENTS, "property (multi_select; also tags with "
                    + "components_as_tags: true)"),
            Map.entry(JiraCsvColumns.Role.AFFECTS_VERSIONS, "property (multi_select)"),
            Map.entry(JiraCsvColumns.Role.SPRINT, "property Sprint (select of the last sprint; sprints: all makes "
                    + "it a multi_select)"),
            Map.entry(JiraCsvColumns.Role.PARENT_ID, "card parent (by Issue id)"),
            Map.entry(JiraCsvColumns.Role.PARENT_KEY, "card parent (by Issue key)"),
            Map.entry(JiraCsvColumns.Role.SUBTASKS, "card children"));

    private JiraCsvUses() {
    }

    /** The columns of the export in {@code ctx}, read twice (types are inferred from all values). */
    public static List<Use> of(SourceContext ctx) throws IOException {
        CsvRowSource rows = CsvSourceAdapter.open(ctx, ctx.input(), h -> {
            String l = h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            return l.equals("issue key") || l.equals("issue id") || l.equals("summary");
        });
        JiraCsvColumns columns = new JiraCsvColumns(rows.header());
        JiraCsvIssues issues = new JiraCsvIssues(ctx, rows, columns, null);
        issues.issues(1, (issue, at) -> {
        });
        List<CustomFieldStats> stats = new ArrayList<>();
        rows.header().forEach(h -> stats.add(new CustomFieldStats()));
        rows.forEachRow(r -> {
            for (int i = 0; i < stats.size(); i++) {
                String v = r.cell(i).text();
                if (!v.isBlank()) {
                    stats.get(i).add(v);
                }
            }
        });
        List<Use> out = new ArrayList<>();
        for (Column c : columns.all()) {
            CustomFieldStats s = stats.get(c.index());
            CsvCustomFields.Field f = issues.customFields().ofColumn(c.index());
            String feeds;
            String name = null;
            String role = null;
            if (s.values() == 0) {
                feeds = "skip: the column is empty";
            } else if (c.role() == JiraCsvColumns.Role.BOOKKEEPING) {
                feeds = "skip by design: " + c.why();
            } else if (f != null) {
                feeds = "custom field '" + f.name + "', " + f.type.label + FieldTypes.writtenAs(f.type.label)
                        + " (" + f.rule + ")";
                if (f.type == CsvCustomFields.Type.SELECT || f.type == CsvCustomFields.Type.MULTI) {
                    feeds += "; options: " + String.join(", ", f.stats.distinct());
                }
                name = f.name;
                role = role(f.type);
            } else if (c.role() == JiraCsvColumns.Role.CUSTOM || c.role() == JiraCsvColumns.Role.UNKNOWN) {
                feeds = "skip by design: a Jira app object exported as a Java object name, no data";
            } else {
                feeds = FEEDS.getOrDefault(c.role(), c.role().name().toLowerCase(Locale.ROOT));
            }
            out.add(new Use(c.index(), c.header(), feeds, name, role, s));
        }
        return out;
    }

    private static String role(CsvCustomFields.Type t) {
        return switch (t) {
            case NUMBER -> "number";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case URL -> "url";
            case USER, USERS -> "user";
            case MULTI -> "multi_select";
            case SELECT -> "select";
            case TEXT -> "text";
            case STRING -> "string";
            case EPIC -> "epic_link";
            case SPRINT -> "select";
        };
    }
}
