package io.kaitenimport.attach;

import java.time.Duration;

/** Waiting between retries; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration d) throws InterruptedException;
}
