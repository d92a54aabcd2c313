package io.kaitenimport.source.jiracsv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each column of a Jira CSV header is, by index: headers repeat (one column per value of a multi-valued
 * field), so columns are grouped by name and read by position, never through a name → value map.
 */
final class JiraCsvColumns {
    private static final Pattern CUSTOM = Pattern.compile("Custom field \\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("(Inward|Outward) issue link \\((.*)\\)",
            Pattern.CASE_INSENSITIVE);

    enum Role {
        SUMMARY, KEY, ID, TYPE, STATUS, STATUS_CATEGORY, PROJECT_KEY, PROJECT_NAME, PROJECT_ID, PRIORITY, RESOLUTION,
        ASSIGNEE, ASSIGNEE_ID, REPORTER, REPORTER_ID, CREATOR, CREATOR_ID, CREATED, UPDATED, RESOLVED, DUE, VOTES,
        LABELS, DESCRIPTION, ENVIRONMENT, WATCHERS, WATCHERS_ID, LOG_WORK, ORIGINAL_ESTIMATE, REMAINING_ESTIMATE,
        TIME_SPENT, SECURITY, LINK_IN, LINK_OUT, ATTACHMENT, COMMENT, FIX_VERSIONS, COMPONENTS, AFFECTS_VERSIONS,
        SPRINT, PARENT_ID, PARENT_KEY, SUBTASKS, CUSTOM, BOOKKEEPING, UNKNOWN
    }

    /** One column: its index, header, role; {@code name} is the link type or custom field name; {@code why} the
     * reason a bookkeeping column is dropped. */
    record Column(int index, String header, Role role, String name, String why) {
    }

    private static final Map<String, Role> SYSTEM = new LinkedHashMap<>();
    private static final Map<String, String> BOOKKEEPING = new LinkedHashMap<>();

    static {
        put(Role.SUMMARY, "summary");
        put(Role.KEY, "issue key");
        put(Role.ID, "issue id");
        put(Role.TYPE, "issue type");
        put(Role.STATUS, "status");
        put(Role.STATUS_CATEGORY, "status category");
        put(Role.PROJECT_KEY, "project key");
        put(Role.PROJECT_NAME, "project name");
        put(Role.PROJECT_ID, "project id");
        put(Role.PRIORITY, "priority");
        put(Role.RESOLUTION, "resolution");
        put(Role.ASSIGNEE, "assignee");
        put(Role.ASSIGNEE_ID, "assignee id");
        put(Role.REPORTER, "reporter");
        put(Role.REPORTER_ID, "reporter id");
        put(Role.CREATOR, "creator");
        put(Role.CREATOR_ID, "creator id");
        put(Role.CREATED, "created");
        put(Role.UPDATED, "updated");
        put(Role.RESOLVED, "resolved");
        put(Role.DUE, "due date");
        put(Role.VOTES, "votes");
        put(Role.LABELS, "labels");
        put(Role.DESCRIPTION, "description");
        put(Role.ENVIRONMENT, "environment");
        put(Role.WATCHERS, "watchers");
        put(Role.WATCHERS_ID, "watchers id");
        put(Role.LOG_WORK, "log work");
        put(Role.ORIGINAL_ESTIMATE, "original estimate");
        put(Role.REMAINING_ESTIMATE, "remaining estimate");
        put(Role.TIME_SPENT, "time spent");
        put(Role.SECURITY, "security level");
        put(Role.ATTACHMENT, "attachment");
        put(Role.COMMENT, "comment");
        put(Role.FIX_VERSIONS, "fix versions", "fix version/s", "fix version");
        put(Role.COMPONENTS, "components", "component/s", "component");
        put(Role.AFFECTS_VERSIONS, "affects versions", "affects version/s", "affects version");
        put(Role.SPRINT, "sprint");
        put(Role.PARENT_ID, "parent", "parent id");
        put(Role.PARENT_KEY, "parent key");
        put(Role.SUBTASKS, "sub-tasks", "subtasks");
        String viewer = "per-viewer state (when the exporting user last opened the issue), not issue data";
        String derived = "derived by Jira from other columns (Σ sums sub-tasks; work ratio = spent / estimate)";
        String project = "project metadata repeated on every row; the board is made from Project key and name";
        BOOKKEEPING.put("last viewed", viewer);
        BOOKKEEPING.put("status category changed", "Jira bookkeeping: when the status category last changed");
        BOOKKEEPING.put("work ratio", derived);
        BOOKKEEPING.put("σ original estimate", derived);
        BOOKKEEPING.put("σ remaining estimate", derived);
        BOOKKEEPING.put("σ time spent", derived);
        BOOKKEEPING.put("progress", derived);
        BOOKKEEPING.put("σ progress", derived);
        BOOKKEEPING.put("project lead", project);
        BOOKKEEPING.put("project lead id", project);
        BOOKKEEPING.put("project type", project);
        BOOKKEEPING.put("project description", project);
        BOOKKEEPING.put("project url", project);
        BOOKKEEPING.put("project category", project);
        BOOKKEEPING.put("parent summary", "the parent's title, repeated; the parent link itself is kept");
        BOOKKEEPING.put("custom field (rank)", "LexoRank: card order cannot be imported (Kaiten cards have no sort "
                + "order)");
        BOOKKEEPING.put("custom field (issue color)", "board display colour of the issue; Kaiten cards have no "
                + "colour field");
        BOOKKEEPING.put("custom field (epic color)", "board display colour of the epic; Kaiten cards have no colour "
                + "field");
    }

