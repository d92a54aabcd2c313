package io.kaitenimport.source;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.CustomField;

import java.util.List;

/**
 * Custom-field types of the sources that Kaiten's import cannot take, turned into ones it documents, at the one
 * place each source maps its fields — so the package, the report, the mapping draft and the pre-flight all see the
 * same field (issue 14). The official 2024 import schema knows string, number, date, select and multi_select (its
 * card property values: string, number, array, null); its card-values text adds user.
 * <ul>
 * <li>checkbox → a select with one option "Yes": checked → that option, unchecked → no value, which is what
 * unchecked means, so nothing is lost;</li>
 * <li>url, email, phone → string: the text is kept as written.</li>
 * <li>user stays user (a listed deviation: values documented, the type not), with a note saying how to map it.</li>
 * </ul>
 * One note per field ({@link IssueCode#FIELD_CHECKBOX_AS_SELECT}, {@link IssueCode#FIELD_TYPE_AS_STRING},
 * {@link IssueCode#FIELD_USER_TYPE}).
 */
public final class FieldTypes {
    /** The label of a converted checkbox's one option (the pre-flight knows the option by its id, {@link #yesOption}). */
    public static final String YES = "Yes";

    private FieldTypes() {
    }

    /** The custom_fields type a source (or mapping) type is written as. */
    public static String packageType(String sourceType) {
        return switch (sourceType) {
            case "checkbox" -> "select";
            case "url", "email", "phone" -> "string";
            default -> sourceType;
        };
    }

    /**
     * What the package gets for a mapping type, when it is not that type, as a clause to append where the user picks
     * types (mapping drafts, column lists): {@code "; written as string: Kaiten's import has no url type"}, else "".
     */
    public static String writtenAs(String sourceType) {
        String written = packageType(sourceType);
        return written.equals(sourceType) ? "" : "; written as " + (sourceType.equals("checkbox")
                ? "a select with one option '" + YES + "'" : written) + ": Kaiten's import has no " + sourceType
                + " type";
    }

    /** The select a checkbox field is written as. */
    public static CustomField checkbox(String fieldId, String name) {
        return CustomField.select(fieldId, "select", name,
                List.of(new CustomField.Option(yesOption(fieldId), YES, null, 1.0)));
    }

    /** The id of the "Yes" option of a converted checkbox: derived from the field id, so stable and unique. */
    public static String yesOption(String fieldId) {
        return fieldId + "-yes";
    }

    /** The card value of a converted checkbox: the "Yes" option when checked, none (null) when not. */
    public static List<String> checked(String fieldId, boolean on) {
        return on ? List.of(yesOption(fieldId)) : null;
    }

    /** The note for a field whose type was changed or is a deviation, once per field; nothing for the others. */
    public static void note(SourceContext ctx, String sourceType, String name, Location where) {
        switch (sourceType) {
            case "checkbox" -> ctx.issue(IssueCode.FIELD_CHECKBOX_AS_SELECT, where, name);
            case "url", "email", "phone" -> ctx.issue(IssueCode.FIELD_TYPE_AS_STRING, where, sourceType, name);
            case "user" -> ctx.issue(IssueCode.FIELD_USER_TYPE, where, name);
            default -> {
            }
        }
    }
}
