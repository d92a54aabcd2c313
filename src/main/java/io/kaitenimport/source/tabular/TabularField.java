package io.kaitenimport.source.tabular;

/** The card fields a spreadsheet column can feed ({@code ALIASES}: other ids of a row that references may use). */
public enum TabularField {
    ID, ALIASES, TITLE, DESCRIPTION, COLUMN, BOARD, TYPE, TAGS, OWNER, RESPONSIBLE, MEMBERS, DUE, PLANNED_START, PLANNED_END,
    CREATED, ARCHIVED, SIZE, ESTIMATE, PARENT, BLOCKS, BLOCKED_BY, RELATED, LINKS, CHECKLIST,
    /** The group a row belongs to (a phase, an Asana section); where it goes is the mapping's {@code sections}. */
    SECTION;

    /** The YAML key, e.g. {@code planned_start}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
