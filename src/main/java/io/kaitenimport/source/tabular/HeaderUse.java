package io.kaitenimport.source.tabular;

import io.kaitenimport.source.FieldTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each header column feeds under a mapping, as convert decides it (same matching as {@link HeaderMap}):
 * for the {@code mapping} command, which writes it next to every header.
 */
public final class HeaderUse {
    private HeaderUse() {
    }

    /** Per column: "card field title", "custom field Priority (select)", or null when nothing reads it. */
    public static List<String> of(List<String> header, TabularMapping mapping) {
        HeaderMap map = new HeaderMap(header, mapping);
        if (!map.fields.containsKey(TabularField.TITLE)) {
            int first = map.firstUnused();
            if (first >= 0) {
                map.assign(TabularField.TITLE, first);
            }
        }
        String[] out = new String[header.size()];
        for (Map.Entry<TabularField, List<Integer>> e : map.fields.entrySet()) {
            String name = e.getKey().name().toLowerCase(Locale.ROOT);
            e.getValue().forEach(c -> out[c] = "card field " + name);
        }
        for (Map.Entry<TabularMapping.CustomFieldRule, List<Integer>> e : map.custom.entrySet()) {
            TabularMapping.CustomFieldRule r = e.getKey();
            e.getValue().forEach(c -> out[c] = "custom field '" + (r.name() == null ? r.header() : r.name()) + "' ("
                    + r.type() + FieldTypes.writtenAs(r.type()) + ")");
        }
        return new ArrayList<>(Arrays.asList(out));
    }
}
