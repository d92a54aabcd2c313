package io.kaitenimport.emit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in our words: what is wrong, never which Jackson class or setting noticed it. Callers add
 * the file and position; {@link #position} gives line:column when Jackson knows it.
 */
public final class JsonErrors {
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code (\\d+)[^)]*\\)\\):? (?:(?:was )?expecting|expected) (.+)", Pattern.DOTALL);
    private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\) exceeds the maximum (?:allowed )?\\((\\d+)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");

    private JsonErrors() {
    }

    /** One phrase for the problem, without position (callers name file and position). */
    public static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        Matcher limit = LIMIT.matcher(m);
        if (e instanceof StreamConstraintsException || limit.find() && m.contains("exceeds")) {
            limit.reset();
            String found = limit.find() ? String.format(Locale.ROOT, " (%,d; the limit is %,d)",
                    Long.parseLong(limit.group(1)), Long.parseLong(limit.group(2))) : "";
            if (m.contains("nesting depth")) {
                return "the JSON is nested too deeply" + found + "; no real export nests like this";
            }
            if (m.contains("Number value length") || m.contains("Number length")) {
                return "a number has too many digits" + found;
            }
            if (m.contains("String value length") || m.contains("String length")) {
                return "a text value is too long" + found;
            }
            if (m.contains("Name length") || m.contains("name length")) {
                return "a field name is too long" + found;
            }
            if (m.contains("Document length")) {
                return "the JSON document is too long" + found;
            }
            return "the JSON exceeds a size limit" + found;
        }
        Matcher ch = UNEXPECTED_CHAR.matcher(m);
        if (ch.find()) {
            return "unexpected " + character(ch.group(1), Integer.parseInt(ch.group(2))) + " where "
                    + expected(ch.group(3)) + " was expected";
        }
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            return "'" + shorten(token.group(1)) + "' is not a JSON value (text must be in double quotes)";
        }
        if (m.startsWith("Unexpected end-of-input") || m.contains("end-of-input")) {
            return "the JSON ends in the middle of a value (is the file truncated?)";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "a closing bracket does not match the open one";
        }
        if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF-8 start byte") || m.contains("UTF-8")) {
            return "bytes that are not valid UTF-8 (JSON exports are UTF-8)";
        }
        if (m.contains("Illegal unquoted character")) {
            return "a control character inside a text value must be escaped";
        }
        if (m.contains("Unrecognized character escape")) {
            return "an invalid backslash escape inside a text value";
        }
        if (m.contains("Duplicate field")) {
            return "a field appears twice in one object";
        }
        // Anything else: Jackson's own sentence, without its source dump and setting names.
        return m.replaceAll("\\('(.+?)' \\(code \\d+[^)]*\\)\\)", "'$1'")
                .replaceAll("\\s*\\(from `[^`]*`\\)", "").replaceAll("`[^`]*`", "")
                .replaceAll("\\s+at \\[Source.*", "").replaceAll("\\s+", " ").strip();
    }

    /** "line:column" where Jackson knows it, else empty. */
    public static String position(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        if (l == null || l.getLineNr() < 1) {
            return "";
        }
        return l.getLineNr() + ":" + l.getColumnNr();
    }

    private static String character(String ch, int code) {
        if (code < 32 || code == 127 || Character.getType(code) == Character.FORMAT || Character.isISOControl(code)
                || Character.isSurrogate((char) code) || !Character.isDefined(code)) {
            return String.format(Locale.ROOT, "control character U+%04X", code);
        }
        return "'" + ch + "'";
    }

    private static String expected(String what) {
        String w = what.strip();
        if (w.startsWith("comma to separate Object")) {
            return "',' or '}'";
        }
        if (w.startsWith("comma to separate Array")) {
            return "',' or ']'";
        }
        if (w.startsWith("double-quote to start field name")) {
            return "a field name in double quotes";
        }
        if (w.startsWith("a colon to separate field name")) {
            return "':'";
        }
        if (w.contains("JSON String, Number, Array, Object")) {
            return "a JSON value";
        }
        return shorten(w.replaceAll("\\s+at \\[Source.*", "").replaceAll("`[^`]*`", "").replaceAll("\\s+", " "));
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
