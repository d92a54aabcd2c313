package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.tabular.TabularMapping;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The multi-sheet workbook layout a team fills in Excel to prepare a full import: which sheets, which columns, what
 * each means, and the values a drop-down offers. The reader ({@link WorkbookLayout}), the template writer
 * ({@link TemplateWriter}) and the template's README sheet all come from this one description.
 */
public final class Layout {
    private Layout() {
    }

    static final List<String> YES_NO = List.of("yes", "no");

    /** One column of a layout sheet. {@code choices} feed a drop-down in the template; empty means free text. */
    record Col(String header, boolean required, String meaning, List<String> choices) {
        Col(String header, boolean required, String meaning) {
            this(header, required, meaning, List.of());
        }
    }

    /** One sheet of the layout. */
    record Sheet(String name, String purpose, List<Col> columns) {
        boolean is(String sheetName) {
            return norm(sheetName).equals(norm(name));
        }
    }

    static final Sheet CARDS = new Sheet("Cards", "One row per card. Read with the same mapping as a single-sheet"
            + " import (the bundled default knows these headers). Add a column per custom field, headed with the"
            + " field's name from CustomFields.", List.of(
            new Col("id", false, "Your id for the card (any text, unique). Other sheets and the parent/blocks/related"
                    + " columns refer to cards by it. Empty: the card gets row-N."),
            new Col("title", true, "Card title (up to 1024 characters)."),
            new Col("board", false, "Board title. Empty: a board named after the file."),
            new Col("column", false, "Column (status) title on that board; define its type in Columns. Empty: To do."),
            new Col("type", false, "Card type name, e.g. Bug, Task."),
            new Col("description", false, "Card description (Markdown)."),
            new Col("tags", false, "Tags, separated by commas or new lines."),
            new Col("owner", false, "Person who created the card: a source key or email from Users."),
            new Col("responsible", false, "Person responsible for the card: a source key or email from Users."),
            new Col("members", false, "Other members, separated by commas: source keys or emails from Users."),
            new Col("due", false, "Due date (a date cell, or text like 2024-05-29 or 2024-05-29 14:00)."),
            new Col("planned start", false, "Planned start date (timeline)."),
            new Col("planned end", false, "Planned end date (timeline)."),
            new Col("size", false, "Size, e.g. story points or S/M/L."),
            new Col("estimate", false, "Estimated work in hours, or a duration like 1d 4h."),
            new Col("parent", false, "id of the parent card."),
            new Col("blocks", false, "ids of cards this card blocks, separated by commas."),
            new Col("related", false, "ids of related cards, separated by commas."),
            new Col("links", false, "URLs, separated by new lines. A cell hyperlink in any column also becomes a link."),
            new Col("archived", false, "yes to import the card archived.", YES_NO)));

    static final Sheet COLUMNS = new Sheet("Columns", "Columns of each board, in order. Columns used in Cards but"
            + " missing here are added after these, their type guessed from the name.", List.of(
            new Col("board", false, "Board title as in Cards. Empty: the default board (named after the file)."),
            new Col("title", true, "Column title, as used in Cards' column."),
            new Col("type", false, "1 = queued (to do), 2 = in progress, 3 = done. Empty: guessed from the title.",
                    List.of("1", "2", "3")),
            new Col("sort_order", false, "Position on the board (a number). Empty: the order of the rows.")));

    static final Sheet USERS = new Sheet("Users", "People. Every row becomes a Kaiten user (Kaiten may send an"
            + " invitation to the email). Cards and Comments name people by source or email.", List.of(
            new Col("source", false, "The key other sheets use for this person (e.g. a login). Empty: the email."),
            new Col("email", true, "Email address (required by Kaiten)."),
            new Col("full_name", false, "Full name shown in Kaiten.")));

    static final Sheet CUSTOM_FIELDS = new Sheet("CustomFields", "Custom fields of cards: one row per field, or"
            + " one row per option for select fields. Values go in a Cards column headed with the field name.",
            List.of(
            new Col("name", true, "Field name, exactly as the Cards column header."),
            new Col("type", false, "Field type. Empty: select when options are given, else string. Kaiten's import has"
                    + " no checkbox or url type: a checkbox arrives as a select with one option 'Yes', a url as text.",
                    TabularMapping.CustomFieldRule.TYPES),
            new Col("option", false, "For select / multi_select: one option per row, in order. Values in Cards"
                    + " that are not listed are added as options."),
            new Col("color", false, "Option colour 1–17 (1 red, 2 pink, 3 purple, 4 deep purple, 5 indigo,"
                    + " 6 blue, 7 light blue, 8 cyan, 9 teal, 10 green, 11 light green, 12 lime, 13 orange,"
                    + " 14 deep orange, 15 brown, 16 blue grey, 17 yellow).",
                    IntStream.rangeClosed(1, 17).mapToObj(Integer::toString).toList())));

    static final Sheet CHECKLISTS = new Sheet("Checklists", "Checklist items: one row per item, in order.",
            List.of(
            new Col("card", true, "id of the card (from Cards)."),
            new Col("checklist", false, "Checklist name; rows with the same name form one checklist."
                    + " Empty: Checklist."),
            new Col("item", true, "Item text."),
            new Col("checked", false, "yes when the item is done.", YES_NO)));

    static final Sheet COMMENTS = new Sheet("Comments", "Card comments: one row per comment, in order.", List.of(
            new Col("card", true, "id of the card (from Cards)."),
            new Col("author", false, "Author: a source key or email from Users. Without an email the comment is"
                    + " kept without its author."),
            new Col("created", false, "When it was written (a date-time cell or text)."),
            new Col("text", true, "Comment text (Markdown). Over 4096 characters it is split.")));

    /** In the order the template shows them. */
    static final List<Sheet> SHEETS = List.of(CARDS, COLUMNS, USERS, CUSTOM_FIELDS, CHECKLISTS, COMMENTS);

    static final String README = "README";

    /** Header and sheet names compare trimmed, case-insensitively, with '_' and spaces alike. */
    static String norm(String s) {
        return s == null ? "" : s.replace('_', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
