package io.kaitenimport.report;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person should do after reading the report, most urgent first: one step per kind of problem, each with its
 * count and the fix ("11 people need an email → add them to a users file: --users FILE"). The text report ends
 * with these, the HTML summary shows them under "What must be fixed".
 */
public final class NextSteps {
    private NextSteps() {
    }

    /** One thing to do: how urgent, what was found and how to fix it. */
    public record Step(Severity severity, String found, String fix) {
        @Override
        public String toString() {
            return found + " → " + fix;
        }
    }

    public static List<Step> of(Report r) {
        List<Step> steps = new ArrayList<>();
        Map<IssueCode, Long> counts = r.issueCounts();
        for (Map.Entry<IssueCode, Long> c : counts.entrySet()) {
            if (c.getKey().severity() == Severity.ERROR) {
                Issue first = firstOf(r, c.getKey());
                String where = first == null || first.location().toString().isEmpty() ? ""
                        : " (first at " + first.location() + ")";
                steps.add(new Step(Severity.ERROR, Numbers.count(c.getValue(), "error") + " “" + c.getKey().title()
                        + "”" + where, errorFix(c.getKey(), r.command())));
            }
        }
        for (Map.Entry<IssueCode, Long> c : counts.entrySet()) {
            String fix = warningFix(c.getKey(), r);
            if (fix != null) {
                steps.add(new Step(c.getKey().severity(), found(c.getKey(), c.getValue()), fix));
            }
        }
        Set<String> unmapped = new LinkedHashSet<>();
        long unmappedValues = 0;
        for (LossLedger.Entry e : r.losses().entries()) {
            if (e.reason().startsWith("not mapped to a card field")) {
                int q = e.sourceField().indexOf(" column '");
                unmapped.add(q < 0 ? e.sourceField() : e.sourceField().substring(q + 8));
                unmappedValues += e.count();
            }
        }
        if (!unmapped.isEmpty()) {
            steps.add(new Step(Severity.WARNING, Numbers.count(unmapped.size(), "column") + " not carried ("
                    + String.join(", ", unmapped.stream().limit(4).toList()) + (unmapped.size() > 4 ? ", …" : "")
                    + "; " + Numbers.count(unmappedValues, "value") + ")",
                    "map them under fields: or custom_fields: in a --mapping file"));
        }
        return steps;
    }

    private static Issue firstOf(Report r, IssueCode code) {
        return r.issues().stream().filter(i -> i.code() == code).findFirst().orElse(null);
    }

    private static String found(IssueCode code, long n) {
        return switch (code) {
            case SOURCE_USER_UNMAPPED -> Numbers.count(n, "person", "people") + (n == 1 ? " needs" : " need") + " an email";
            case SOURCE_ATTACHMENT -> Numbers.count(n, "attachment") + (n == 1 ? " will be a link, not a file" : " will be links, not files");
            case SOURCE_VALUE_INVALID -> Numbers.count(n, "value") + " could not be read and " + (n == 1 ? "is" : "are")
                    + " left empty";
            case SOURCE_REF_UNRESOLVED -> Numbers.count(n, "link") + (n == 1 ? " points" : " point") + " outside the export";
            case SOURCE_DUPLICATE_ID -> Numbers.count(n, "row") + (n == 1 ? " shares" : " share") + " an id with another";
            case SOURCE_TITLE -> Numbers.count(n, "title") + (n == 1 ? " was" : " were") + " empty or too long";
            case SOURCE_STRUCTURE -> Numbers.count(n, "record") + " had an unexpected shape";
            case OPTION_IGNORED -> Numbers.count(n, "option") + " had no effect";
            case USER_EMAIL_DUPLICATE -> Numbers.count(n, "email") + (n == 1 ? " belongs" : " belong") + " to two people";
            case REF_ASYMMETRIC -> Numbers.count(n, "relation") + (n == 1 ? " is" : " are") + " recorded on one side only";
            case META_FILE_UNLISTED -> Numbers.count(n, "file") + " in the package " + (n == 1 ? "is" : "are") + " not listed";
            case MAPPING_HEADER_UNKNOWN -> Numbers.count(n, "header") + " in the mapping file "
                    + (n == 1 ? "is" : "are") + " not in the export";
            case SOURCE_TITLE_GUESSED -> "the title column was guessed";
            default -> Numbers.count(n, code.severity().label()) + " “" + code.title() + "”";
        };
    }

    private static String warningFix(IssueCode code, Report r) {
        String users = r.facts().get("users file");
        users = users == null ? null : users.replaceFirst(" \\(\\d+ entr(y|ies)\\)$", "");
        return switch (code) {
            case SOURCE_USER_UNMAPPED -> users != null ? "add them to " + users
                    : "add them to a users file (CSV source,email,full_name) and pass --users FILE";
            case SOURCE_ATTACHMENT -> "download the files into a folder and pass --attachments DIR";
            case SOURCE_VALUE_INVALID -> "fix the values in the export, or set the format (--date-order, --mapping)";
            case SOURCE_REF_UNRESOLVED -> "include the linked items in the export, or accept the dropped links";
            case SOURCE_DUPLICATE_ID -> "make ids unique in the export (the later rows got derived ids)";
            case SOURCE_TITLE -> "check which column feeds titles (fields.title in a --mapping file)";
            case SOURCE_STRUCTURE -> "check that the export is complete and unedited";
            case OPTION_IGNORED -> "drop these options, or check --from";
            case USER_EMAIL_DUPLICATE -> "give each person their own email (Kaiten would merge them)";
            case REF_ASYMMETRIC -> "record the relation on both cards";
            case META_FILE_UNLISTED -> "list the files in meta-data.json or remove them";
            case MAPPING_HEADER_UNKNOWN -> "correct the names in the --mapping file (see the warnings for each line)";
            case SOURCE_TITLE_GUESSED -> "check the card titles, or name the column under fields.title in --mapping";
            default -> null;
        };
    }

    private static String errorFix(IssueCode code, String command) {
        String tail = "convert".equals(command) ? "; the package is written only without errors (or with --force)" : "";
        String what = switch (code.code().substring(0, code.code().indexOf('.'))) {
            case "schema" -> "correct the field in the source (or the mapping that fills it)";
            case "ref", "id", "timer" -> "make the reference point to a record in the package";
            case "meta", "package", "file" -> "repair the package structure";
            case "source" -> "fix the input at that position";
            default -> "fix the record";
        };
        return what + tail;
    }
}
