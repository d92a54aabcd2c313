package io.kaitenimport.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.csv.CsvSourceAdapter;
import io.kaitenimport.source.jiracsv.CustomFieldStats;
import io.kaitenimport.source.tabular.HeaderUse;
import io.kaitenimport.source.tabular.RowSource;
import io.kaitenimport.source.tabular.TabularMapping;
import io.kaitenimport.source.xlsx.XlsxSourceAdapter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mapping draft of a CSV or Excel table: the effective {@code csv-default.yaml} mapping (with the user's
 * {@code --mapping} over it), every header with what it feeds and its values, and a commented custom-field entry,
 * type inferred from all values, for each header nothing reads.
 */
final class TabularDraft {
    private TabularDraft() {
    }

    static String write(SourceContext ctx, boolean excel) throws IOException {
        TabularMapping mapping = TabularMapping.load(ctx.common().mapping());
        Path file = ctx.input();
        Described body;
        if (excel) {
            body = XlsxSourceAdapter.withRows(ctx, mapping, rows -> describe(rows, mapping));
            if (body == null) {
                body = new Described("# This workbook has the full-import layout (Cards, Columns, Users… sheets): "
                        + "its headers are\n# fixed (see `kaiten-import template`), so only the settings below "
                        + "apply.\n", "");
            }
        } else {
            Set<String> known = mapping.knownHeaders();
            body = describe(CsvSourceAdapter.open(ctx, file,
                    h -> known.contains(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))), mapping);
        }
        ObjectNode tree = DraftYaml.tree(mapping);
        JsonNode rules = tree.remove("custom_fields");
        if (rules != null) {
            // isSelect() is a helper, not a key the loader knows
            rules.forEach(r -> ((ObjectNode) r).remove("select"));
            rules.forEach(r -> {
                if (r.path("options").isEmpty()) {
                    ((ObjectNode) r).remove("options");
                }
            });
        }
        StringBuilder out = new StringBuilder();
        out.append("# kaiten-import mapping for ").append(file.getFileName()).append(", written by `kaiten-import "
                + "mapping`.\n# Unedited, `kaiten-import convert ").append(file.getFileName()).append(" --mapping "
                + "THIS_FILE` makes the same package as without --mapping\n# (given the same --sheet, --encoding)."
                + " Edit it (see mappings/csv-default.yaml "
                + "in the project for every key) and pass it back with --mapping.\n#\n");
        out.append(body.headers()).append('\n');
        out.append(DraftYaml.yaml(tree));
        if (rules == null || rules.isEmpty()) {
            out.append("custom_fields:\n");
        } else {
            ObjectNode custom = JsonNodeFactory.instance.objectNode();
            custom.set("custom_fields", rules);
            out.append(DraftYaml.yaml(custom));
        }
        out.append(body.proposals());
        return out.toString();
    }

    /** The header comments, and commented custom-field entries for the headers nothing reads. */
    private record Described(String headers, String proposals) {
    }

    private static Described describe(RowSource rows, TabularMapping mapping) throws IOException {
        List<String> header = rows.header();
        List<CustomFieldStats> stats = new ArrayList<>();
        header.forEach(h -> stats.add(new CustomFieldStats()));
        long[] count = {0};
        rows.forEachRow(r -> {
            count[0]++;
            for (int i = 0; i < header.size(); i++) {
                String v = r.cell(i).text();
                if (!v.isBlank()) {
                    stats.get(i).add(v);
                }
            }
        });
        List<String> uses = HeaderUse.of(header, mapping);
        StringBuilder out = new StringBuilder("# Headers of " + rows.name() + " (header on line/row "
                + rows.headerLine() + ", " + count[0] + " data rows) and what each feeds:\n");
        StringBuilder proposals = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            CustomFieldStats s = stats.get(i);
            String h = header.get(i).replace("\uFEFF", "").strip();
            String use = uses.get(i);
            out.append("#   ").append(i + 1).append(". ").append(DraftYaml.quote(h)).append(" → ");
            if (use != null) {
                out.append(use);
            } else if (s.values() == 0) {
                out.append("skip: the column is empty");
            } else if (h.isEmpty()) {
                out.append("skip: no header name (its values are counted as lost)");
            } else {
                CustomFieldStats.Suggestion sg = s.suggest();
                out.append("skip: not mapped, its values are counted as lost; proposed below as a ").append(sg.type())
                        .append(" custom field (").append(sg.why()).append(FieldTypes.writtenAs(sg.type()))
                        .append(")");
                proposals.append(proposal(h, sg, s));
            }
            out.append("\n#        ").append(DraftYaml.summary(s)).append('\n');
        }
        return new Described(out.toString(), proposals.isEmpty() ? "" : "  # Proposed: uncomment an entry to carry "
                + "that column as a custom field (it is then no longer counted as lost).\n" + proposals);
    }

    private static String proposal(String header, CustomFieldStats.Suggestion sg, CustomFieldStats s) {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("header", header);
        rule.put("type", sg.type());
        if (sg.type().equals("select")) {
            ArrayNode options = rule.putArray("options");
            s.distinct().stream().filter(v -> !v.isEmpty()).forEach(options::add);
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        list.add(rule);
        // list items at column 0, so that deleting "# " leaves them at the indentation of custom_fields' items
        String yaml = DraftYaml.yaml(list).lines().map(l -> l.startsWith("  ") ? l.substring(2) : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        return DraftYaml.commented(yaml.stripTrailing() + "    # " + sg.why() + "; " + DraftYaml.summary(s), "  ");
    }
}
