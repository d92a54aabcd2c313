package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Template;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first pass over the rows: card ids and the keys and aliases that refer to them, the statuses per board,
 * select values, a sample of ambiguous dates and the raw reference cells. Ids and small indexes only — never the
 * rows' text — so memory grows with the number of rows, not their size.
 */
final class RowIndex {
    private static final List<TabularField> DATES = List.of(TabularField.DUE, TabularField.PLANNED_START,
            TabularField.PLANNED_END, TabularField.CREATED);
    private static final Pattern AMBIGUOUS_DATE = Pattern.compile("\\s*\\d{1,2}[./-]\\d{1,2}[./-].*");
    private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Template DUPLICATE_ID = IssueCode.SOURCE_DUPLICATE_ID.template(
            "id '{id}' appears again; this row gets id '{derived}'");

    private final RowFields fields;
    private final HeaderMap headers;
    private final CellRules cells;
    private final SourceContext ctx;

    private final CardKeys cards = new CardKeys();
    final Map<String, LinkedHashSet<String>> statusesByBoard = new LinkedHashMap<>();
    final Map<ColumnKey, Integer> presetTypes = new HashMap<>();
    final Set<ColumnKey> presetKeys = new HashSet<>();
    final Map<TabularMapping.CustomFieldRule, LinkedHashSet<String>> selectValues = new LinkedHashMap<>();
    final List<String> dateSamples = new ArrayList<>();
    /** The non-blank reference cells, resolved once every id is known ({@link References}). */
    RawRefs rawRefs = new RawRefs();

    RowIndex(RowFields fields, CellRules cells, SourceContext ctx) {
        this.fields = fields;
        this.headers = fields.headers;
        this.cells = cells;
        this.ctx = ctx;
    }

    /** Columns the source defines up front come first on their boards, with their given types. */
    void presetColumns(List<TabularExtension.PresetColumn> columns) {
        for (TabularExtension.PresetColumn c : columns) {
            String board = c.board() == null || c.board().isBlank() ? fields.defaultBoard() : c.board().strip();
            statusesByBoard.computeIfAbsent(board, b -> new LinkedHashSet<>()).add(c.title().strip());
            ColumnKey key = new ColumnKey(board, c.title().strip());
            presetKeys.add(key);
            if (c.type() != null) {
                presetTypes.put(key, c.type());
            }
        }
    }

    void collect(RowSource source) throws IOException {
        List<Integer> dateColumns = new ArrayList<>();
        for (TabularField f : DATES) {
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
            Row row = cells.clean(raw);
            int card = cardId(row, cards.size() + 1);
            statusesByBoard.computeIfAbsent(fields.boardOf(row), b -> new LinkedHashSet<>()).add(fields.statusOf(row));
            for (TabularField f : RawRefs.FIELDS) {
                for (int col : headers.all(f)) {
                    String t = row.cell(col).text().strip();
                    if (!t.isEmpty()) {
                        rawRefs.add(card, row.line(), f, col, t);
                    }
                }
            }
            headers.custom.forEach((rule, cols) -> {
                if (rule.isSelect()) {
                    for (int col : cols) {
                        for (String v : cells.split(row.cell(col).text(), rule.type().equals("multi_select"))) {
                            selectValues.computeIfAbsent(rule, r -> new LinkedHashSet<>()).add(v);
                        }
                    }
                }
            });
            for (int col : dateColumns) {
                Cell c = row.cell(col);
                // Only slash/dash/dot numeric dates can be ambiguous; keep a bounded sample of those.
                if (c.value() == null && dateSamples.size() < 10_000 && mayBeAmbiguous(c.text())
                        && AMBIGUOUS_DATE.matcher(c.text()).matches()) {
                    dateSamples.add(c.text().strip());
                }
            }
        });
        if (cards.size() == 0) {
            throw new SourceException(Location.cell(fields.file, source.headerLine(), null, null),
                    "the table has a header but no data rows");
        }
    }

    /**
     * What {@link #AMBIGUOUS_DATE} needs at the start — a digit and a separator after one or two digits — checked
     * without a Matcher, so ISO dates (every cell of most exports) are turned away cheaply.
     */
    private static boolean mayBeAmbiguous(String t) {
        int i = 0;
        int n = t.length();
        while (i < n && " \t\n\u000B\f\r".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        if (i + 2 >= n || !isDigit(t.charAt(i))) {
            return false;
        }
        return isSeparator(t.charAt(i + 1)) || isDigit(t.charAt(i + 1)) && isSeparator(t.charAt(i + 2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '/' || c == '-';
    }

    /** Numbers the row's card (0-based) under its id, or a derived one when another row has it. */
    private int cardId(Row row, int ordinal) {
        String key = headers.has(TabularField.ID) ? row.cell(headers.first(TabularField.ID)).text().strip() : "";
        String id = key.isEmpty() ? "row-" + ordinal : key;
        if (cards.claimed(id)) {
            String derived = id + "~" + ordinal;
            ctx.issue(DUPLICATE_ID, fields.at(row.line(), headers.first(TabularField.ID)), id, derived);
            id = derived;
            while (cards.claimed(id)) {
                id = id + "~" + ordinal; // only when another row's id already looks like a derived one
            }
        }
        int card = cards.addCard(id);
        for (int col : headers.all(TabularField.ALIASES)) {
            String alias = row.cell(col).text().strip();
            if (!alias.isEmpty()) {
                cards.addAlias(alias, card);
            }
        }
        return card;
    }

    /** The id of the row with this 1-based ordinal. */
    String cardId(int ordinal) {
        return cards.id(ordinal - 1);
    }

    /** The id of a 0-based card number. */
    String id(int card) {
        return cards.id(card);
    }

    /** Relations between this index's cards. */
    Relations relations() {
        return new Relations(cards);
    }

    /**
     * A reference (id, key or alias, case-insensitive) to the id its card got, or null. Row numbers are a
     * fallback for exports without ids (Redmine's parent column); with an id column a number is an id, and an
     * unknown one must not silently point at some row.
     */
    String resolve(String ref) {
        int card = cardOf(ref);
        return card < 0 ? null : cards.id(card);
    }

    /** {@link #resolve} as a 0-based card number, or -1. */
    int cardOf(String ref) {
        String t = ref.strip();
        int card = cards.cardOf(t);
        if (card >= 0) {
            return card;
        }
        if (!headers.has(TabularField.ID) && ROW_NUMBER.matcher(t).matches()) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= cards.size()) {
                return n - 1;
            }
        }
        return -1;
    }
}
