package io.kaitenimport.source.xlsx;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.TabularMapping;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.Comment;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.source.Users;
import io.kaitenimport.source.csv.CsvSourceAdapter;
import io.kaitenimport.source.tabular.Cell;
import io.kaitenimport.source.tabular.TabularConverter;
import io.kaitenimport.source.tabular.TabularExtension;
import io.kaitenimport.source.tabular.ValueReader;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The multi-sheet workbook ({@link Layout}): a Cards sheet plus any of Users, Columns, CustomFields, Checklists and
 * Comments, linked by card ids and people's keys. Cards go through the tabular converter with the mapping plus the
 * CustomFields sheet; the other sheets feed it through {@link TabularExtension}. Users, columns, fields and
 * checklists are held in memory (a prepared import is small); comments are streamed after the cards.
 */
final class WorkbookLayout implements TabularExtension {
    private final XlsxWorkbook wb;
    private final SourceContext ctx;
    private final Map<Layout.Sheet, SheetInfo> sheets;
    private final List<PresetColumn> presetColumns = new ArrayList<>();
    private final Map<String, List<Item>> itemsByRef = new LinkedHashMap<>();
    private final Map<String, List<Item>> itemsByCard = new HashMap<>();
    private TabularMapping mapping;

    private record Item(String checklist, String text, boolean checked) {
    }

    private WorkbookLayout(XlsxWorkbook wb, SourceContext ctx, Map<Layout.Sheet, SheetInfo> sheets) {
        this.wb = wb;
        this.ctx = ctx;
        this.sheets = sheets;
    }

    /** The layout when the workbook has a Cards sheet and at least one other layout sheet, else null. */
    static WorkbookLayout detect(XlsxWorkbook wb, SourceContext ctx) {
        Map<Layout.Sheet, SheetInfo> found = new LinkedHashMap<>();
        for (Layout.Sheet spec : Layout.SHEETS) {
            for (SheetInfo s : wb.sheets()) {
                if (s.worksheet() && spec.is(s.name()) && (!s.hidden() || ctx.options(XlsxOptions.class).includeHidden())) {
                    found.putIfAbsent(spec, s);
                }
            }
        }
        if (!found.containsKey(Layout.CARDS) || found.size() < 2) {
            return null;
        }
        return new WorkbookLayout(wb, ctx, found);
    }

    void read(TabularMapping base, ModelSink sink) throws IOException {
        ctx.issue(IssueCode.SOURCE_RULE, Location.file(wb.name()), "workbook layout: sheets "
                + sheets.values().stream().map(s -> "'" + s.name() + "'").toList() + " (see kaiten-import template)");
        reportOtherSheets();
        readUsers();
        mapping = base.withCustomFields(customFields(base));
        readColumns();
        readChecklists();
        SheetInfo cards = sheets.get(Layout.CARDS);
        XlsxRowSource.Probe probe = XlsxRowSource.probe(wb, cards, CsvSourceAdapter.knownHeaders(mapping),
                ctx.options(XlsxOptions.class).includeHidden());
        XlsxRowSource.requireRows(probe, wb.label(cards));
        XlsxRowSource rows = new XlsxRowSource(wb, probe, SheetScan.scan(wb, cards), ctx, mapping.sections());
        new TabularConverter(rows, mapping, ctx, this).convert(sink);
    }

    /** Sheets that are neither the layout's nor the template's README are not read: say so. */
    private void reportOtherSheets() {
        for (SheetInfo s : wb.sheets()) {
            if (sheets.containsValue(s) || Layout.norm(s.name()).equals(Layout.norm(Layout.README)) || !s.worksheet()) {
                continue;
            }
            ctx.issue(IssueCode.SOURCE_STRUCTURE, Location.file(wb.label(s)), "sheet " + s.describe()
                    + " is not part of the workbook layout and is not read");
            ctx.losses().lost(wb.label(s), "not a sheet of the workbook layout", Location.file(wb.label(s)));
        }
    }

    private void readUsers() throws IOException {
        SheetInfo s = sheets.get(Layout.USERS);
        if (s == null) {
            return;
        }
        int[] n = {0};
        LayoutSheet.read(wb, s, Layout.USERS, ctx, r -> {
            String email = r.text("email");
            if (email == null) {
                throw new SourceException(r.at("email"), "a user row needs an email (Kaiten requires one)");
            }
            ctx.users().register(r.text("source"), email, r.text("full_name"), r.at("email"));
            n[0]++;
        });
        ctx.report().fact("users sheet", n[0] + " people");
    }

