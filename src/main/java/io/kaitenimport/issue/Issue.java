package io.kaitenimport.issue;

import java.util.Objects;

/** One problem or decision, with a catalog code and a position. */
public record Issue(IssueCode code, Severity severity, String message, Location location) {
    public Issue {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        message = Abbreviate.text(Objects.requireNonNull(message));
        location = location == null ? Location.NONE : location;
    }

    /** An issue with the catalog's severity and its message template filled with {@code args}. */
    public static Issue of(IssueCode code, Location location, Object... args) {
        return new Issue(code, code.severity(), code.format(args), location);
    }

    @Override
    public String toString() {
        String where = location.toString();
        return severity.label() + " " + code.code() + (where.isEmpty() ? "" : " at " + where) + ": " + message;
    }
}
