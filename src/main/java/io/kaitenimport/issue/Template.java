package io.kaitenimport.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message of one issue code with named parts, e.g. {@code "{field}: '{value}' is not a {type}"}. Parts are filled
 * in the order they first appear, or by name; a part used twice takes one value. The catalog gives each
 * {@link IssueCode} its default template; an adapter declares the specific messages it reports with
 * {@link IssueCode#template}, once, as constants — call sites pass values, never prose.
 */
public final class Template {
    private static final Pattern PART = Pattern.compile("\\{([a-z][a-zA-Z0-9]*)}");

    private final IssueCode code;
    private final String text;
    private final List<String> parts;

    Template(IssueCode code, String text) {
        this.code = code;
        this.text = text;
        List<String> names = new ArrayList<>();
        Matcher m = PART.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        this.parts = List.copyOf(names);
    }

    public IssueCode code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The part names, in the order values are given. */
    public List<String> parts() {
        return parts;
    }

    /**
     * The message with the parts filled by position ({@code null} prints as "null", numbers in plain digits).
     * Fewer values than parts is a bug and throws; extra values are ignored, as {@link String#format} did.
     */
    public String format(Object... values) {
        if (values.length < parts.size()) {
            throw new IllegalArgumentException(code.code() + " message '" + text + "' needs " + parts + ", got "
                    + values.length + " value(s)");
        }
        Map<String, Object> byName = new java.util.HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            byName.put(parts.get(i), values[i]);
        }
        return fill(byName);
    }

    /** The message with the parts filled by name; a missing name is a bug and throws. */
    public String format(Map<String, ?> values) {
        for (String p : parts) {
            if (!values.containsKey(p)) {
                throw new IllegalArgumentException(code.code() + " message '" + text + "' needs part '" + p + "'");
            }
        }
        return fill(values);
    }

    private String fill(Map<String, ?> values) {
        Matcher m = PART.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** An issue of this template's code at {@code where}. */
    public Issue at(Location where, Object... values) {
        return new Issue(code, code.severity(), format(values), where);
    }

    @Override
    public String toString() {
        return code.code() + ": " + text;
    }
}
