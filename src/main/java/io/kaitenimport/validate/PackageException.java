package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

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

    /** For a message the catalog template does not fit (the code and severity stay the catalog's). */
    public static PackageException withMessage(IssueCode code, Location where, String message) {
        return new PackageException(new Issue(code, code.severity(), message, where));
    }

    private PackageException(Issue issue) {
        super(issue.message());
        this.issue = issue;
    }

    public PackageException(IssueCode code, Object... args) {
        this(code, Location.NONE, args);
    }

    public Issue issue() {
        return issue;
    }
}
