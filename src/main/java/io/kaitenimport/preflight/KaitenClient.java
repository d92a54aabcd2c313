package io.kaitenimport.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Read-only Kaiten REST client: GET only, one request at a time through a {@link RateLimiter}, bounded retries on
 * 429, and every failure as one line that never contains the token (it lives only in the Authorization header).
 */
public final class KaitenClient {
    static final int PAGE_SIZE = 100;
    static final int MAX_429_RETRIES = 5;
    /** A server that ignores limit/offset would page forever; this many pages is far beyond any real company. */
    static final int MAX_PAGES = 10_000;

    private final URI base;
    private final String token;
    private final Pacing pacing;
    private final RateLimiter limiter;
    private final HttpClient http;
    private final Duration readTimeout;
    private Consumer<String> progress = line -> { };
    private long requests;
    private long rateLimited;

    public KaitenClient(URI base, String token, Pacing pacing, Duration connectTimeout, Duration readTimeout) {
        this.base = checkBase(base);
        if (token == null || token.isBlank()) {
            throw new SourceException(Location.NONE, "no API token: set KAITEN_TOKEN or pass --token-file FILE");
        }
        this.token = token.strip();
        if (!this.token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // said without the value: header errors of the HTTP client would otherwise quote it
            throw new SourceException(Location.NONE, "the API token holds characters that cannot go into an HTTP "
                    + "header (spaces, line breaks, non-ASCII); check KAITEN_TOKEN or --token-file");
        }
        this.pacing = pacing;
        this.limiter = new RateLimiter(pacing);
        this.readTimeout = readTimeout;
        // Plain http (loopback only) would otherwise try an h2c upgrade on every request; https negotiates HTTP/2.
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(this.base.getScheme().equals("http") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Each request as one line (method, path, status, items), for --progress. */
    public void onProgress(Consumer<String> listener) {
        this.progress = listener;
    }

    public long requests() {
        return requests;
    }

    public long rateLimited() {
        return rateLimited;
    }

    public URI base() {
        return base;
    }

    /**
     * HTTPS only, except plain http to a loopback host (tests, a local proxy): a token must never cross a network
     * in clear text. The base is scheme://host[:port] with any path removed; the documented /api/v1 paths follow.
     */
    static URI checkBase(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new SourceException(Location.NONE, "--url must look like https://<company>.kaiten.ru, not '"
                    + url + "'");
        }
        if (url.getUserInfo() != null || url.getQuery() != null) {
            throw new SourceException(Location.NONE, "--url must not carry a user, password or query; "
                    + "the token comes from KAITEN_TOKEN or --token-file");
        }
        if (scheme.equals("http") && !loopback(host)) {
            throw new SourceException(Location.NONE, "--url must use https (plain http is allowed only for "
                    + "localhost/127.0.0.1): " + url);
        }
        return URI.create(scheme + "://" + host + (url.getPort() > 0 ? ":" + url.getPort() : ""));
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Thrown for 403, so the reader can fall back (company users) or name the section it could not read. */
    public static final class Forbidden extends RuntimeException {
        Forbidden(String path) {
            super(path);
        }
    }

    /** GET {@code path} ({@code /api/v1/…}, with any query) and parse the body as JSON. */
    public JsonNode get(String path, String what) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = send(path, what);
            int status = response.statusCode();
            var headers = response.headers();
            limiter.observe(headers.firstValue("X-RateLimit-Remaining"), headers.firstValue("X-RateLimit-Reset"));
            if (status == 429) {
                rateLimited++;
                if (attempt >= MAX_429_RETRIES) {
                    throw fail(path, what, "still rate-limited (HTTP 429) after " + MAX_429_RETRIES
                            + " retries; try again later");
                }
                limiter.backoff(attempt, headers.firstValue("X-RateLimit-Reset"));
                continue;
            }
            if (status == 401) {
                throw fail(path, what, "HTTP 401: the token is invalid or expired (check KAITEN_TOKEN or "
                        + "--token-file)");
            }
            if (status == 403) {
                throw new Forbidden(path);
            }
            if (status == 404) {
                throw fail(path, what, "HTTP 404: not found" + (path.startsWith("/api/v1/boards/")
                        ? " (is --board a board id of this company?)" : " (is --url the company's Kaiten address?)"));
            }
            if (status / 100 != 2) {
                throw fail(path, what, "HTTP " + status + " from the server" + snippet(response.body()));
            }
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (JsonProcessingException e) {
                String type = headers.firstValue("Content-Type").orElse("no content type");
                throw fail(path, what, "the answer is not JSON (" + type + ", line "
                        + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ")"
                        + snippet(response.body()));
            } catch (IOException e) {
                throw fail(path, what, "cannot read the answer: " + e.getMessage());
            }
        }
    }

