package io.kaitenimport.source.tabular;


import java.util.Map;

/**
 * The package ids a row's card points at: its column (by board and status), custom fields and their options,
 * and its relations to other cards. Built after the first pass ({@link TableStructure}, {@link References});
 * a test or another preset can build one by hand.
 */
public record CardTargets(
        Map<ColumnKey, String> columnIds,
        Map<TabularMapping.CustomFieldRule, String> fieldIds,
        Map<TabularMapping.CustomFieldRule, Map<String, String>> optionIds,
        Relations relations) {
}
