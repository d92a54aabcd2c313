package io.kaitenimport.attach;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code perHost} requests at a time to one host, and when a host answers 429/503
 * with Retry-After every worker bound for it waits, not just the one that was told.
 */
final class HostGate {
    private final int perHost;
    private final Sleeper sleeper;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();

    HostGate(int perHost, Sleeper sleeper) {
        this.perHost = perHost;
        this.sleeper = sleeper;
    }

    private static String key(java.net.URI u) {
        return u.getHost().toLowerCase(Locale.ROOT) + ":" + u.getPort();
    }

    /** Waits for a slot and for any pause the host asked for; the caller must {@link #release} it. */
    void acquire(java.net.URI u) throws InterruptedException {
        slots.computeIfAbsent(key(u), k -> new Semaphore(perHost, true)).acquire();
        Long until = pausedUntil.get(key(u));
        if (until != null) {
            long wait = until - System.nanoTime();
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
        }
    }

    void release(java.net.URI u) {
        slots.get(key(u)).release();
    }

    /** Every request to the host waits until {@code delay} from now (the longest pause asked for wins). */
    void pause(java.net.URI u, Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        pausedUntil.merge(key(u), until, Math::max);
    }
}
