package io.kaitenimport.source.xlsx;

/**
 * A sheet as the workbook lists it: 1-based position among the tabs, name, relationship id, whether it is hidden
 * (hidden or very hidden) and whether it is a worksheet (not a chart or dialog sheet).
 */
record SheetInfo(int index, String name, String relId, boolean hidden, boolean worksheet) {

    String describe() {
        return "'" + name + "' (" + index + (hidden ? ", hidden" : "") + (worksheet ? "" : ", not a worksheet") + ")";
    }
}
