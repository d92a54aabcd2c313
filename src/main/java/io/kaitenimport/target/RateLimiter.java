package io.kaitenimport.target;

import java.util.Optional;

/**
 * Keeps requests at or under Kaiten's documented 5 per second (seed L13), one at a time: at least 210 ms between
 * request starts, plus the waits the server asks for with X-RateLimit-Remaining / X-RateLimit-Reset (L19-20).
 */
final class RateLimiter {
    /** 200 ms is exactly 5/s; the extra 5% absorbs network jitter so the server never counts six in a second. */
    static final long MIN_INTERVAL_MS = 210;
    /** A reset further away than this is not believed (clock skew, wrong unit); the backoff is used instead. */
    static final long MAX_RESET_WAIT_MS = 60_000;

    private final Pacing pacing;
    private long lastStart = Long.MIN_VALUE / 2;
    private long notBefore = Long.MIN_VALUE / 2;

    RateLimiter(Pacing pacing) {
        this.pacing = pacing;
    }

    /** Blocks until the next request may start, and records its start. */
    void acquire() throws InterruptedException {
        long now = pacing.nowMillis();
        long wait = Math.max(lastStart + MIN_INTERVAL_MS, notBefore) - now;
        if (wait > 0) {
            pacing.sleep(wait);
        }
        lastStart = pacing.nowMillis();
    }

    /** After a response: when the server says no requests remain, the next one waits for its reset time. */
    void observe(Optional<String> remaining, Optional<String> reset) {
        if (remaining.map(String::trim).filter("0"::equals).isPresent()) {
            resetWait(reset).ifPresent(w -> notBefore = Math.max(notBefore, pacing.nowMillis() + w));
        }
    }

    /**
     * How long to wait for X-RateLimit-Reset, an epoch whose unit the seed does not give: values above 1e12 are
     * taken as milliseconds, others as seconds (the REST doc's recommendation). Empty when absent or unusable.
     */
    Optional<Long> resetWait(Optional<String> reset) {
        if (reset.isEmpty()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(reset.get().trim());
            long at = v > 1e12 ? (long) v : (long) Math.ceil(v * 1000);
            long wait = Math.max(0, at - pacing.nowMillis());
            return wait <= MAX_RESET_WAIT_MS ? Optional.of(wait) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Waits before a retry after a 429: until the reset when given, else 1 s, 2 s, 4 s … by attempt. */
    void backoff(int attempt, Optional<String> reset) throws InterruptedException {
        long wait = resetWait(reset).orElse(1000L << Math.min(attempt, 5));
        notBefore = Math.max(notBefore, pacing.nowMillis() + Math.max(wait, MIN_INTERVAL_MS));
    }
}
