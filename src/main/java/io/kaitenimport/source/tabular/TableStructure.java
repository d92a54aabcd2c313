package io.kaitenimport.source.tabular;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Template;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.mapping.ColumnTypeRules;
import io.kaitenimport.model.Board;
import io.kaitenimport.model.Column;
import io.kaitenimport.model.CustomField;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Emits what the cards sit in, from the first pass: the space, one board per board name, its columns in kanban
 * order, and the custom fields with their select options. Returns the ids cards refer to.
 */
final class TableStructure {
    private static final Template COLUMN_TYPES = IssueCode.SOURCE_RULE.template("column types: {rules}");
    private static final Template OPTIONS_ADDED = IssueCode.SOURCE_RULE.template(
            "custom field '{field}': values not in its option list were added as options: {values}");
    private static final Template EMPTY_SELECT = IssueCode.SOURCE_RULE.template(
            "custom field '{field}' has no values; created as string instead of {type}");
    private static final Template NAME_CUT = IssueCode.SOURCE_TITLE.template(
            "{what} name '{start}…' is longer than {max} characters; cut");

    private final RowFields fields;
    private final HeaderMap headers;
    private final RowIndex index;
    private final SourceContext ctx;
    private final String file;
    private final Map<ColumnKey, String> columnIds = new HashMap<>();
    private final Map<TabularMapping.CustomFieldRule, String> fieldIds = new LinkedHashMap<>();
    private final Map<TabularMapping.CustomFieldRule, Map<String, String>> optionIds = new HashMap<>();

    private TableStructure(RowFields fields, RowIndex index, SourceContext ctx) {
        this.fields = fields;
        this.headers = fields.headers;
        this.index = index;
        this.ctx = ctx;
        this.file = fields.file;
    }

    /** Emits space, boards, columns and custom fields; the returned targets have relations still to add. */
    static CardTargets emit(RowFields fields, RowIndex index, SourceContext ctx, Relations relations, ModelSink sink)
            throws IOException {
        TableStructure s = new TableStructure(fields, index, ctx);
        s.boards(sink);
        s.customFields(sink);
        return new CardTargets(s.columnIds, s.fieldIds, s.optionIds, relations);
    }

    private void boards(ModelSink sink) throws IOException {
        String spaceId = null;
        if (ctx.common().spaceTitle() != null) {
            spaceId = "space-1";
            sink.accept(Space.of(spaceId, ctx.common().spaceTitle()));
        }
        int b = 0;
        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, LinkedHashSet<String>> e : index.statusesByBoard.entrySet()) {
            String boardId = "board-" + (++b);
            sink.accept(new Board(boardId, limit(e.getKey(), 128, "board"), null, null, spaceId));
            // Kanban order: queued, then in progress, then done; first appearance within a type. Columns the
            // source defines up front keep their given order and come first.
            List<Map.Entry<String, ColumnTypeRules.Decision>> given = new ArrayList<>();
            List<Map.Entry<String, ColumnTypeRules.Decision>> ordered = new ArrayList<>();
            for (String status : e.getValue()) {
                ColumnKey key = new ColumnKey(e.getKey(), status);
                Integer preset = index.presetTypes.get(key);
                ColumnTypeRules.Decision d = preset != null ? new ColumnTypeRules.Decision(preset, "given by the source")
                        : ColumnTypeRules.decide(status, fields.mapping.columns(), Column.IN_PROGRESS);
                (index.presetKeys.contains(key) ? given : ordered).add(Map.entry(status, d));
            }
            ordered.sort(Comparator.comparingInt(x -> x.getValue().type()));
            given.addAll(ordered);
            int c = 0;
            for (Map.Entry<String, ColumnTypeRules.Decision> col : given) {
                String status = col.getKey();
                ColumnTypeRules.Decision d = col.getValue();
                String columnId = boardId + "-col-" + (++c);
                columnIds.put(new ColumnKey(e.getKey(), status), columnId);
                rules.add("'" + status + "' → " + d.type() + " (" + d.rule() + ")");
                sink.accept(new Column(columnId, limit(status, 128, "column"), boardId, (double) c, d.type(), null));
            }
        }
        ctx.issue(COLUMN_TYPES, Location.file(file), String.join(", ", rules));
    }

    private void customFields(ModelSink sink) throws IOException {
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
                for (String v : index.selectValues.getOrDefault(rule, new LinkedHashSet<>())) {
                    if (ids.containsKey(v)) {
                        continue;
                    }
                    String optionId = fieldId + "-opt-" + (++o);
                    ids.put(v, optionId);
                    options.add(new CustomField.Option(optionId, limit(v, 128, "option"), null, (double) o));
                    added.add(v);
                }
                if (!rule.options().isEmpty() && !added.isEmpty()) {
                    ctx.issue(OPTIONS_ADDED, Location.file(file), name, String.join(", ", added));
                }
                optionIds.put(rule, ids);
                if (options.isEmpty()) {
                    // An empty select cannot be imported; keep the field as text instead of failing.
                    ctx.issue(EMPTY_SELECT, Location.file(file), name, rule.type());
                    sink.accept(CustomField.of(fieldId, "string", name));
                    continue;
                }
            }
            FieldTypes.note(ctx, rule.type(), name, Location.file(file));
            sink.accept(rule.type().equals("checkbox") ? FieldTypes.checkbox(fieldId, name)
                    : new CustomField(fieldId, FieldTypes.packageType(rule.type()), name, options, null, null, null,
                    null));
        }
    }

    private String limit(String s, int max, String what) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        ctx.lost(Loss.of(file + " " + what + " names", "cut to " + max + " characters"), NAME_CUT, Location.file(file),
                what, s.substring(0, 40), max);
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
