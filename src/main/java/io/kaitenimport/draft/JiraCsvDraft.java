package io.kaitenimport.draft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.jira.JiraMapping;
import io.kaitenimport.source.jiracsv.JiraCsvUses;

import java.io.IOException;

/**
 * The mapping draft of a Jira CSV: the effective {@code jira.yaml} mapping, every header with what it feeds and
 * its values, and commented {@code fields:} lines that name each custom field's inferred type, to change.
 */
final class JiraCsvDraft {
    private JiraCsvDraft() {
    }

    static String write(SourceContext ctx) throws IOException {
        JiraMapping mapping = JiraMapping.load(ctx.common().mapping());
        var uses = JiraCsvUses.of(ctx);
        String file = ctx.input().getFileName().toString();
        StringBuilder out = new StringBuilder();
        out.append("# kaiten-import mapping for the Jira CSV ").append(file).append(", written by `kaiten-import "
                + "mapping`.\n# Unedited, `kaiten-import convert ").append(file).append(" --mapping THIS_FILE` "
                + "makes the same package as without --mapping.\n# The keys are those of mappings/jira.yaml (the "
                + "Jira JSON mapping); fields are keyed by field name.\n#\n# Headers and what each feeds:\n");
        StringBuilder forced = new StringBuilder();
        for (JiraCsvUses.Use u : uses) {
            out.append("#   ").append(u.index() + 1).append(". ").append(DraftYaml.quote(u.header())).append(" → ")
                    .append(u.feeds()).append("\n#        ").append(DraftYaml.summary(u.stats())).append('\n');
            if (u.fieldName() != null && !mapping.fields().containsKey(u.fieldName())
                    && forced.indexOf(DraftYaml.quote(u.fieldName()) + ":") < 0) {
                forced.append("  # ").append(DraftYaml.quote(u.fieldName())).append(": ").append(u.role())
                        .append('\n');
            }
        }
        out.append('\n');
        ObjectNode tree = DraftYaml.tree(mapping);
        String yaml = DraftYaml.yaml(tree);
        if (forced.length() > 0) {
            String note = "  # Uncomment to force another type or role (size, planned_start, planned_end, "
                    + "epic_link, tags, ignore, string, text, number, date, datetime, select, multi_select, user, "
                    + "url):\n" + forced;
            int at = yaml.indexOf("\nfields:\n");
            yaml = at < 0 ? yaml + "# fields:\n" + note : yaml.substring(0, at + "\nfields:\n".length()) + note
                    + yaml.substring(at + "\nfields:\n".length());
        }
        out.append(yaml);
        return out.toString();
    }
}
