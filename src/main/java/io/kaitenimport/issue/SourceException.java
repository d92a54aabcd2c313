package io.kaitenimport.issue;


/**
 * The input cannot be converted at all (unreadable, malformed, wrong kind). The CLI prints the location and the
 * message on one line and exits with 2; no output is left behind.
 */
public final class SourceException extends RuntimeException {
    private final Location location;

    public SourceException(Location location, String message) {
        this(location, message, null);
    }

    public SourceException(Location location, String message, Throwable cause) {
        super(Abbreviate.text(message), cause);
        this.location = location == null ? Location.NONE : location;
    }

    public Location location() {
        return location;
    }

    /** {@code file:line:column [field]: message}, the form users see. */
    public String describe() {
        String where = location.toString();
        return where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
