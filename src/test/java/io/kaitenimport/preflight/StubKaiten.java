package io.kaitenimport.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Kaiten on 127.0.0.1 serving {@code src/test/resources/preflight/company.json} (responses shaped
 * like the seed's), with the seed's paging on the lists it calls paged (capped at {@link #pageCap} items a page,
 * below the requested limit, as an unknown server maximum would be), scripted answers (429 bursts, errors, slow
 * or malformed bodies) and a log of every request with its arrival time.
 */
public final class StubKaiten implements AutoCloseable {
    public static final String TOKEN = "tok-5ecret-XYZ-0123456789";

    static {
        // Without TCP_NODELAY each small answer waits ~40 ms on Nagle + delayed ACK; the tests would crawl.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    static final Set<String> PAGED = Set.of("/api/v1/users", "/api/v1/company/custom-properties", "/api/v1/tags");

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body, 0);
        }

        public Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }
    }

    /** One request as the server saw it. */
    public record Hit(String method, String pathAndQuery, long arrivedNanos, boolean authorized) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final JsonNode company;
    private final Map<String, Deque<Answer>> scripted = new HashMap<>();
    private final Map<String, Answer> always = new HashMap<>();
    private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int maxInFlight;
    volatile int pageCap = 2;

    public StubKaiten() throws IOException {
        try (InputStream in = StubKaiten.class.getResourceAsStream("/preflight/company.json")) {
            company = Json.MAPPER.readTree(in);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers served (in order) before the company data, for one path (without query). */
    public synchronized StubKaiten script(String path, Answer... answers) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    /** An answer served for every request of this path. */
    public synchronized StubKaiten always(String path, Answer answer) {
        if (answer == null) {
            always.remove(path);
        } else {
            always.put(path, answer);
        }
        return this;
    }

    public List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    private void handle(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        int n = inFlight.incrementAndGet();
        boolean counted = true;
        synchronized (this) {
            maxInFlight = Math.max(maxInFlight, n);
        }
        try {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            boolean auth = ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
            hits.add(new Hit(ex.getRequestMethod(), path + (query == null ? "" : "?" + query), now, auth));
            Answer a = answer(ex.getRequestMethod(), path, query, auth);
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            // Done before answering: once the answer is out, the client may rightly send the next request.
            inFlight.decrementAndGet();
            counted = false;
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", a.headers().getOrDefault("Content-Type",
                    "application/json; charset=utf-8"));
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test); nothing to answer
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
            ex.close();
        }
    }

    private synchronized Answer answer(String method, String path, String query, boolean auth) {
        if (!method.equals("GET")) {
            return Answer.of(405, "{\"message\":\"read-only stub\"}");
        }
        Deque<Answer> q = scripted.get(path);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        if (always.containsKey(path)) {
            return always.get(path);
        }
        if (!auth) {
            return Answer.of(401, "{\"message\":\"Invalid token\"}");
        }
        JsonNode data = company.get(path);
        if (data == null) {
            return Answer.of(404, "{\"message\":\"Not found\"}");
        }
        Map<String, String> params = params(query);
        if (PAGED.contains(path) && params.containsKey("limit") && data.isArray()) {
            int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
            int limit = Math.min(Integer.parseInt(params.get("limit")), pageCap);
            ArrayNode page = Json.MAPPER.createArrayNode();
            for (int i = offset; i < Math.min(data.size(), offset + limit); i++) {
                page.add(data.get(i));
            }
            return Answer.of(200, page.toString());
        }
        return Answer.of(200, data.toString());
    }

    private static Map<String, String> params(String query) {
        Map<String, String> m = new HashMap<>();
        if (query != null) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** A clock that only moves when slept on, recording every sleep: tests see the waits without waiting. */
    public static final class FakePacing implements Pacing {
        private long now = 1_700_000_000_000L;
        public final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public synchronized long nowMillis() {
            return now;
        }

        @Override
        public synchronized void sleep(long millis) {
            sleeps.add(millis);
            now += millis;
        }
    }
}