    private static void put(Role role, String... names) {
        for (String n : names) {
            SYSTEM.put(n, role);
        }
    }

    private final List<Column> columns = new ArrayList<>();

    JiraCsvColumns(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "").strip();
            String lower = h.toLowerCase(Locale.ROOT);
            Matcher link = LINK.matcher(h);
            Matcher custom = CUSTOM.matcher(h);
            if (BOOKKEEPING.containsKey(lower)) {
                columns.add(new Column(i, h, Role.BOOKKEEPING, null, BOOKKEEPING.get(lower)));
            } else if (lower.startsWith("custom field ([chart]")) {
                columns.add(new Column(i, h, Role.BOOKKEEPING, null, "Jira chart bookkeeping (time in status, first"
                        + " response), derived from the issue history"));
            } else if (SYSTEM.containsKey(lower)) {
                columns.add(new Column(i, h, SYSTEM.get(lower), null, null));
            } else if (link.matches()) {
                columns.add(new Column(i, h, link.group(1).equalsIgnoreCase("inward") ? Role.LINK_IN : Role.LINK_OUT,
                        link.group(2).strip(), null));
            } else if (custom.matches()) {
                columns.add(new Column(i, h, Role.CUSTOM, custom.group(1).strip(), null));
            } else {
                columns.add(new Column(i, h, Role.UNKNOWN, h, null));
            }
        }
    }

    List<Column> all() {
        return columns;
    }

    List<Column> of(Role role) {
        return columns.stream().filter(c -> c.role() == role).toList();
    }

    /** The first column of a role, or -1. */
    int first(Role role) {
        return columns.stream().filter(c -> c.role() == role).mapToInt(Column::index).findFirst().orElse(-1);
    }

    /** The REST field a column feeds (null for none; the Sprint field id is the reader's). */
    static String jsonField(Role role) {
        return switch (role) {
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
            case PARENT_ID, PARENT_KEY -> "parent";
            case SUBTASKS -> "subtasks";
            case PROJECT_KEY, PROJECT_NAME, PROJECT_ID -> "project";
            default -> null;
        };
    }

    /** A header is a Jira CSV header when it has the issue identity columns Jira always writes. */
    static boolean isJiraHeader(List<String> header) {
        java.util.Set<String> names = new java.util.HashSet<>();
        header.forEach(h -> names.add(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)));
        return names.contains("issue key") && names.contains("issue id") && names.contains("summary")
                && (names.contains("status") || names.contains("issue type"));
    }
}
