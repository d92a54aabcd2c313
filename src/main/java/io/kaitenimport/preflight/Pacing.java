package io.kaitenimport.preflight;

/** The clock and the sleeper of the HTTP client, injectable so tests check waits without really waiting. */
public interface Pacing {
    long nowMillis();

    void sleep(long millis) throws InterruptedException;

    Pacing SYSTEM = new Pacing() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    };
}
