package io.kaitenimport.source.asana;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Dates;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.Users;
import io.kaitenimport.source.tabular.Row;
import io.kaitenimport.source.tabular.RowSource;
import io.kaitenimport.source.text.HtmlText;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asana's CSV export as tasks. A first read (the constructor) indexes what later rows need: each row's id (blank,
 * repeated and Excel-rounded ids get a derived one, reported), task names for the {@code Parent task} column
 * (which names the parent, not its id), projects and sections in order, and the type of each custom-field column.
 * Every {@link #read} streams the file again and yields one task per row.
 */
final class AsanaCsv {
    /** Standard columns; any other header is a custom field. Older exports say Column and Parent Task. */
    static final List<String> STANDARD = List.of("task id", "created at", "completed at", "last modified", "name",
            "section/column", "column", "assignee", "assignee email", "start date", "due date", "tags", "notes",
            "projects", "parent task", "blocked by (dependencies)", "blocking (dependencies)");
    private static final Pattern EXCEL_ROUNDED = Pattern.compile("\\d+(?:[.,]\\d+)?[eE]\\+?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    static final String NO_SECTION = "(no section)";

    private final RowSource rows;
    private final String file;
    private final AsanaMapping mapping;
    private final Map<String, Integer> col = new HashMap<>();
    private final List<Integer> customCols = new ArrayList<>();
    private final Map<Integer, String> customKinds = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final Map<String, List<Integer>> byStrippedName = new HashMap<>();
    private final Set<String> idSet = new HashSet<>();
    private final Map<String, String> projectIds = new LinkedHashMap<>();
    private final Map<String, String> sectionIds = new HashMap<>();
    private ProjectNames projectNames;
    private int[] parents;

    AsanaCsv(RowSource rows, AsanaMapping mapping, SourceContext ctx) throws IOException {
        this.rows = rows;
        this.file = rows.name();
        this.mapping = mapping;
        List<String> header = rows.header();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (STANDARD.contains(h)) {
                col.putIfAbsent(h.equals("column") ? "section/column" : h, i);
            } else if (!h.isEmpty()) {
                customCols.add(i);
            }
        }
        if (!col.containsKey("name")) {
            throw new SourceException(Location.cell(file, rows.headerLine(), null, null), "not an Asana CSV export:"
                    + " no 'Name' column in the header " + header);
        }
        index(ctx);
    }

    private String cell(Row r, String key) {
        Integer i = col.get(key);
        String v = i == null ? "" : r.cell(i).text();
        return v.isBlank() ? null : v;
    }

    /** The first read: ids, names, projects, sections and custom-field column types. */
    private void index(SourceContext ctx) throws IOException {
        Map<Integer, Boolean> numeric = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> parentNames = new ArrayList<>();
        Set<String> projectCells = new java.util.LinkedHashSet<>();
        Set<List<String>> projectSections = new java.util.LinkedHashSet<>();
        rows.forEachRow(r -> {
            int ordinal = ids.size();
            Location where = Location.cell(file, r.line(), col.containsKey("task id") ? (long) col.get("task id") + 1
                    : null, "Task ID");
            String id = cell(r, "task id");
            if (id != null && EXCEL_ROUNDED.matcher(id.strip()).matches()) {
                ctx.issue(IssueCode.SOURCE_VALUE_INVALID, where, "Task ID '" + id + "' was rounded by a spreadsheet"
                        + " (scientific notation); the real id is lost and is not guessed — the card gets id 'row-"
                        + r.line() + "', and dependencies naming the real id cannot be linked");
                ctx.losses().lost("asana csv Task ID", "rounded by a spreadsheet (scientific notation)", where);
                id = null;
            }
            id = id == null ? "row-" + r.line() : id.strip();
            int n = seen.merge(id, 1, Integer::sum);
            if (n > 1) {
                String derived = id + "-" + n;
                ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, where, "Task ID '" + id + "' repeats (copy " + n
                        + "); this row gets id '" + derived + "'");
                id = derived;
            }
            ids.add(id);
            idSet.add(id);
            lines.add(r.line());
            String name = cell(r, "name");
            if (name != null) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(ordinal);
                byStrippedName.computeIfAbsent(name.strip(), k -> new ArrayList<>()).add(ordinal);
            }
            parentNames.add(cell(r, "parent task"));
            // Projects and sections are numbered once the names are known (see ProjectNames), in this order.
            String projectCell = cell(r, "projects");
            if (projectCell != null) {
                String section = cell(r, "section/column");
                projectCells.add(projectCell);
                if (section != null && !section.strip().equals(NO_SECTION)) {
                    projectSections.add(List.of(projectCell, section.strip()));
                }
            }
            for (int c : customCols) {
                String v = r.cell(c).text().strip();
                if (!v.isEmpty()) {
                    numeric.merge(c, NUMBER.matcher(v).matches(), Boolean::logicalAnd);
                }
            }
        });
        numberProjects(projectCells, projectSections, ctx);
        for (int c : customCols) {
            String header = rows.header().get(c).strip();
            String declared = mapping.customFields().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(header)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
            customKinds.put(c, declared != null ? (declared.equals("string") ? "text" : declared)
                    : Boolean.TRUE.equals(numeric.get(c)) ? "number" : "text");
        }
        resolveParents(parentNames, ctx);
    }

    /**
     * Names the projects of every distinct Projects cell ({@link ProjectNames}) and numbers projects and sections in
     * the order the rows first give them.
     *
     * @param cells    the distinct Projects cells, in the order rows first give them
     * @param sections the distinct (Projects cell, section) pairs, in that order
     */
    private void numberProjects(Set<String> cells, Set<List<String>> sections, SourceContext ctx) {
        projectNames = ProjectNames.of(cells);
        for (String cell : cells) {
            for (String p : projectNames.names(cell)) {
                projectIds.putIfAbsent(p, "project-" + (projectIds.size() + 1));
            }
        }
        for (List<String> cellAndSection : sections) {
            List<String> projects = projectNames.names(cellAndSection.get(0));
            if (projects.isEmpty()) {
                continue; // a cell of separators only
            }
            String pid = projectIds.get(projects.get(0));
            sectionIds.putIfAbsent(pid + "\u0000" + cellAndSection.get(1), pid + "-section-" + (sectionIds.size() + 1));
        }
        for (ProjectNames.Joined j : projectNames.joined()) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.cell(file, rows.headerLine(), col.get("projects") + 1L, "Projects"),
                    "'" + j.name() + "' is read as one project: its parts " + j.pieces() + " are never listed apart,"
                            + " and Asana separates projects with ', ' too. If they are separate projects, the"
                            + " tasks are on one board named '" + j.name() + "'");
        }
    }

    /**
     * {@code Parent task} holds a name. Names repeat and may carry trailing spaces: an exact match wins over a
     * match after trimming; among several, the nearest row above (else below) is taken and the ambiguity reported.
     * A link that would close a cycle is dropped.
     */
    private void resolveParents(List<String> names, SourceContext ctx) {
        parents = new int[ids.size()];
        java.util.Arrays.fill(parents, -1);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                continue;
            }
            Location where = Location.cell(file, lines.get(i), col.get("parent task") + 1L, "Parent task");
            List<Integer> candidates = without(byName.get(name), i);
            if (candidates.isEmpty()) {
                candidates = without(byStrippedName.get(name.strip()), i);
            }
            if (candidates.isEmpty()) {
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "parent task '" + name + "' is not a task of this"
                        + " export; the subtask is a card without a parent");
                ctx.losses().lost("asana csv Parent task", "parent task not in the export", where);
                continue;
            }
            int chosen = -1;
            for (int c : candidates) {
                if (c < i) {
                    chosen = c;
                }
            }
            if (chosen < 0) {
                chosen = candidates.get(0);
            }
            if (candidates.size() > 1) {
                List<Long> at = candidates.stream().map(lines::get).toList();
                ctx.issue(IssueCode.SOURCE_STRUCTURE, where, "parent task '" + name + "' names " + candidates.size()
                        + " tasks (lines " + at + "); linked to the one on line " + lines.get(chosen) + " (the"
                        + " nearest " + (chosen < i ? "above" : "below") + ")");
            }
            parents[i] = chosen;
        }
        for (int i = 0; i < parents.length; i++) {
            int p = parents[i];
            Set<Integer> chain = new HashSet<>();
            chain.add(i);
            while (p >= 0 && chain.add(p)) {
                p = parents[p];
            }
            if (p >= 0) {
                Location where = Location.cell(file, lines.get(i), col.get("parent task") + 1L, "Parent task");
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "parent task '" + names.get(i) + "' would close a"
                        + " cycle of parents; this link is dropped");
                ctx.losses().lost("asana csv Parent task", "parent link closing a cycle", where);
                parents[i] = -1;
            }
        }
    }

    private static List<Integer> without(List<Integer> list, int self) {
        return list == null ? List.of() : list.stream().filter(x -> x != self).toList();
    }

    /** Streams the rows again as tasks. */
    void read(SourceContext ctx, boolean report, AsanaJson.Handler handler) throws IOException {
        int[] ordinal = {0};
        rows.forEachRow(r -> {
            int i = ordinal[0]++;
            if (i < ids.size()) {
                handler.task(task(r, i, ctx, report));
            }
        });
    }

    private AsanaTask task(Row r, int i, SourceContext ctx, boolean report) {
        String id = ids.get(i);
        Location where = Location.cell(file, r.line(), null, null);
        String assigneeName = cell(r, "assignee");
        String email = cell(r, "assignee email");
        Users.Person assignee = assigneeName == null && email == null ? null
                : new Users.Person(null, null, assigneeName == null ? null : assigneeName.strip(),
                email == null ? null : email.strip());
        String completedAt = date(r, "completed at", report, ctx);
        List<String> projects = projectNames.names(cell(r, "projects"));
        List<AsanaTask.Membership> memberships = new ArrayList<>();
        String section = cell(r, "section/column");
        for (int p = 0; p < projects.size(); p++) {
            String pid = projectIds.get(projects.get(p));
            String sid = p == 0 && section != null ? sectionIds.get(pid + "\u0000" + section.strip()) : null;
            memberships.add(new AsanaTask.Membership(pid, projects.get(p), sid, sid == null ? null : section.strip()));
        }
        if (report && projects.isEmpty() && section != null && !section.strip().equals(NO_SECTION)) {
            ctx.losses().lost("asana csv Section/Column", "section of a task in no project", where);
        }
        List<AsanaTask.CustomValue> values = new ArrayList<>();
        for (int c : customCols) {
            String v = r.cell(c).text().strip();
            if (v.isEmpty()) {
                continue;
            }
            String kind = customKinds.get(c);
            String header = rows.header().get(c).strip();
            Location at = Location.cell(file, r.line(), c + 1L, header);
            Double number = null;
            String date = null;
            if (kind.equals("number")) {
                try {
                    number = Double.parseDouble(v.replace(",", ""));
                } catch (NumberFormatException e) {
                    if (report) {
                        ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "'" + v + "' is not a number; not read");
                    }
                }
            } else if (kind.equals("date")) {
                date = AsanaJsonValues.isDate(v) ? v : null;
                if (date == null && report) {
                    ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "'" + v + "' is not a date (YYYY-MM-DD); not read");
                }
            }
            values.add(new AsanaTask.CustomValue("csv-field-" + (c + 1), header, kind, kind.equals("text") ? v : null,
                    number, List.of(), date, false, List.of(), List.of(), at));
        }
        if (report) {
            if (cell(r, "last modified") != null) {
                ctx.losses().lost("asana csv Last Modified", "Kaiten keeps no modification date", where);
            }
            if (r.cells().size() > rows.header().size()) {
                long extra = r.cells().subList(rows.header().size(), r.cells().size()).stream()
                        .filter(x -> !x.isBlank()).count();
                ctx.losses().lost("asana csv (cells past the header)", "row has more cells than the header", extra,
                        where);
            }
        }
        List<String> tags = split(cell(r, "tags"));
        String start = date(r, "start date", report, ctx);
        String due = date(r, "due date", report, ctx);
        String created = date(r, "created at", report, ctx);
        List<String> blockedBy = references(r, "blocked by (dependencies)", report, ctx);
        List<String> blocking = references(r, "blocking (dependencies)", report, ctx);
        return new AsanaTask(id, i, where, parents[i] >= 0 ? ids.get(parents[i]) : null, 0, cell(r, "name"), null,
                HtmlText.plainText(cell(r, "notes")), Map.of(), assignee, List.of(), null, completedAt != null,
                completedAt == null ? null : midnight(completedAt, ctx), created == null ? null
                : midnight(created, ctx), due == null ? null : CardDate.dateOnly(due), start == null ? null
                : CardDate.dateOnly(start), memberships, tags, values, blockedBy, blocking, List.of(), false,
                List.of(), null, List.of(), 0, 0);
    }

    /**
     * Dependency cells list task ids (or, in hand-made files, names); unknown ones stay as written and are
     * reported by the index. Ids a spreadsheet rounded cannot name a task and are never guessed.
     */
    private List<String> references(Row r, String key, boolean report, SourceContext ctx) {
        List<String> out = new ArrayList<>();
        for (String token : split(cell(r, key))) {
            String ref = token;
            if (EXCEL_ROUNDED.matcher(token).matches()) {
                if (report) {
                    Location at = Location.cell(file, r.line(), col.get(key) + 1L, key);
                    ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "task id '" + token + "' was rounded by a"
                            + " spreadsheet (scientific notation); the dependency is not guessed");
                    ctx.losses().lost("asana task.dependencies", "task id rounded by a spreadsheet", at);
                }
                continue;
            }
            if (!idSet.contains(token)) {
                List<Integer> named = byStrippedName.getOrDefault(token, List.of());
                if (named.size() == 1) {
                    ref = ids.get(named.get(0));
                }
            }
            if (!out.contains(ref)) {
                out.add(ref);
            }
        }
        return out;
    }

    private String date(Row r, String key, boolean report, SourceContext ctx) {
        String v = cell(r, key);
        if (v == null) {
            return null;
        }
        String d = v.strip();
        try {
            return LocalDate.parse(d.length() > 10 && d.charAt(10) == 'T' ? d.substring(0, 10) : d).toString();
        } catch (DateTimeParseException e) {
            if (report) {
                Location at = Location.cell(file, r.line(), col.get(key) + 1L, key);
                ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, "'" + v + "' is not a date (YYYY-MM-DD); not read");
                ctx.losses().lost("asana csv " + key, "not a date", at);
            }
            return null;
        }
    }

    private static String midnight(String isoDate, SourceContext ctx) {
        return Dates.iso(LocalDate.parse(isoDate).atStartOfDay(ctx.common().zone()).toInstant());
    }

    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell != null) {
            for (String s : cell.split("[,\\n]")) {
                if (!s.isBlank() && !out.contains(s.strip())) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