    /** GET a list that may be cut into pages: limit+offset until an empty page, never trusting a short one. */
    public List<JsonNode> getPaged(String path, String what) {
        List<JsonNode> all = new ArrayList<>();
        String firstOfLast = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode items = get(path + sep + "limit=" + PAGE_SIZE + "&offset=" + all.size(), what);
            requireArray(items, path, what);
            if (items.isEmpty()) {
                return all;
            }
            String first = items.get(0).toString();
            if (page > 0 && first.equals(firstOfLast)) {
                throw fail(path, what, "the server returned the same page twice (it ignores offset); "
                        + "cannot read the whole list");
            }
            firstOfLast = first;
            items.forEach(all::add);
        }
        throw fail(path, what, "more than " + MAX_PAGES + " pages");
    }

    /** GET a list that the seed does not describe as paged: no parameters, one answer. */
    public List<JsonNode> getList(String path, String what) {
        JsonNode items = get(path, what);
        requireArray(items, path, what);
        List<JsonNode> all = new ArrayList<>();
        items.forEach(all::add);
        return all;
    }

    private void requireArray(JsonNode items, String path, String what) {
        if (!items.isArray()) {
            throw fail(path, what, "expected a JSON array, got " + items.getNodeType().toString()
                    .toLowerCase(Locale.ROOT));
        }
    }

    private HttpResponse<byte[]> send(String path, String what) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).GET().timeout(readTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        try {
            limiter.acquire();
            requests++;
            HttpResponse<byte[]> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                limiter.answered();
            }
            progress.accept("GET " + path + " → " + r.statusCode() + items(r));
            return r;
        } catch (HttpConnectTimeoutException e) {
            throw fail(path, what, "cannot connect to " + base.getHost() + ": timed out");
        } catch (HttpTimeoutException e) {
            throw fail(path, what, "no answer within " + readTimeout.toSeconds() + " s (read timeout)");
        } catch (SSLException e) {
            throw fail(path, what, "TLS error talking to " + base.getHost() + ": " + e.getMessage());
        } catch (ConnectException e) {
            throw fail(path, what, "cannot connect to " + base.getHost() + (base.getPort() > 0 ? ":"
                    + base.getPort() : "") + " (connection refused or unreachable)");
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String reason = root instanceof UnknownHostException ? "unknown host " + base.getHost()
                    : root instanceof SSLException ? "TLS error: " + root.getMessage() : String.valueOf(e.getMessage());
            throw fail(path, what, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(path, what, "interrupted");
        }
    }

    private static String items(HttpResponse<byte[]> r) {
        byte[] b = r.body();
        return b.length > 0 && b[0] == '[' ? " (" + b.length + " bytes)" : "";
    }

    /** The first bytes of an unexpected answer help tell a proxy page from a Kaiten error. */
    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "" : ": '" + s + (body.length > 80 ? "…" : "") + "'";
    }

    /** The one line users see; the token is scrubbed in case a server or proxy echoed it back. */
    private SourceException fail(String path, String what, String reason) {
        String line = "GET " + base + path + " (" + what + "): " + reason;
        return new SourceException(Location.NONE, line.replace(token, "***"));
    }
}
