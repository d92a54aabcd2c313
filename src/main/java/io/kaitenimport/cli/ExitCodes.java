package io.kaitenimport.cli;

/** The documented exit codes (README "Exit codes"). */
public final class ExitCodes {
    /** Package written (convert) or valid (validate). */
    public static final int OK = 0;
    /** The package has validation errors. */
    public static final int INVALID = 1;
    /** Bad command line, or an input that cannot be read or converted at all. */
    public static final int USAGE = 2;
    /** A bug in kaiten-import; rerun with --debug and report the stack trace. */
    public static final int INTERNAL = 3;
    /** attachments: some files did not arrive (the report lists each by reason); a rerun retries them. */
    public static final int PARTIAL = 4;
    /** No errors, but what {@code --fail-on warning|loss} names was found (CI gating). */
    public static final int GATED = 5;

    private ExitCodes() {
    }
}