    /** Custom-field rules from the CustomFields sheet first, then the mapping's rules for other headers. */
    private List<TabularMapping.CustomFieldRule> customFields(TabularMapping base) throws IOException {
        SheetInfo s = sheets.get(Layout.CUSTOM_FIELDS);
        if (s == null) {
            return base.customFields();
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Map<String, List<TabularMapping.OptionRule>> options = new HashMap<>();
        LayoutSheet.read(wb, s, Layout.CUSTOM_FIELDS, ctx, r -> {
            String name = r.text("name");
            if (name == null) {
                throw new SourceException(r.at("name"), "a custom field row needs a name");
            }
            String key = Layout.norm(name);
            names.putIfAbsent(key, name);
            String type = r.text("type");
            if (type != null) {
                type = type.toLowerCase(Locale.ROOT).replace(' ', '_');
                if (!TabularMapping.CustomFieldRule.TYPES.contains(type)) {
                    throw new SourceException(r.at("type"), "'" + r.text("type") + "' is not a field type; use one"
                            + " of " + TabularMapping.CustomFieldRule.TYPES);
                }
                String before = types.putIfAbsent(key, type);
                if (before != null && !before.equals(type)) {
                    throw new SourceException(r.at("type"), "field '" + name + "' is " + before + " on an earlier"
                            + " row and " + type + " here");
                }
            }
            String option = r.text("option");
            if (option != null) {
                options.computeIfAbsent(key, k -> new ArrayList<>()).add(new TabularMapping.OptionRule(option,
                        colour(r)));
            } else if (r.text("color") != null) {
                throw new SourceException(r.at("color"), "a colour belongs to an option; this row has none");
            }
        });
        List<TabularMapping.CustomFieldRule> rules = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            List<TabularMapping.OptionRule> opts = options.getOrDefault(e.getKey(), List.of());
            String type = types.getOrDefault(e.getKey(), opts.isEmpty() ? "string" : "select");
            try {
                rules.add(new TabularMapping.CustomFieldRule(e.getValue(), type, e.getValue(), opts));
            } catch (IllegalArgumentException ex) {
                throw new SourceException(Location.file(wb.label(s)), ex.getMessage());
            }
        }
        for (TabularMapping.CustomFieldRule r : base.customFields()) {
            if (!names.containsKey(Layout.norm(r.header()))) {
                rules.add(r);
            }
        }
        return rules;
    }

    private static Integer colour(LayoutSheet.Rec r) {
        Cell c = r.cell("color");
        if (c.isBlank()) {
            return null;
        }
        String t = c.value() instanceof Double d ? (d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString())
                : c.text().strip();
        if (!t.matches("\\d{1,2}") || Integer.parseInt(t) < 1 || Integer.parseInt(t) > 17) {
            throw new SourceException(r.at("color"), "'" + c.text().strip() + "' is not a Kaiten colour (1–17)");
        }
        return Integer.parseInt(t);
    }

    private void readColumns() throws IOException {
        SheetInfo s = sheets.get(Layout.COLUMNS);
        if (s == null) {
            return;
        }
        record Col(String board, String title, Integer type, double order, int row) {
        }
        List<Col> cols = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        LayoutSheet.read(wb, s, Layout.COLUMNS, ctx, r -> {
            String title = r.text("title");
            if (title == null) {
                throw new SourceException(r.at("title"), "a column row needs a title");
            }
            String board = r.text("board");
            String key = Layout.norm(board) + "\u0000" + title;
            if (seen.putIfAbsent(key, r.row()) != null) {
                ctx.issue(IssueCode.SOURCE_DUPLICATE_ID, r.at("title"), "column '" + title + "' is listed again"
                        + " (first on row " + seen.get(key) + "); this row is ignored");
                ctx.losses().lost(r.file() + " rows", "duplicate column", r.at("title"));
                return;
            }
            Cell order = r.cell("sort_order");
            double position = cols.size() + 1;
            if (!order.isBlank()) {
                position = order.value() instanceof Double d ? d : number(order, r.at("sort_order"));
            }
            cols.add(new Col(board, title, columnType(r), position, r.row()));
        });
        // Boards keep the order the sheet first names them in; within a board, sort_order then row order.
        Map<String, List<Col>> byBoard = new LinkedHashMap<>();
        for (Col c : cols) {
            byBoard.computeIfAbsent(Layout.norm(c.board()), k -> new ArrayList<>()).add(c);
        }
        for (List<Col> board : byBoard.values()) {
            board.sort(Comparator.comparingDouble(Col::order).thenComparingInt(Col::row));
            for (Col c : board) {
                presetColumns.add(new PresetColumn(c.board(), c.title(), c.type()));
            }
        }
    }

