package io.kaitenimport.attach;

/**
 * What happened to one attachment in a run.
 *
 * @param status     downloaded now, already present in DIR, or failed
 * @param reason     why it failed (null unless failed)
 * @param httpStatus the last HTTP status when it explains the failure, else null
 * @param detail     a human sentence for the report (never holds credentials)
 * @param path       where the file is, relative to DIR with '/' separators (null when failed)
 * @param size       bytes on disk (null when failed)
 * @param sha256     hex digest of the file (null when failed)
 */
public record Outcome(Status status, Reason reason, Integer httpStatus, String detail, String path, Long size,
                      String sha256) {

    public enum Status { DOWNLOADED, PRESENT, FAILED }

    /** Failure reasons, as the report groups them. */
    public enum Reason {
        CREDENTIALS("credentials", "refused: credentials missing or not allowed (HTTP 401/403)"),
        GONE("gone", "gone at the source (HTTP 404/410)"),
        SIZE_MISMATCH("size-mismatch", "size differs from the export's"),
        TOO_LARGE("too-large", "larger than --max-size"),
        TIMEOUT("timeout", "timed out"),
        RATE_LIMITED("rate-limited", "still rate-limited after retries (HTTP 429/503)"),
        HTTP_ERROR("http-error", "other HTTP error"),
        NETWORK("network", "network error"),
        REFUSED_URL("refused-url", "URL not fetched (not https, or a redirect to plain http)"),
        NO_URL("no-url", "the export gives no download URL"),
        UNSAFE_ID("unsafe-id", "attachment id cannot be a folder name");

        private final String code;
        private final String title;

        Reason(String code, String title) {
            this.code = code;
            this.title = title;
        }

        public String code() {
            return code;
        }

        public String title() {
            return title;
        }
    }

    public static Outcome failed(Reason reason, Integer httpStatus, String detail) {
        return new Outcome(Status.FAILED, reason, httpStatus, detail, null, null, null);
    }

    public static Outcome ok(Status status, String path, long size, String sha256) {
        return new Outcome(status, null, null, null, path, size, sha256);
    }

    public boolean arrived() {
        return status != Status.FAILED;
    }
}
