package io.kaitenimport.source.jira;

import io.kaitenimport.source.FieldTypes;

import java.util.Locale;

/** Where a Jira field's values go in the package. */
enum FieldKind {
    /** card size_text (story points) */
    SIZE(null),
    PLANNED_START(null),
    PLANNED_END(null),
    /** a parent issue key (Server/DC Epic Link); resolved with the other relations */
    EPIC_LINK(null),
    /** each value becomes a card tag */
    TAGS(null),
    /** dropped on the user's request, counted as lost */
    IGNORE(null),
    /** LexoRank: Kaiten cards have no sort order */
    RANK(null),
    /** app and JSM objects, epic colours: no Kaiten equivalent */
    LOST(null),
    STRING("string"),
    /** rich text (wiki string or ADF), converted to Markdown */
    TEXT("string"),
    NUMBER("number"),
    DATE("date"),
    DATETIME("date"),
    SELECT("select"),
    MULTI_SELECT("multi_select"),
    /** select with the last sprint, or multi_select with all (mapping {@code sprints}) */
    SPRINT("select"),
    USER("user"),
    /** kept as text: Kaiten's import has no url type ({@link FieldTypes} decides) */
    URL(FieldTypes.packageType("url")),
    /** a select with one option "Yes" ({@link FieldTypes} decides) */
    CHECKBOX(FieldTypes.packageType("checkbox"));

    private final String kaitenType;

    FieldKind(String kaitenType) {
        this.kaitenType = kaitenType;
    }

    /** The custom_fields type (as written in the package), or null when the field is not a property. */
    String kaitenType(boolean allSprints) {
        return this == SPRINT && allSprints ? "multi_select" : kaitenType;
    }

    boolean isProperty() {
        return kaitenType != null;
    }

    boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT || this == SPRINT;
    }

    /** A mapping-file role or type name. */
    static FieldKind ofRole(String role) {
        return valueOf(role.toUpperCase(Locale.ROOT));
    }

    /** The kind a Jira {@code schema.custom} plugin key stands for, or null when the key is not known. */
    static FieldKind ofCustomKey(String custom) {
        if (custom == null) {
            return null;
        }
        String k = custom.substring(custom.lastIndexOf(':') + 1);
        return switch (k) {
            case "select", "radiobuttons", "cascadingselect", "project", "version", "gh-epic-status",
                    "grouppicker" -> SELECT;
            case "multiselect", "multicheckboxes", "labels", "multiversion", "multigrouppicker" -> MULTI_SELECT;
            case "float", "importid" -> NUMBER;
            case "jsw-story-points" -> SIZE;
            case "datepicker" -> DATE;
            case "datetime" -> DATETIME;
            case "textfield", "readonlyfield", "gh-epic-label" -> STRING;
            case "textarea" -> TEXT;
            case "url" -> URL;
            case "userpicker", "multiuserpicker", "people" -> USER;
            case "gh-sprint" -> SPRINT;
            case "gh-epic-link" -> EPIC_LINK;
            case "gh-lexo-rank" -> RANK;
            case "gh-epic-color", "jsw-issue-color" -> LOST;
            case "jpo-custom-field-baseline-start" -> PLANNED_START;
            case "jpo-custom-field-baseline-end" -> PLANNED_END;
            default -> null;
        };
    }

    /** The kind a {@code schema.type}/{@code items} pair stands for, or null. */
    static FieldKind ofSchemaType(String type, String items) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "string" -> STRING;
            case "number" -> NUMBER;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            case "option", "option-with-child", "priority", "resolution", "version", "project", "group" -> SELECT;
            case "user" -> USER;
            case "array" -> items == null ? null : switch (items) {
                case "option", "string", "version", "component", "group" -> MULTI_SELECT;
                case "user" -> USER;
                default -> null;
            };
            default -> null;
        };
    }

    /** The natural kind of values of a shape. */
    static FieldKind ofShape(Shape s) {
        return switch (s) {
            case STRING -> STRING;
            case DATE -> DATE;
            case DATETIME -> DATETIME;
            case NUMBER -> NUMBER;
            case BOOLEAN -> CHECKBOX;
            case ADF -> TEXT;
            case RANK -> RANK;
            case USER, USERS -> USER;
            case OPTION, NAMED -> SELECT;
            case OPTIONS, NAMEDS, STRINGS -> MULTI_SELECT;
            case SPRINT, SPRINTS -> SPRINT;
            case EMPTY, UNKNOWN -> LOST;
        };
    }
}