    private static double number(Cell c, Location where) {
        try {
            return Double.parseDouble(c.text().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new SourceException(where, "'" + c.text().strip() + "' is not a number");
        }
    }

    private static Integer columnType(LayoutSheet.Rec r) {
        Cell c = r.cell("type");
        if (c.isBlank()) {
            return null;
        }
        String t = Layout.norm(c.value() instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue())
                : c.text());
        return switch (t) {
            case "1", "queued", "to do", "todo" -> 1;
            case "2", "in progress", "doing" -> 2;
            case "3", "done" -> 3;
            default -> throw new SourceException(r.at("type"), "'" + c.text().strip() + "' is not a column type;"
                    + " use 1 (queued), 2 (in progress) or 3 (done)");
        };
    }

    private void readChecklists() throws IOException {
        SheetInfo s = sheets.get(Layout.CHECKLISTS);
        if (s == null) {
            return;
        }
        LayoutSheet.read(wb, s, Layout.CHECKLISTS, ctx, r -> {
            String card = r.text("card");
            String item = r.text("item");
            if (card == null || item == null) {
                ctx.issue(IssueCode.SOURCE_VALUE_INVALID, r.at(card == null ? "card" : "item"), "checklist row"
                        + " without " + (card == null ? "card" : "item") + "; skipped");
                ctx.losses().lost(r.file() + " rows", "checklist row without card or item", r.at("card"));
                return;
            }
            String name = r.text("checklist");
            itemsByRef.computeIfAbsent(card, k -> new ArrayList<>())
                    .add(new Item(name == null ? "Checklist" : name, item, truthy(r.cell("checked"))));
        });
    }

    private boolean truthy(Cell c) {
        if (c.value() instanceof Boolean b) {
            return b;
        }
        if (c.value() instanceof Double d) {
            return d != 0;
        }
        String t = c.text().strip();
        return mapping.trueValues().stream().anyMatch(t::equalsIgnoreCase);
    }

    @Override
    public List<PresetColumn> presetColumns() {
        return presetColumns;
    }

    @Override
    public void cardsKnown(CardIndex cards) {
        SheetInfo s = sheets.get(Layout.CHECKLISTS);
        for (Map.Entry<String, List<Item>> e : itemsByRef.entrySet()) {
            String id = cards.cardId(e.getKey());
            if (id == null) {
                Location where = Location.file(wb.label(s));
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "checklist items refer to card '" + e.getKey()
                        + "', which is not in Cards; " + e.getValue().size() + " item(s) dropped");
                ctx.losses().lost(wb.label(s) + " rows", "refers to a card that is not in Cards",
                        e.getValue().size(), where);
            } else {
                itemsByCard.computeIfAbsent(id, k -> new ArrayList<>()).addAll(e.getValue());
            }
        }
        itemsByRef.clear();
    }

    @Override
    public void complete(String cardId, Card.Builder card) {
        List<Item> items = itemsByCard.remove(cardId);
        if (items == null) {
            return;
        }
        Map<String, List<Card.ChecklistItem>> lists = new LinkedHashMap<>();
        for (Item i : items) {
            List<Card.ChecklistItem> l = lists.computeIfAbsent(i.checklist(), k -> new ArrayList<>());
            l.add(Card.ChecklistItem.of(i.text(), l.size() + 1, i.checked()));
        }
        lists.forEach((name, l) -> card.addChecklist(new Card.Checklist(name.length() > 1024 ? name.substring(0, 1024)
                : name, l)));
    }

    /** Comments are streamed: each row is resolved to its card and author and emitted at once. */
    @Override
    public void afterCards(ModelSink sink, CardIndex cards, ValueReader values) throws IOException {
        SheetInfo s = sheets.get(Layout.COMMENTS);
        if (s == null) {
            return;
        }
        Users users = ctx.users();
        LayoutSheet.read(wb, s, Layout.COMMENTS, ctx, r -> {
            String ref = r.text("card");
            String cardId = ref == null ? null : cards.cardId(ref);
            if (cardId == null) {
                ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, r.at("card"), "comment refers to card '"
                        + (ref == null ? "" : ref) + "', which is not in Cards; dropped");
                ctx.losses().lost(r.file() + " rows", "refers to a card that is not in Cards", r.at("card"));
                return;
            }
            String text = r.cell("text").text().strip();
            if (text.isEmpty()) {
                ctx.issue(IssueCode.SOURCE_VALUE_INVALID, r.at("text"), "comment without text; skipped");
                ctx.losses().lost(r.file() + " rows", "comment without text", r.at("text"));
                return;
            }
            String author = r.text("author");
            String authorId = author == null ? null : users.resolve(new Users.Person(null, author, author,
                    author.contains("@") ? author : null), r.file() + " column 'author'", r.at("author"));
            String created = values.instant(r.cell("created"), r.at("created")).orElse(null);
            Comment c = new Comment("comment-" + r.row(), cardId, text, authorId, author, created, null, "markdown");
            for (Comment part : TextLimits.splitComment(c, ctx, r.at("text"))) {
                sink.accept(part);
            }
        });
    }
}
