package io.kaitenimport.validate;

import java.io.IOException;

/**
 * A package refused as a whole (unsafe entry name, zip bomb, unreadable archive). It is an {@link IOException} so
 * that it can surface from deep inside a stream read, where the size limits are enforced, and still be told apart
 * from an ordinary read error.
 */
public final class PackageException extends IOException {
    private final transient Issue issue;

    public PackageException(IssueCode code, Location where, Object... args) {
        super(code.format(args));
        this.issue = Issue.of(code, where, args);
    }

    public PackageException(IssueCode code, Object... args) {
        this(code, Location.NONE, args);
    }

    public Issue issue() {
        return issue;
    }
}
