package io.kaitenimport.attach;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches one URL into a temporary file. Redirects are followed here, not by the client, so that the
 * Authorization header goes only to the origin it was meant for (a pre-signed S3 redirect gets none). 429/503
 * pause the host for Retry-After (or a bounded exponential backoff) and are retried; so are 5xx, timeouts and
 * network errors; 401/403/404/410 are final.
 */
final class Downloader {
    /** Limits of one run. */
    public record Settings(int retries, Duration connectTimeout, Duration readTimeout, long maxSize, Duration maxWait) {
    }

    private static final int MAX_REDIRECTS = 5;
    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    private final HttpClient client;
    private final HostGate gate;
    private final Sleeper sleeper;
    private final Settings settings;
    private final AtomicLong allBytes;

    Downloader(HostGate gate, Sleeper sleeper, Settings settings, AtomicLong allBytes) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.gate = gate;
        this.sleeper = sleeper;
        this.settings = settings;
        this.allBytes = allBytes;
    }

    /** What one attempt came to: done (a final outcome), or worth another try after a pause. */
    private record Attempt(Outcome outcome, Duration retryAfter, boolean hostWide) {
        static Attempt done(Outcome o) {
            return new Attempt(o, null, false);
        }
    }

    /**
     * Downloads {@code start} into {@code tmp}. A DOWNLOADED outcome has no path yet (the caller checks and moves
     * the file); {@code credentialsNeeded} names the variables for a 401/403 when no header was sent.
     */
    Outcome fetch(URI start, String authorization, String credentialsNeeded, Path tmp) throws InterruptedException {
        Outcome last = null;
        for (int attempt = 0; ; attempt++) {
            Attempt a = once(start, authorization, credentialsNeeded, tmp);
            if (a.retryAfter() == null) {
                return a.outcome();
            }
            last = a.outcome();
            if (attempt >= settings.retries()) {
                return last;
            }
            Duration wait = a.retryAfter().isNegative() ? backoff(attempt) : a.retryAfter();
            if (wait.compareTo(settings.maxWait()) > 0) {
                return Outcome.failed(last.reason(), last.httpStatus(), last.detail() + "; the server asks to wait "
                        + wait.toSeconds() + " s, more than the " + settings.maxWait().toSeconds() + " s allowed: "
                        + "rerun later");
            }
            if (a.hostWide()) {
                gate.pause(start, wait);
            } else {
                sleeper.sleep(wait);
            }
        }
    }

    static Duration backoff(int attempt) {
        Duration d = BACKOFF_BASE.multipliedBy(1L << Math.min(attempt, 10));
        return d.compareTo(BACKOFF_CAP) > 0 ? BACKOFF_CAP : d;
    }

    private Attempt once(URI start, String authorization, String needed, Path tmp) throws InterruptedException {
        URI current = start;
        for (int redirects = 0; ; redirects++) {
            String refusal = UrlPolicy.refusal(current);
            if (refusal != null) {
                return Attempt.done(Outcome.failed(Outcome.Reason.REFUSED_URL, null, (redirects > 0
                        ? "redirected to " + UrlPolicy.forRecord(current.toString()) + ": " : "") + refusal));
            }
            boolean withAuth = authorization != null && UrlPolicy.sameOrigin(current, start);
            HttpRequest.Builder rb = HttpRequest.newBuilder(current).GET()
                    .header("User-Agent", "kaiten-import attachments").header("Accept", "*/*");
            if (withAuth) {
                rb.header("Authorization", authorization);
            }
            AtomicLong lastProgress = new AtomicLong(System.nanoTime());
            AtomicReference<FileBody> body = new AtomicReference<>();
            HttpResponse<Long> response;
            gate.acquire(current);
            try {
                response = await(rb.build(), tmp, lastProgress, body);
            } catch (HttpConnectTimeoutException e) {
                return retry(Outcome.failed(Outcome.Reason.TIMEOUT, null, "no connection within "
                        + seconds(settings.connectTimeout())), Duration.ofSeconds(-1), false);
            } catch (HttpTimeoutException e) {
                return retry(Outcome.failed(Outcome.Reason.TIMEOUT, null, "no data for "
                        + seconds(settings.readTimeout())), Duration.ofSeconds(-1), false);
            } catch (java.net.ConnectException e) {
                return retry(Outcome.failed(Outcome.Reason.NETWORK, null, "cannot connect to " + current.getHost()
                        + (current.getPort() >= 0 ? ":" + current.getPort() : "")), Duration.ofSeconds(-1), false);
            } catch (IOException e) {
                String what = e instanceof javax.net.ssl.SSLException ? "the TLS connection failed"
                        : "the connection broke off";
                return retry(Outcome.failed(Outcome.Reason.NETWORK, null, what + (e.getMessage() == null ? ""
                        : " (" + e.getMessage() + ")")), Duration.ofSeconds(-1), false);
            } finally {
                gate.release(current);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
                    return Attempt.done(Outcome.failed(Outcome.Reason.HTTP_ERROR, status, location.isEmpty()
                            ? "HTTP " + status + " without a Location" : "more than " + MAX_REDIRECTS + " redirects"));
                }
                URI next = UrlPolicy.parseOrNull(location.get());
                if (next == null) {
                    return Attempt.done(Outcome.failed(Outcome.Reason.HTTP_ERROR, status,
                            "HTTP " + status + " to a Location that is not a URL"));
                }
                current = current.resolve(next);
                continue;
            }
            FileBody file = body.get();
            if (status == 200 && file != null && file.tooLarge()) {
                return Attempt.done(Outcome.failed(Outcome.Reason.TOO_LARGE, null, "over --max-size ("
                        + settings.maxSize() + " bytes)"));
            }
            if (status == 200 && file != null) {
                return Attempt.done(Outcome.ok(Outcome.Status.DOWNLOADED, null, file.size(), file.sha256()));
            }
            Outcome failed = failure(status, withAuth, needed, UrlPolicy.sameOrigin(current, start) ? null
                    : current.getHost());
            if (status == 429 || status == 503) {
                // a negative wait means "use the backoff"
                Duration after = retryAfter(response);
                return retry(failed, after == null ? Duration.ofSeconds(-1) : after, true);
            }
            return status == 500 || status == 502 || status == 504 ? retry(failed, Duration.ofSeconds(-1), false)
                    : Attempt.done(failed);
        }
    }

    private Attempt retry(Outcome o, Duration after, boolean hostWide) {
        return new Attempt(o, after, hostWide);
    }

    /**
     * @param needed     the variables to set, or null when they are set but this site gets none (an old S3 URL)
     * @param redirected the host a redirect led to, or null
     */
    private Outcome failure(int status, boolean withAuth, String needed, String redirected) {
        String refused = redirected != null ? " from " + redirected + " after a redirect (credentials never follow a "
                + "redirect to another host; a pre-signed link may have expired: rerun)"
                : withAuth ? ": the server refused the credentials sent"
                : needed == null ? ": no credentials are sent to this host" : ": no credentials were sent; set " + needed;
        return switch (status) {
            case 401, 403 -> Outcome.failed(Outcome.Reason.CREDENTIALS, status, "HTTP " + status + refused);
            case 404, 410 -> Outcome.failed(Outcome.Reason.GONE, status, "HTTP " + status + " at the source");
            case 429, 503 -> Outcome.failed(Outcome.Reason.RATE_LIMITED, status, "HTTP " + status);
            default -> Outcome.failed(Outcome.Reason.HTTP_ERROR, status, "HTTP " + status);
        };
    }

    /** Sends and waits, abandoning the exchange when no byte arrives for the read timeout. */
    private HttpResponse<Long> await(HttpRequest request, Path tmp, AtomicLong lastProgress,
                                     AtomicReference<FileBody> body) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<Long>> cf = client.sendAsync(request, info -> {
            lastProgress.set(System.nanoTime());
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            FileBody f = new FileBody(tmp, settings.maxSize(), lastProgress, allBytes);
            body.set(f);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
            if (declared > settings.maxSize()) {
                f.markTooLarge();
            }
            return f;
        });
        long tick = Math.max(10, Math.min(250, settings.readTimeout().toMillis() / 4));
        try {
            while (true) {
                try {
                    return cf.get(tick, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - lastProgress.get() > settings.readTimeout().toNanos()) {
                        HttpTimeoutException timeout = new HttpTimeoutException("read timed out");
                        FileBody f = body.get();
                        if (f != null) {
                            f.abandon(timeout);
                        }
                        cf.cancel(true);
                        throw timeout;
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        } catch (InterruptedException e) {
            FileBody f = body.get();
            if (f != null) {
                f.abandon(e);
            }
            cf.cancel(true);
            throw e;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> retryAfter(v, ZonedDateTime.now()))
                .orElse(null);
    }

    static Duration retryAfter(String value, ZonedDateTime now) {
        String s = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(s)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException bad) {
                return null;
            }
        }
    }
}
