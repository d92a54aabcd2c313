package io.kaitenimport.source.tabular;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.mapping.DateParser;
import io.kaitenimport.mapping.MappingLoader;
import io.kaitenimport.mapping.TabularField;
import io.kaitenimport.mapping.TabularMapping;
import io.kaitenimport.model.Board;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.Column;
import io.kaitenimport.model.CustomField;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.source.Users;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a table (CSV or sheet) into boards, columns, cards and custom fields: one card per row, driven by a
 * {@link TabularMapping}. Two passes over the rows: the first collects only ids, keys, statuses, boards,
 * select values and date shapes; the second builds and emits each card with its references resolved. Memory grows
 * with the number of rows' ids, not with the text in them.
 */
public final class TabularConverter {
    private static final Pattern LIST_SPLIT_NEWLINE = Pattern.compile("\\r?\\n");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦‣]|\\d+[.)]|\\[[ xX✓]?\\])?\\s*");

    private final RowSource source;
    private final TabularMapping mapping;
    private final SourceContext ctx;
    private final HeaderMap headers;
    private final String file;
    private final TabularExtension extension;

    // pass-1 state: ids and small indexes only
    private final Map<String, String> cardIdByKey = new HashMap<>();
    private final List<String> cardIds = new ArrayList<>();
    private final Map<String, LinkedHashSet<String>> statusesByBoard = new LinkedHashMap<>();
    private final Map<TabularMapping.CustomFieldRule, LinkedHashSet<String>> selectValues = new LinkedHashMap<>();
    private final List<String> dateSamples = new ArrayList<>();
    private final List<RawRefs> rawRefs = new ArrayList<>();

    // resolved after pass 1
    private final Map<String, String> boardIds = new LinkedHashMap<>();
    private final Map<String, String> columnIds = new HashMap<>();
    private final Map<String, Integer> presetTypes = new HashMap<>();
    private final Set<String> presetKeys = new java.util.HashSet<>();
    private boolean sectionsSeen;
    private final Map<TabularMapping.CustomFieldRule, String> fieldIds = new LinkedHashMap<>();
    private final Map<TabularMapping.CustomFieldRule, Map<String, String>> optionIds = new HashMap<>();
    private final Relations relations = new Relations();

    private record RawRefs(int ordinal, long line, TabularField field, int column, String text) {
    }

    public TabularConverter(RowSource source, TabularMapping mapping, SourceContext ctx) {
        this(source, mapping, ctx, TabularExtension.NONE);
    }

    public TabularConverter(RowSource source, TabularMapping mapping, SourceContext ctx, TabularExtension extension) {
        this.source = source;
        this.mapping = mapping;
        this.ctx = ctx;
        this.file = source.name();
        this.headers = new HeaderMap(source.header(), mapping);
        this.extension = extension;
    }

    public void convert(ModelSink sink) throws IOException {
        for (MappingLoader.WrittenHeader h : MappingLoader.writtenHeaders(ctx.common().mapping())) {
            if (!headers.present(h.header())) {
                ctx.issue(IssueCode.MAPPING_HEADER_UNKNOWN, h.at(), h.header(), file,
                        io.kaitenimport.mapping.Suggest.didYouMean(h.header(), source.header()));
            }
        }
        if (!headers.has(TabularField.TITLE)) {
            TitleGuess.Choice guess = TitleGuess.choose(source, headers);
            if (guess == null) {
                throw new SourceException(Location.cell(file, source.headerLine(), null, null),
                        "no title column: none of " + mapping.fields().of(TabularField.TITLE) + " is in the header "
                                + source.header() + "; map one under fields.title in a --mapping file");
            }
            int col = guess.column();
            headers.assign(TabularField.TITLE, col);
            ctx.issue(IssueCode.SOURCE_TITLE_GUESSED, Location.cell(file, source.headerLine(), (long) col + 1,
                    headers.name(col)), "no known title header; card titles come from '" + headers.name(col) + "', "
                    + guess.why() + " — name the title column under fields.title in a --mapping file to choose another");
        }
        ctx.issue(IssueCode.SOURCE_RULE, Location.cell(file, source.headerLine(), null, null),
                "columns used: " + headers.describe());
        presetColumns();
        collect();
        DateParser dates = dateParser();
        emitStructure(sink);
        resolveRelations();
        extension.cardsKnown(this::resolveRef);
        ValueReader values = new ValueReader(dates, ctx, file);
        emitCards(sink, values);
        if (sectionsSeen) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), "row sections went to: " + mapping.sections().key()
                    + " (set sections: tag|board|column|skip in a --mapping file to change)");
        }
        extension.afterCards(sink, this::resolveRef, values);
    }

    /** Columns the source defines up front come first on their boards, with their given types. */
    private void presetColumns() {
        for (TabularExtension.PresetColumn c : extension.presetColumns()) {
            String board = c.board() == null || c.board().isBlank() ? defaultBoard() : c.board().strip();
            statusesByBoard.computeIfAbsent(board, b -> new LinkedHashSet<>()).add(c.title().strip());
            presetKeys.add(board + "\u0000" + c.title().strip());
            if (c.type() != null) {
                presetTypes.put(board + "\u0000" + c.title().strip(), c.type());
            }
        }
    }

    /** The row's section: its own section cell, else the heading row it sits under; spaces collapsed. */
    private String section(Row row) {
        String s = text(row, TabularField.SECTION);
        if (s == null) {
            s = row.section();
        }
        if (s == null || s.isBlank()) {
            return null;
        }
        sectionsSeen = true;
        return s.strip().replaceAll("\\s+", " ");
    }

    private String boardOf(Row row) {
        String board = text(row, TabularField.BOARD);
        if (board == null && mapping.sections() == TabularMapping.Sections.BOARD) {
            board = section(row);
        }
        return board == null ? defaultBoard() : board;
    }

    private String statusOf(Row row) {
        String status = text(row, TabularField.COLUMN);
        if (status == null && mapping.sections() == TabularMapping.Sections.COLUMN) {
            status = section(row);
        }
        return status == null ? mapping.defaultColumn() : status;
    }

    // ---- pass 1 -------------------------------------------------------------------------------------------------

    private void collect() throws IOException {
        List<Integer> dateColumns = new ArrayList<>();
        for (TabularField f : List.of(TabularField.DUE, TabularField.PLANNED_START, TabularField.PLANNED_END,
                TabularField.CREATED)) {
            if (headers.has(f)) {
                dateColumns.add(headers.first(f));
            }
        }
        headers.custom.forEach((rule, cols) -> {
            if ("date".equals(rule.type())) {
                dateColumns.addAll(cols);
            }
        });
        source.forEachRow(raw -> {
            Row row = clean(raw);
            int ordinal = cardIds.size() + 1;
            String id = cardId(row, ordinal);
            cardIds.add(id);
            statusesByBoard.computeIfAbsent(boardOf(row), b -> new LinkedHashSet<>()).add(statusOf(row));
            for (TabularField f : List.of(TabularField.PARENT, TabularField.BLOCKS, TabularField.BLOCKED_BY,
                    TabularField.RELATED)) {
                for (int col : headers.all(f)) {
                    String t = row.cell(col).text().strip();
                    if (!t.isEmpty()) {
                        rawRefs.add(new RawRefs(ordinal, row.line(), f, col, t));
                    }
                }
            }
            headers.custom.forEach((rule, cols) -> {
                if (rule.type().equals("select") || rule.type().equals("multi_select")) {
                    for (int col : cols) {
                        for (String v : split(row.cell(col).text(), rule.type().equals("multi_select"))) {
                            selectValues.computeIfAbsent(rule, r -> new LinkedHashSet<>()).add(v);
                        }
                    }
                }
            });
            for (int col : dateColumns) {
                Cell c = row.cell(col);
                // Only slash/dash/dot numeric dates can be ambiguous; keep a bounded sample of those.
                if (c.value() == null && dateSamples.size() < 10_000 && c.text().matches("\\s*\\d{1,2}[./-]\\d{1,2}[./-].*")) {
                    dateSamples.add(c.text().strip());
                }
            }
        });
        if (cardIds.isEmpty()) {
            throw new SourceException(Location.cell(file, source.headerLine(), null, null),
                    "the table has a header but no data rows");
        }
    }

    private String cardId(Row row, int ordinal) {
        String key = headers.has(TabularField.ID) ? row.cell(headers.first(TabularField.ID)).text().strip() : "";
        String id = key.isEmpty() ? "row-" + ordinal : key;
        if (cardIdByKey.containsKey(key(id))) {
            String derived = id + "~" + ordinal;
            ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, Location.cell(file, row.line(),
                    (long) headers.first(TabularField.ID) + 1, headers.name(headers.first(TabularField.ID))),
                    "id '" + id + "' appears again; this row gets id '" + derived + "'");
            id = derived;
        }
        if (!key.isEmpty()) {
            cardIdByKey.putIfAbsent(key(key), id);
        }
        for (int col : headers.all(TabularField.ALIASES)) {
            String alias = row.cell(col).text().strip();
            if (!alias.isEmpty()) {
                cardIdByKey.putIfAbsent(key(alias), id);
            }
        }
        cardIdByKey.putIfAbsent(key(id), id);
        return id;
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private String defaultBoard() {
        if (mapping.defaultBoard() != null) {
            return mapping.defaultBoard();
        }
        String name = java.nio.file.Path.of(file.replaceAll(" \\[.*]$", "")).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private DateParser dateParser() {
        DateParser.DayOrder order;
        String why;
        switch (ctx.options(TabularOptions.class).dateOrder()) {
            case DAY_FIRST -> { order = DateParser.DayOrder.DAY_FIRST; why = "--date-order day-first"; }
            case MONTH_FIRST -> { order = DateParser.DayOrder.MONTH_FIRST; why = "--date-order month-first"; }
            default -> {
                order = DateParser.decide(dateSamples);
                why = order == DateParser.DayOrder.UNKNOWN
                        ? (dateSamples.isEmpty() ? "no ambiguous dates" : "the data does not decide; day-first assumed"
                        + " (use --date-order month-first if wrong)")
                        : "decided from the data";
            }
        }
        DateParser p = new DateParser(order, ctx.common().zone());
        if (!dateSamples.isEmpty()) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), "ambiguous numeric dates read as "
                    + (p.dayOrder() == DateParser.DayOrder.MONTH_FIRST ? "month-first" : "day-first") + " (" + why + ")");
        }
        return p;
    }

    // ---- structure ----------------------------------------------------------------------------------------------

    private void emitStructure(ModelSink sink) throws IOException {
        String spaceId = null;
        if (ctx.common().spaceTitle() != null) {
            spaceId = "space-1";
            sink.accept(Space.of(spaceId, ctx.common().spaceTitle()));
        }
        int b = 0;
        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, LinkedHashSet<String>> e : statusesByBoard.entrySet()) {
            String boardId = "board-" + (++b);
            boardIds.put(e.getKey(), boardId);
            sink.accept(new Board(boardId, limit(e.getKey(), 128, "board"), null, null, spaceId));
            // Kanban order: queued, then in progress, then done; first appearance within a type. Columns the
            // source defines up front keep their given order and come first.
            List<Map.Entry<String, ColumnTypeRules.Decision>> given = new ArrayList<>();
            List<Map.Entry<String, ColumnTypeRules.Decision>> ordered = new ArrayList<>();
            for (String status : e.getValue()) {
                String key = e.getKey() + "\u0000" + status;
                Integer preset = presetTypes.get(key);
                ColumnTypeRules.Decision d = preset != null ? new ColumnTypeRules.Decision(preset, "given by the source")
                        : ColumnTypeRules.decide(status, mapping.columns(), Column.IN_PROGRESS);
                (presetKeys.contains(key) ? given : ordered).add(Map.entry(status, d));
            }
            ordered.sort(java.util.Comparator.comparingInt(x -> x.getValue().type()));
            given.addAll(ordered);
            int c = 0;
            for (Map.Entry<String, ColumnTypeRules.Decision> col : given) {
                String status = col.getKey();
                ColumnTypeRules.Decision d = col.getValue();
                String columnId = boardId + "-col-" + (++c);
                columnIds.put(e.getKey() + "\u0000" + status, columnId);
                rules.add("'" + status + "' → " + d.type() + " (" + d.rule() + ")");
                sink.accept(new Column(columnId, limit(status, 128, "column"), boardId, (double) c, d.type(), null));
            }
        }
        ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), "column types: " + String.join(", ", rules));
        int f = 0;
        for (Map.Entry<TabularMapping.CustomFieldRule, List<Integer>> e : headers.custom.entrySet()) {
            TabularMapping.CustomFieldRule rule = e.getKey();
            String fieldId = "cf-" + (++f);
            fieldIds.put(rule, fieldId);
            String name = limit(rule.name() != null ? rule.name() : headers.name(e.getValue().get(0)), 128, "field");
            List<CustomField.Option> options = null;
            if (rule.isSelect()) {
                options = new ArrayList<>();
                Map<String, String> ids = new HashMap<>();
                int o = 0;
                for (TabularMapping.OptionRule preset : rule.options()) {
                    if (!ids.containsKey(preset.value())) {
                        String optionId = fieldId + "-opt-" + (++o);
                        ids.put(preset.value(), optionId);
                        options.add(new CustomField.Option(optionId, limit(preset.value(), 128, "option"),
                                preset.color(), (double) o));
                    }
                }
                List<String> added = new ArrayList<>();
                for (String v : selectValues.getOrDefault(rule, new LinkedHashSet<>())) {
                    if (ids.containsKey(v)) {
                        continue;
                    }
                    String optionId = fieldId + "-opt-" + (++o);
                    ids.put(v, optionId);
                    options.add(new CustomField.Option(optionId, limit(v, 128, "option"), null, (double) o));
                    added.add(v);
                }
                if (!rule.options().isEmpty() && !added.isEmpty()) {
                    ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), "custom field '" + name + "': values not"
                            + " in its option list were added as options: " + String.join(", ", added));
                }
                optionIds.put(rule, ids);
                if (options.isEmpty()) {
                    // An empty select cannot be imported; keep the field as text instead of failing.
                    ctx.issue(IssueCode.SOURCE_RULE, Location.file(file), "custom field '" + name
                            + "' has no values; created as string instead of " + rule.type());
                    sink.accept(CustomField.of(fieldId, "string", name));
                    continue;
                }
            }
            sink.accept(new CustomField(fieldId, rule.type(), name, options, null, null, null, null));
        }
    }

    private String limit(String s, int max, String what) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        ctx.issue(IssueCode.SOURCE_TITLE, Location.file(file), what + " name '" + s.substring(0, 40)
                + "…' is longer than " + max + " characters; cut");
        ctx.losses().lost(file + " " + what + " names", "cut to " + max + " characters", Location.file(file));
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    private void resolveRelations() {
        for (RawRefs r : rawRefs) {
            String from = cardIds.get(r.ordinal() - 1);
            for (String ref : split(r.text(), true)) {
                String target = resolveRef(ref);
                Location where = Location.cell(file, r.line(), (long) r.column() + 1, headers.name(r.column()));
                if (target == null) {
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, r.field().key() + " '" + ref
                            + "' matches no id/key or row number in this export; link dropped");
                    ctx.losses().lost(file + " column '" + headers.name(r.column()) + "'",
                            "refers to an item outside the export", where);
                } else if (target.equals(from)) {
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "row refers to itself; link dropped");
                    ctx.losses().lost(file + " column '" + headers.name(r.column()) + "'", "refers to its own row", where);
                } else if (!relations.add(r.field(), from, target)) {
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "parent '" + ref + "' would make a parent/child"
                            + " cycle; this link is dropped");
                    ctx.losses().lost(file + " column '" + headers.name(r.column()) + "'",
                            "parent link that would close a cycle", where);
                }
            }
        }
        rawRefs.clear();
    }

    private String resolveRef(String ref) {
        String t = ref.strip();
        String id = cardIdByKey.get(key(t));
        if (id != null) {
            return id;
        }
        // Row numbers are a fallback for exports without ids (Redmine's parent column); with an id column a
        // number is an id, and an unknown one must not silently point at some row.
        if (!headers.has(TabularField.ID) && t.matches("\\d{1,9}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= cardIds.size()) {
                return cardIds.get(n - 1);
            }
        }
        return null;
    }

    // ---- pass 2 -------------------------------------------------------------------------------------------------

    private void emitCards(ModelSink sink, ValueReader values) throws IOException {
        int[] ordinal = {0};
        source.forEachRow(raw -> {
            String id = cardIds.get(ordinal[0]++);
            Card.Builder card = new CardBuilder(clean(raw), id, values).build();
            extension.complete(id, card);
            sink.accept(card.build());
        });
    }

    /** Builds one card from one row. */
    private final class CardBuilder {
        private final Row row;
        private final String id;
        private final ValueReader values;

        CardBuilder(Row row, String id, ValueReader values) {
            this.row = row;
            this.id = id;
            this.values = values;
        }

        Location at(int col) {
            return Location.cell(file, row.line(), (long) col + 1, headers.name(col));
        }

        Card.Builder build() {
            String columnId = columnIds.get(boardOf(row) + "\u0000" + statusOf(row));
            int titleCol = headers.first(TabularField.TITLE);
            TextLimits.Title title = TextLimits.title(row.cell(titleCol).text(), "Row " + row.line(), ctx, at(titleCol));
            Card.Builder b = Card.builder(id, columnId, title.title());
            if (headers.has(TabularField.ID)) {
                String k = row.cell(headers.first(TabularField.ID)).text().strip();
                b.key(k.isEmpty() ? null : k);
            }
            String desc = text(row, TabularField.DESCRIPTION);
            String fullDesc = TextLimits.description(title, desc);
            b.description(fullDesc, "markdown");
            b.typeName(text(row, TabularField.TYPE));
            forEachValue(TabularField.TAGS, (v, col) -> b.addTag(tag(v, col)));
            sectionTag(b);
            person(TabularField.OWNER).ifPresent(b::ownerId);
            person(TabularField.RESPONSIBLE).ifPresent(u -> {
                b.responsibleId(u);
                b.addMember(u);
            });
            forEachValue(TabularField.MEMBERS, (v, col) -> {
                String u = resolvePerson(v, col);
                if (u != null) {
                    b.addMember(u);
                }
            });
            date(TabularField.DUE).ifPresent(b::dueDate);
            date(TabularField.PLANNED_START).ifPresent(b::plannedStart);
            date(TabularField.PLANNED_END).ifPresent(b::plannedEnd);
            if (headers.has(TabularField.CREATED)) {
                int col = headers.first(TabularField.CREATED);
                values.instant(row.cell(col), at(col)).ifPresent(b::created);
            }
            if (headers.has(TabularField.ARCHIVED)) {
                Cell c = row.cell(headers.first(TabularField.ARCHIVED));
                if (truthy(c)) {
                    b.archived(true);
                }
            }
            String size = text(row, TabularField.SIZE);
            if (size != null) {
                if (size.codePointCount(0, size.length()) > 256) {
                    int col = headers.first(TabularField.SIZE);
                    ctx.losses().lost(file + " column '" + headers.name(col) + "'",
                            "size longer than 256 characters cut", at(col));
                    size = size.substring(0, size.offsetByCodePoints(0, 256));
                }
                b.sizeText(size);
            }
            if (headers.has(TabularField.ESTIMATE)) {
                int col = headers.first(TabularField.ESTIMATE);
                values.hours(row.cell(col), at(col), 8).ifPresent(b::estimateWorkload);
            }
            forEachValue(TabularField.LINKS, (v, col) -> b.addLink(Card.Link.of(v, null)));
            checklists(b);
            hyperlinks(b);
            properties(b);
            relations.apply(id, b);
            countExtraCells();
            return b;
        }

        /** With {@code sections: tag} the section is a tag; with {@code skip} a section cell is counted as lost. */
        private void sectionTag(Card.Builder b) {
            String s = section(row);
            if (s == null) {
                return;
            }
            int col = headers.has(TabularField.SECTION) ? headers.first(TabularField.SECTION) : -1;
            Location where = col >= 0 ? at(col) : Location.cell(file, row.line(), null, null);
            if (mapping.sections() == TabularMapping.Sections.TAG) {
                String t = s;
                if (t.codePointCount(0, t.length()) > Card.Tag.MAX_NAME) {
                    ctx.losses().lost(file + " section", "tag longer than 128 characters cut", where);
                    t = t.substring(0, t.offsetByCodePoints(0, Card.Tag.MAX_NAME));
                }
                b.addTag(t);
            } else if (mapping.sections() == TabularMapping.Sections.SKIP && col >= 0
                    && !row.cell(col).text().isBlank()) {
                ctx.losses().lost(file + " column '" + headers.name(col) + "'", "sections: skip in the mapping", where);
            }
        }

        private String tag(String v, int col) {
            if (v.codePointCount(0, v.length()) <= Card.Tag.MAX_NAME) {
                return v;
            }
            ctx.losses().lost(file + " column '" + headers.name(col) + "'", "tag longer than 128 characters cut",
                    at(col));
            return v.substring(0, v.offsetByCodePoints(0, Card.Tag.MAX_NAME));
        }

        private java.util.Optional<io.kaitenimport.model.CardDate> date(TabularField f) {
            if (!headers.has(f)) {
                return java.util.Optional.empty();
            }
            int col = headers.first(f);
            return values.cardDate(row.cell(col), at(col));
        }

        private java.util.Optional<String> person(TabularField f) {
            if (!headers.has(f)) {
                return java.util.Optional.empty();
            }
            int col = headers.first(f);
            String v = row.cell(col).text().strip();
            return v.isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(resolvePerson(v, col));
        }

        private String resolvePerson(String v, int col) {
            String email = v.contains("@") ? v : null;
            return ctx.users().resolve(new Users.Person(null, v, v, email),
                    file + " column '" + headers.name(col) + "'", at(col));
        }

        private void forEachValue(TabularField f, java.util.function.BiConsumer<String, Integer> each) {
            for (int col : headers.all(f)) {
                for (String v : split(row.cell(col).text(), true)) {
                    each.accept(v, col);
                }
            }
        }

        private void checklists(Card.Builder b) {
            for (int col : headers.all(TabularField.CHECKLIST)) {
                String t = row.cell(col).text();
                if (t.isBlank()) {
                    continue;
                }
                List<Card.ChecklistItem> items = new ArrayList<>();
                for (String line : LIST_SPLIT_NEWLINE.split(t)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String body = line.strip().replaceFirst("^[-*•·▪◦‣]\\s*", "");
                    boolean checked = body.matches("^\\[[xX✓]].*");
                    String text = BULLET.matcher(body).replaceFirst("").strip();
                    if (!text.isEmpty()) {
                        items.add(Card.ChecklistItem.of(text, items.size() + 1, checked));
                    }
                }
                if (!items.isEmpty()) {
                    b.addChecklist(new Card.Checklist(headers.name(col), items));
                }
            }
        }

        /** Excel hyperlinks on mapped cells become card links, described by the cell text. */
        private void hyperlinks(Card.Builder b) {
            for (int col = 0; col < row.cells().size(); col++) {
                Cell c = row.cell(col);
                if (c.hyperlink() != null && headers.used.get(col)) {
                    b.addLink(Card.Link.of(c.hyperlink(), c.text().isBlank() ? null : c.text().strip()));
                }
            }
        }

        private void properties(Card.Builder b) {
            for (Map.Entry<TabularMapping.CustomFieldRule, List<Integer>> e : headers.custom.entrySet()) {
                TabularMapping.CustomFieldRule rule = e.getKey();
                String fieldId = fieldIds.get(rule);
                Object value = switch (rule.type()) {
                    case "number" -> values.number(row.cell(e.getValue().get(0)), at(e.getValue().get(0))).orElse(null);
                    case "date" -> values.isoDate(row.cell(e.getValue().get(0)), at(e.getValue().get(0))).orElse(null);
                    case "checkbox" -> row.cell(e.getValue().get(0)).isBlank() ? null : truthy(row.cell(e.getValue().get(0)));
                    case "select", "multi_select" -> optionValues(rule, e.getValue());
                    case "user" -> userValues(e.getValue());
                    default -> joined(e.getValue());
                };
                if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
                    b.addProperty(new Card.Property(fieldId, value));
                }
            }
        }

        private List<String> optionValues(TabularMapping.CustomFieldRule rule, List<Integer> cols) {
            Map<String, String> ids = optionIds.getOrDefault(rule, Map.of());
            Set<String> out = new LinkedHashSet<>();
            for (int col : cols) {
                for (String v : split(row.cell(col).text(), rule.type().equals("multi_select"))) {
                    if (ids.containsKey(v)) {
                        out.add(ids.get(v));
                    }
                }
            }
            List<String> list = new ArrayList<>(out);
            if (rule.type().equals("select") && list.size() > 1) {
                int col = cols.get(0);
                ctx.losses().lost(file + " column '" + headers.name(col) + "'",
                        "more than one value in a single-select field; the first is kept", list.size() - 1, at(col));
                return list.subList(0, 1);
            }
            return list;
        }

        private List<String> userValues(List<Integer> cols) {
            Set<String> out = new LinkedHashSet<>();
            for (int col : cols) {
                for (String v : split(row.cell(col).text(), true)) {
                    String u = resolvePerson(v, col);
                    if (u != null) {
                        out.add(u);
                    }
                }
            }
            return new ArrayList<>(out);
        }

        private String joined(List<Integer> cols) {
            List<String> parts = new ArrayList<>();
            for (int col : cols) {
                String t = row.cell(col).text().strip();
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }

        /** Cells that no mapping uses, and cells beyond the header, are counted per column as lost. */
        private void countExtraCells() {
            for (int col = 0; col < row.cells().size(); col++) {
                if (!headers.used.get(col) && !row.cell(col).isBlank()) {
                    if (col < headers.header.size()) {
                        ctx.losses().lost(file + " column '" + headers.name(col) + "'",
                                "not mapped to a card field or custom field (map it in a --mapping file)", at(col));
                    } else {
                        ctx.losses().lost(file + " cells beyond the header", "row has more cells than the header has"
                                + " columns", at(col));
                    }
                }
            }
        }
    }

    /** Cells holding one of the mapping's null values ("Unassigned", "None" …) count as empty. */
    private Row clean(Row row) {
        if (mapping.nullValues().isEmpty()) {
            return row;
        }
        List<Cell> cells = null;
        for (int i = 0; i < row.cells().size(); i++) {
            Cell c = row.cells().get(i);
            if (c.value() == null && !c.text().isEmpty() && isNull(c.text())) {
                if (cells == null) {
                    cells = new ArrayList<>(row.cells());
                }
                cells.set(i, Cell.EMPTY);
            }
        }
        return cells == null ? row : new Row(row.line(), cells, row.section());
    }

    private boolean isNull(String text) {
        String t = text.strip();
        for (String n : mapping.nullValues()) {
            if (n.equalsIgnoreCase(t)) {
                return true;
            }
        }
        return false;
    }

    private boolean truthy(Cell c) {
        if (c.value() instanceof Boolean bool) {
            return bool;
        }
        String t = c.text().strip().toLowerCase(Locale.ROOT);
        return mapping.trueValues().stream().anyMatch(v -> v.equalsIgnoreCase(t));
    }

    private String text(Row row, TabularField f) {
        if (!headers.has(f)) {
            return null;
        }
        String t = row.cell(headers.first(f)).text().strip();
        return t.isEmpty() ? null : t;
    }

    /** Splits a multi-value cell on newlines and, when {@code multi}, on the mapping's separator. */
    private List<String> split(String text, boolean multi) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String trimmed = text.strip();
        if (multi && trimmed.startsWith("[") && trimmed.endsWith("]")) {
            List<String> json = jsonArray(trimmed);
            if (json != null) {
                return json;
            }
        }
        for (String line : LIST_SPLIT_NEWLINE.split(text)) {
            String[] parts = multi ? line.split(Pattern.quote(mapping.listSeparator())) : new String[] {line};
            for (String p : parts) {
                String v = p.strip();
                if (!v.isEmpty() && !out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Plane and similar tools write multi-value cells as JSON arrays: {@code ["backend", "security"]}. */
    private static List<String> jsonArray(String text) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = io.kaitenimport.emit.Json.MAPPER.readTree(text);
            if (!n.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode e : n) {
                if (!e.isValueNode()) {
                    return null;
                }
                String v = e.asText().strip();
                if (!v.isEmpty() && !out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
