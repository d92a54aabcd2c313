package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.Location;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.source.Users;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Maps one row to one card (Spring Batch's field-set mapper): title, description, type, tags, people, dates,
 * size, estimate, links, checklists, custom-field values and relations, by the header's mapping. Needs no file:
 * give it a header, a mapping, the context and the ids cards point at, then hand it rows. Values the card cannot
 * carry are counted as lost per column.
 */
public final class RowMapper {
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦‣]|\\d+[.)]|\\[[ xX✓]?\\])?\\s*");

    private final RowFields fields;
    private final HeaderMap headers;
    private final TabularMapping mapping;
    private final CellRules cells;
    private final SourceContext ctx;
    private final ValueReader values;
    private final CardTargets targets;
    private final String file;

    public RowMapper(RowFields fields, CellRules cells, SourceContext ctx, ValueReader values, CardTargets targets) {
        this.fields = fields;
        this.headers = fields.headers;
        this.mapping = fields.mapping;
        this.cells = cells;
        this.ctx = ctx;
        this.values = values;
        this.targets = targets;
        this.file = fields.file;
    }

    /** The card of a row (already {@linkplain CellRules#clean cleaned}) that got the id {@code id}. */
    public Card.Builder map(Row row, String id) {
        return new Mapping(row).build(id);
    }

    /** One row being mapped. */
    private final class Mapping {
        private final Row row;

        Mapping(Row row) {
            this.row = row;
        }

        Location at(int col) {
            return fields.at(row.line(), col);
        }

        Card.Builder build(String id) {
            String columnId = targets.columnIds().get(fields.columnOf(row));
            int titleCol = headers.first(TabularField.TITLE);
            TextLimits.Title title = TextLimits.title(row.cell(titleCol).text(), "Row " + row.line(), ctx, at(titleCol));
            Card.Builder b = Card.builder(id, columnId, title.title());
            if (headers.has(TabularField.ID)) {
                String k = row.cell(headers.first(TabularField.ID)).text().strip();
                b.key(k.isEmpty() ? null : k);
            }
            String desc = fields.text(row, TabularField.DESCRIPTION);
            b.description(TextLimits.description(title, desc), "markdown");
            b.typeName(fields.text(row, TabularField.TYPE));
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
            if (headers.has(TabularField.ARCHIVED) && cells.truthy(row.cell(headers.first(TabularField.ARCHIVED)))) {
                b.archived(true);
            }
            size(b);
            if (headers.has(TabularField.ESTIMATE)) {
                int col = headers.first(TabularField.ESTIMATE);
                values.hours(row.cell(col), at(col), 8).ifPresent(b::estimateWorkload);
            }
            forEachValue(TabularField.LINKS, (v, col) -> b.addLink(Card.Link.of(v, null)));
            checklists(b);
            hyperlinks(b);
            properties(b);
            targets.relations().apply(id, b);
            countExtraCells();
            return b;
        }

        private void size(Card.Builder b) {
            String size = fields.text(row, TabularField.SIZE);
            if (size == null) {
                return;
            }
            if (size.codePointCount(0, size.length()) > 256) {
                int col = headers.first(TabularField.SIZE);
                ctx.losses().lost(fields.lossField(col), "size longer than 256 characters cut", at(col));
                size = size.substring(0, size.offsetByCodePoints(0, 256));
            }
            b.sizeText(size);
        }

        /** With {@code sections: tag} the section is a tag; with {@code skip} a section cell is counted as lost. */
        private void sectionTag(Card.Builder b) {
            String s = fields.section(row);
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
                ctx.losses().lost(fields.lossField(col), "sections: skip in the mapping", where);
            }
        }

        private String tag(String v, int col) {
            if (v.codePointCount(0, v.length()) <= Card.Tag.MAX_NAME) {
                return v;
            }
            ctx.losses().lost(fields.lossField(col), "tag longer than 128 characters cut", at(col));
            return v.substring(0, v.offsetByCodePoints(0, Card.Tag.MAX_NAME));
        }

        private Optional<CardDate> date(TabularField f) {
            if (!headers.has(f)) {
                return Optional.empty();
            }
            int col = headers.first(f);
            return values.cardDate(row.cell(col), at(col));
        }

        private Optional<String> person(TabularField f) {
            if (!headers.has(f)) {
                return Optional.empty();
            }
            int col = headers.first(f);
            String v = row.cell(col).text().strip();
            return v.isEmpty() ? Optional.empty() : Optional.ofNullable(resolvePerson(v, col));
        }

        private String resolvePerson(String v, int col) {
            String email = v.contains("@") ? v : null;
            return ctx.users().resolve(new Users.Person(null, v, v, email), fields.lossField(col), at(col));
        }

        private void forEachValue(TabularField f, BiConsumer<String, Integer> each) {
            for (int col : headers.all(f)) {
                for (String v : cells.split(row.cell(col).text(), true)) {
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
                for (String line : CellRules.NEWLINE.split(t)) {
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
                int first = e.getValue().get(0);
                Object value = switch (rule.type()) {
                    case "number" -> values.number(row.cell(first), at(first)).orElse(null);
                    case "date" -> values.isoDate(row.cell(first), at(first)).orElse(null);
                    case "checkbox" -> row.cell(first).isBlank() ? null
                            : FieldTypes.checked(targets.fieldIds().get(rule), cells.truthy(row.cell(first)));
                    case "select", "multi_select" -> optionValues(rule, e.getValue());
                    case "user" -> userValues(e.getValue());
                    default -> joined(e.getValue());
                };
                if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
                    b.addProperty(new Card.Property(targets.fieldIds().get(rule), value));
                }
            }
        }

        private List<String> optionValues(TabularMapping.CustomFieldRule rule, List<Integer> cols) {
            Map<String, String> ids = targets.optionIds().getOrDefault(rule, Map.of());
            Set<String> out = new LinkedHashSet<>();
            for (int col : cols) {
                for (String v : cells.split(row.cell(col).text(), rule.type().equals("multi_select"))) {
                    if (ids.containsKey(v)) {
                        out.add(ids.get(v));
                    }
                }
            }
            List<String> list = new ArrayList<>(out);
            if (rule.type().equals("select") && list.size() > 1) {
                int col = cols.get(0);
                ctx.losses().lost(fields.lossField(col),
                        "more than one value in a single-select field; the first is kept", list.size() - 1, at(col));
                return list.subList(0, 1);
            }
            return list;
        }

        private List<String> userValues(List<Integer> cols) {
            Set<String> out = new LinkedHashSet<>();
            for (int col : cols) {
                for (String v : cells.split(row.cell(col).text(), true)) {
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
                        ctx.losses().lost(fields.lossField(col),
                                "not mapped to a card field or custom field (map it in a --mapping file)", at(col));
                    } else {
                        ctx.losses().lost(file + " cells beyond the header", "row has more cells than the header has"
                                + " columns", at(col));
                    }
                }
            }
        }
    }
}
