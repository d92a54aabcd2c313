package io.kaitenimport.issue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalog of every issue the tool reports: a stable code (users grep and suppress by it), a default
 * severity, a title, a description and a default message {@link Template} with named parts ({@code {entity}}),
 * filled in order. Codes that several sources report in their own words have the catch-all {@code {message}} —
 * so one source's wording never breaks another's call — and each source declares its specific messages, with
 * named parts, by {@link #template(String)}. The README's issue table and the SARIF rules are
 * generated from this enum.
 */
public enum IssueCode {
    // --- the package as a whole ---------------------------------------------------------------------------------
    PACKAGE_UNREADABLE("package.unreadable", Severity.ERROR, "Package cannot be read",
            "The zip or directory could not be opened or read.", "cannot read package: {reason}"),
    PACKAGE_UNSAFE_PATH("package.unsafe-path", Severity.ERROR, "Unsafe entry name",
            "A zip entry has an absolute name or a '..' segment (zip slip); the package is refused before reading.",
            "zip entry '{entry}' is absolute or leaves the package"),
    PACKAGE_TOO_LARGE("package.too-large", Severity.ERROR, "Zip expands beyond limits",
            "A zip entry or the whole archive expands past the size or compression-ratio limit (zip bomb guard).",
            "{message}"),
    META_MISSING("meta.missing", Severity.ERROR, "meta-data.json missing",
            "The package has no meta-data.json at its root.", "meta-data.json not found at the package root"),
    META_SCHEMA("meta.schema", Severity.ERROR, "meta-data.json is malformed",
            "meta-data.json does not match its schema.", "{message}"),
    META_UNKNOWN_ENTITY("meta.unknown-entity", Severity.ERROR, "Unknown entity",
            "meta-data.json names an entity Kaiten does not import.", "unknown entity '{entity}'"),
    META_ENTITY_WITHOUT_PATH("meta.entity-without-path", Severity.ERROR, "Listed entity has no file",
            "An entity is listed in 'entities' but has no entry in 'entities_paths_map'.",
            "entity '{entity}' is listed but has no path"),
    META_PATH_NOT_LISTED("meta.path-not-listed", Severity.ERROR, "File given for an unlisted entity",
            "'entities_paths_map' has an entity that 'entities' does not list; Kaiten would ignore it.",
            "entity '{entity}' has paths but is not listed in 'entities'"),
    META_BOARDS_COLUMNS("meta.boards-columns", Severity.ERROR, "Boards and columns go together",
            "If either boards or columns is imported, both must be listed.",
            "'{listed}' is listed without '{missing}'"),
    META_PATH_UNSAFE("meta.path-unsafe", Severity.ERROR, "Path is not package-relative",
            "Entity paths must be './'-relative and stay inside the package.",
            "path '{path}' is not a safe relative path"),
    META_FILE_MISSING("meta.file-missing", Severity.ERROR, "Listed file missing",
            "A path in 'entities_paths_map' names a file that is not in the package.", "file '{file}' does not exist"),
    META_FILE_UNLISTED("meta.file-unlisted", Severity.WARNING, "JSON file not referenced",
            "The package holds a .json file that meta-data.json does not reference; it will not be imported.",
            "'{file}' is not referenced by meta-data.json"),

    // --- entity files -------------------------------------------------------------------------------------------
    FILE_MALFORMED_JSON("file.malformed-json", Severity.ERROR, "Malformed JSON",
            "An entity file is not well-formed JSON.", "malformed JSON: {reason}"),
    FILE_NOT_ARRAY("file.not-array", Severity.ERROR, "Entity file is not an array",
            "Entity files hold a JSON array of records (mapping files a JSON object).", "expected a JSON {shape}"),
    SCHEMA_REQUIRED("schema.required", Severity.ERROR, "Required field missing",
            "A record lacks a field the import schema requires.", "{message}"),
    SCHEMA_TYPE("schema.type", Severity.ERROR, "Wrong type", "A field has the wrong JSON type.", "{message}"),
    SCHEMA_ENUM("schema.enum", Severity.ERROR, "Value not allowed",
            "A field's value is not one of the allowed values.", "{message}"),
    SCHEMA_LENGTH("schema.length", Severity.ERROR, "Text too long or too short",
            "A text field is longer than Kaiten accepts, or empty where text is required.", "{message}"),
    SCHEMA_FORMAT("schema.format", Severity.ERROR, "Bad format",
            "A date-time, email or pattern-checked value is not in the required format.", "{message}"),
    SCHEMA_UNKNOWN_FIELD("schema.unknown-field", Severity.ERROR, "Unknown field",
            "A record has a field the import schema does not define (often a typo).", "{message}"),
    SCHEMA_OTHER("schema.other", Severity.ERROR, "Schema violation", "Any other JSON Schema violation.", "{message}"),

    // --- cross-record integrity --------------------------------------------------------------------------------
    ID_MISSING("id.missing", Severity.ERROR, "Record without id",
            "A record has no usable id, so nothing can refer to it.", "record has no id"),
    ID_DUPLICATE("id.duplicate", Severity.ERROR, "Duplicate id",
            "Two records of the same entity share an id.",
            "{entity} id '{id}' is used again (first at record #{record} of {file})"),
    REF_UNRESOLVED("ref.unresolved", Severity.ERROR, "Reference to nothing",
            "A field refers to an id that is neither in the package nor mapped to an existing Kaiten object.",
            "{field} '{id}' does not match any {entity} in the package"),
    REF_SELF("ref.self", Severity.ERROR, "Record refers to itself",
            "A card is its own parent, child, blocker or relation.", "card refers to itself in {field}"),
    REF_CYCLE("ref.cycle", Severity.ERROR, "Parent/child cycle",
            "Parent links (cards, or spaces, folders and documents) form a cycle, which no tree can hold.",
            "parent links form a cycle: {cycle}"),
    REF_ASYMMETRIC("ref.asymmetric", Severity.WARNING, "One-sided relation",
            "A parent/child or blocks/blocked-by relation is recorded on one card but not on the other.",
            "card '{card}' lists '{other}' in {field}, but that card does not list it back in {inverse}"),
    PROPERTY_VALUE("ref.property-value", Severity.ERROR, "Property value does not fit its field",
            "A card property's value does not match its custom field's type or options.", "{message}"),
    TIMER_ORDER("timer.order", Severity.ERROR, "Timer ends before it starts",
            "A card timer's finished_at is earlier than its started_at.",
            "finished_at {finished} is before started_at {started}"),
    USER_EMAIL_DUPLICATE("user.email-duplicate", Severity.WARNING, "Email used twice",
            "Two users share an email; Kaiten will merge them into one person.",
            "email '{email}' is also user '{user}'"),
    FILE_PATH_MISSING("file.path-missing", Severity.ERROR, "Attachment binary missing",
            "A files record's path names a file that is not in the package.", "path '{path}' is not in the package"),

    // --- source conversion ---------------------------------------------------------------------------------------
    SOURCE_UNREADABLE("source.unreadable", Severity.ERROR, "Source cannot be read",
            "The input cannot be converted at all (missing, empty, malformed, wrong encoding, bad mapping or value);"
                    + " nothing is written and the command exits with 2.", "{message}"),
    SOURCE_ENCODING("source.encoding", Severity.INFO, "Encoding chosen",
            "Which character set the input was read with, and why.", "{message}"),
    SOURCE_DIALECT("source.dialect", Severity.INFO, "CSV dialect chosen",
            "Which delimiter and header row were used, and why.", "{message}"),
    SOURCE_RULE("source.rule", Severity.INFO, "Rule applied",
            "A default or mapping rule decided something the source did not say (column types, date order…).",
            "{message}"),
    SOURCE_VALUE_INVALID("source.value-invalid", Severity.WARNING, "Value cannot be read",
            "A source value could not be parsed (date, number, boolean…); the field is left empty.", "{message}"),
    SOURCE_REF_UNRESOLVED("source.ref-unresolved", Severity.WARNING, "Source reference not found",
            "A parent/link/relation names a row or item that is not in the export; the link is dropped.", "{message}"),
    SOURCE_DUPLICATE_ID("source.duplicate-id", Severity.WARNING, "Duplicate id in source",
            "Two source rows share an id or key; the later one gets a derived id.", "{message}"),
    SOURCE_USER_UNMAPPED("source.user-unmapped", Severity.WARNING, "Person without email",
            "A person has no email in the source or the users file; Kaiten needs one.", "{message}"),
    SOURCE_TITLE("source.title", Severity.WARNING, "Title fixed",
            "A card title was empty or too long; it was filled in or cut, and the full text kept in the description.",
            "{message}"),
    SOURCE_TEXT_SPLIT("source.text-split", Severity.INFO, "Long text split",
            "A comment was over Kaiten's 4096-character limit and was split into several comments.", "{message}"),
    SOURCE_STRUCTURE("source.structure", Severity.WARNING, "Unexpected structure",
            "A source record has a shape the adapter does not expect; what could be read was kept.", "{message}"),
    SOURCE_ATTACHMENT("source.attachment", Severity.WARNING, "Attachment not packaged",
            "An attachment binary was not available locally; the card got a link to its URL instead.", "{message}"),

    // --- wikis and documents (issue 12) ------------------------------------------------------------------------
    SOURCE_REF_AMBIGUOUS("source.ref-ambiguous", Severity.WARNING, "Link matches several pages",
            "A wiki link names a page or file by a name several files share; the shortest path was chosen.",
            "{message}"),
    DOCUMENT_PATH_MISSING("document.path-missing", Severity.ERROR, "Document body missing",
            "A documents record's path names a file that is not in the package.",
            "path '{path}' is not in the package"),

    // --- mapping files (issue 10: reports and CLI) ----------------------------------------------------------------
    MAPPING_HEADER_UNKNOWN("mapping.header-unknown", Severity.WARNING, "Mapped header not in the export",
            "A header named in the --mapping file is not in the export's header row (often a typo or another "
                    + "export's column name); that mapping line has no effect.",
            "'{header}' is not a header of {file}{suggestion}"),
    SOURCE_TITLE_GUESSED("source.title-guessed", Severity.WARNING, "Title column guessed",
            "No header the mapping knows names the card titles, so a column was chosen by its content; check it, or "
                    + "name the title column under fields.title in a --mapping file.", "{message}"),

    // --- the run's options ---------------------------------------------------------------------------------------
    OPTION_IGNORED("option.ignored", Severity.WARNING, "Option does not apply",
            "An option was given that the detected kind of export does not read; it had no effect.",
            "{option} applies to {kinds}, not to a {kind}; ignored"),

    // --- custom-field types Kaiten's import has no room for (issue 14: checkbox, url, email; user kept) ----------
    FIELD_CHECKBOX_AS_SELECT("field.checkbox-as-select", Severity.INFO, "Checkbox written as a select",
            "Kaiten's import has no checkbox field and no true/false values, so a checkbox field becomes a select "
                    + "with one option 'Yes': checked cards get it, unchecked cards no value (which is what "
                    + "unchecked means; nothing is lost).",
            "checkbox field '{field}' is written as a select with one option 'Yes': checked cards get it,"
                    + " unchecked cards no value"),
    FIELD_TYPE_AS_STRING("field.type-as-string", Severity.INFO, "Link or email field written as text",
            "Kaiten's import has no url or email field type, so such a field becomes a text field: every value "
                    + "is kept as written, only Kaiten's link or mail formatting of the field is not there.",
            "{type} field '{field}' is written as a text field (Kaiten's import has no {type} type); its values"
                    + " are kept as text"),
    FIELD_USER_TYPE("field.user-type", Severity.INFO, "People field kept as a user field",
            "Kaiten's 2024 import documents user values (arrays of user ids) but lists no user field type to create; "
                    + "the field stays a user field so each value keeps its person. A company user property of the "
                    + "same name takes it through the pre-flight's properties_mapping, the documented route.",
            "people field '{field}' is kept as a user field: Kaiten's import documents user values but not"
                    + " creating a user field, so let preflight map it onto an existing user property"),

    // --- pre-flight against a target Kaiten company (preflight command, io.kaitenimport.preflight) -----------------
    TARGET_FALLBACK("target.fallback", Severity.WARNING, "Target section read another way",
            "The token's user may not read a section (HTTP 403); a narrower endpoint was read instead, as the REST "
                    + "docs suggest, and the results are less certain.", "{message}"),
    TARGET_RATE_LIMITED("target.rate-limited", Severity.INFO, "Requests rate-limited",
            "Kaiten answered HTTP 429 (over 5 requests/second); the requests were retried after waiting.", "{message}"),
    TARGET_LIST_CUT("target.list-maybe-cut", Severity.WARNING, "List may be cut off",
            "An unpaged Kaiten list came back with a round number of items (100, 500, 1000…); it may be truncated.",
            "{message}"),
    TARGET_UNCHECKED("target.unchecked", Severity.INFO, "Not checkable",
            "Something the REST API does not expose (space keys, how the import treats a case) cannot be checked.",
            "{message}"),
    TARGET_USER_EXISTS("target.user-exists", Severity.INFO, "User exists",
            "A package user's email belongs to an active user of the target company.", "{message}"),
    TARGET_USER_NEW("target.user-new", Severity.INFO, "User is new",
            "No target user has this email: the import creates the user and may send an invitation.", "{message}"),
    TARGET_USER_NOT_VISIBLE("target.user-not-visible", Severity.WARNING, "User not visible",
            "Company users could not be read (403), so a user missing from the shared-space list may exist anyway.",
            "{message}"),
    TARGET_USER_DEACTIVATED("target.user-deactivated", Severity.WARNING, "User deactivated",
            "The email belongs to a deactivated target user (role 3); what the import does with them is unknown.",
            "{message}"),
    TARGET_USER_BLOCKED("target.user-email-blocked", Severity.WARNING, "User email blocked",
            "The target user's email is blocked: invitations and notifications will not reach them.", "{message}"),
    TARGET_USER_DELETION("target.user-deletion-requested", Severity.WARNING, "User deletion requested",
            "Deletion was requested for the target user with this email.", "{message}"),
    TARGET_USER_NOTE("target.user-note", Severity.INFO, "User detail",
            "A detail about a matched user (virtual, not activated, email differs in letter case only).", "{message}"),
    TARGET_USER_DUPLICATE("target.user-duplicate-email", Severity.WARNING, "Target users share an email",
            "Several target users have the same email (ignoring case); the package user cannot be matched safely.",
            "{message}"),
    TARGET_FIELD_MAPPED("target.field-mapped", Severity.INFO, "Custom field mapped",
            "A package custom field reuses an existing custom property (written to properties_mapping).", "{message}"),
    TARGET_FIELD_NEW("target.field-created", Severity.INFO, "Custom field will be created",
            "No existing custom property has this name; the import creates a new one.", "{message}"),
    TARGET_FIELD_TYPE("target.field-type-mismatch", Severity.ERROR, "Custom field type differs",
            "An existing property with the same name has an incompatible type; the import would create a "
                    + "duplicate. Rename the field or map it with --property-map.", "{message}"),
    // issue 14: a checkbox converted to a one-option select meets a checkbox property of the company
    TARGET_FIELD_CHECKBOX("target.field-checkbox", Severity.WARNING, "Checkbox property cannot be filled",
            "The company has a checkbox property with the name of a package field that is a checkbox written as a "
                    + "one-option select ('Yes'): the import has no checkbox values, so it is not mapped and the "
                    + "import creates the select beside the checkbox.", "{message}"),
    TARGET_FIELD_AMBIGUOUS("target.field-ambiguous", Severity.WARNING, "Custom field name is ambiguous",
            "Several existing properties have this name; nothing is mapped (choose with --property-map).", "{message}"),
    TARGET_FIELD_OPTIONS("target.field-options-missing", Severity.WARNING, "Select options missing",
            "The mapped select property lacks some of the package's option values.", "{message}"),
    TARGET_FIELD_INACTIVE("target.field-inactive", Severity.WARNING, "Property not active",
            "A property with this name exists but its condition is not 'active'; it is not used for mapping.", "{message}"),
    TARGET_PROPERTY_MAP("target.property-map", Severity.ERROR, "Bad --property-map entry",
            "A --property-map entry names a field the package does not have or a Kaiten id the company does not "
                    + "have.", "{message}"),
    TARGET_COLUMN_MAPPED("target.column-mapped", Severity.INFO, "Column mapped",
            "A package column reuses an existing column of --board with the same title and type (columns_mapping).",
            "{message}"),
    TARGET_COLUMN_NEW("target.column-created", Severity.INFO, "Column will be created",
            "No column of --board has this title and type; the import creates it.", "{message}"),
    TARGET_COLUMN_CONFLICT("target.column-conflict", Severity.WARNING, "Column not mapped",
            "A column of --board has this title but another type, or the title is used twice there; not mapped.",
            "{message}"),
    TARGET_COLUMN_SHARED("target.column-shared", Severity.WARNING, "Two columns onto one",
            "Several package columns map onto the same target column; their cards will end up together.", "{message}"),
    TARGET_TITLE_COLLISION("target.title-collision", Severity.WARNING, "Space or board title exists",
            "The target already has a space or board with this title; the import creates a second one.", "{message}"),
    TARGET_CARD_TYPE("target.card-type-missing", Severity.WARNING, "Card type not in target",
            "Cards use a type_name the target lacks (or has archived); what the import does then is unknown.", "{message}"),
    TARGET_TAG("target.tag-missing", Severity.INFO, "Tag not in target",
            "Cards use a tag the target lacks (created by the import), has archived, or spells in another case.",
            "{message}");

    private final String code;
    private final Severity severity;
    private final String title;
    private final String description;
    private final Template template;

    IssueCode(String code, Severity severity, String title, String description, String template) {
        this.code = code;
        this.severity = severity;
        this.title = title;
        this.description = description;
        this.template = new Template(this, template);
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The default message. */
    public Template template() {
        return template;
    }

    /** A specific message of this code with named parts, e.g. {@code "'{value}' is not a number"}. */
    public Template template(String text) {
        return new Template(this, text);
    }

    /** The default message with its parts filled in order. */
    public String format(Object... args) {
        return template.format(args);
    }

    public static Optional<IssueCode> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
