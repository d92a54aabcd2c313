package io.kaitenimport.source.jira;

import java.util.List;
import java.util.Set;

/**
 * What happens to one Jira field: its kind, its display name, the Kaiten custom field id ({@code cf:<field id>})
 * and, for select kinds, its options. {@code label} names the field in the data-loss report.
 */
record FieldPlan(String fieldId, String name, FieldKind kind, List<OptionValues.Opt> options, Set<String> optionIds,
                 boolean emitted) {

    String kaitenId() {
        return "cf:" + fieldId;
    }

    String label() {
        return fieldId.startsWith("customfield_") && name != null && !name.equals(fieldId)
                ? fieldId + " (" + name + ")" : fieldId;
    }

    /** Loss-ledger key for this field. */
    String lossKey() {
        return "jira fields." + label();
    }
}
