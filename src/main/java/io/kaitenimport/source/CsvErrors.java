package io.kaitenimport.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CSV syntax error says, in words a person can act on, and where. Our lexer raises the two quoting errors in
 * these words with the line beside them; Commons CSV (which still reads the users file) says them its own way and
 * puts the line in the message, digits grouped the default locale's way ("at line: 1,502, position: 30,814", or
 * "(startline 1,502)" for an unclosed quote).
 */
public final class CsvErrors {
    public static final String UNCLOSED_QUOTE = "a quoted cell in the row starting on this line is never closed "
            + "(unbalanced \" quote); the file ends inside it";
    public static final String TEXT_AFTER_QUOTE = "text follows a closing quote before the next delimiter; quote "
            + "characters inside a quoted cell must be doubled (\"\")";

    /** A number with its digits grouped in any locale's way. */
    private static final String NUMBER = "\\d(?:[\\d,.'\\u00a0\\u202f ]*\\d)?";
    /** "at line: N, position: M" (text after a closing quote, and most other errors). */
    private static final Pattern LINE_AT = Pattern.compile("\\s*(?:at )?line: (" + NUMBER + "), position: " + NUMBER);
    /** "(startline N)" (an unclosed quote: the line its row starts on). */
    private static final Pattern START_LINE = Pattern.compile("\\((?:start)?line (" + NUMBER + ")\\)");

    private CsvErrors() {
    }

    /** The line a Commons CSV message names, or null. */
    public static Long lineIn(String message) {
        String text = message == null ? "" : message;
        Matcher at = LINE_AT.matcher(text);
        if (!at.find()) {
            at = START_LINE.matcher(text);
            if (!at.find()) {
                return null;
            }
        }
        return Long.parseLong(at.group(1).replaceAll("\\D", ""));
    }

    /** A Commons CSV message for a person: what is wrong with the quoting, or its words without the position. */
    public static String wording(String message) {
        String msg = message == null ? "unknown error" : message;
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return UNCLOSED_QUOTE;
        }
        if (lower.contains("between encapsulated token and delimiter")) {
            return TEXT_AFTER_QUOTE;
        }
        return "the CSV cannot be parsed here: " + LINE_AT.matcher(msg).replaceAll("").strip();
    }
}
