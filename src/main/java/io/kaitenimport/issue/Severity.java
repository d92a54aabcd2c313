package io.kaitenimport.issue;

public enum Severity {
    /** The package would be rejected or import wrong data; {@code convert} refuses to write it without --force. */
    ERROR,
    /** The package imports, but something is probably not what the user wants. */
    WARNING,
    /** A decision the tool made that the user should know about. */
    INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
