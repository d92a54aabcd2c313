package io.kaitenimport.preflight;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Keeps requests at or under Kaiten's documented 5 per second (seed L13), one at a time, as the server counts them:
 * starts at least 210 ms apart, and each start at least one second after the answer to the fifth request before
 * it. A request reaches the server between its start and its answer, so however the network delays single
 * requests, no six arrive within one second. On top come the waits the server asks for with
 * X-RateLimit-Remaining / X-RateLimit-Reset (L19-20).
 */
final class RateLimiter {
    static final int PER_SECOND = 5;
    /** 200 ms is exactly 5/s; the extra 5% keeps a margin for clock granularity. */
    static final long MIN_INTERVAL_MS = 210;
    /** A reset further away than this is not believed (clock skew, wrong unit); the backoff is used instead. */
    static final long MAX_RESET_WAIT_MS = 60_000;

    private final Pacing pacing;
    private final Deque<Long> answered = new ArrayDeque<>();
    private long lastStart = Long.MIN_VALUE / 2;
    private long notBefore = Long.MIN_VALUE / 2;

    RateLimiter(Pacing pacing) {
        this.pacing = pacing;
    }

    /** Blocks until the next request may start, and records its start. */
    void acquire() throws InterruptedException {
        long earliest = Math.max(lastStart + MIN_INTERVAL_MS, notBefore);
        if (answered.size() == PER_SECOND) {
            earliest = Math.max(earliest, answered.peekFirst() + 1000);
        }
        long wait = earliest - pacing.nowMillis();
        if (wait > 0) {
            pacing.sleep(wait);
        }
        lastStart = pacing.nowMillis();
    }

    /** After each answer (or failure): the time it came back bounds when the request five later may start. */
    void answered() {
        answered.addLast(pacing.nowMillis());
        while (answered.size() > PER_SECOND) {
            answered.removeFirst();
        }
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
    void backoff(int attempt, Optional<String> reset) {
        long wait = resetWait(reset).orElse(1000L << Math.min(attempt, 5));
        notBefore = Math.max(notBefore, pacing.nowMillis() + Math.max(wait, MIN_INTERVAL_MS));
    }
}
