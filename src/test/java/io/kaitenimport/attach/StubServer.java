package io.kaitenimport.attach;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An in-process HTTP server on 127.0.0.1 standing in for Trello, Jira and S3: routes by decoded path, records
 * every request's path and Authorization header, and can answer like a real server does on a bad day.
 */
public final class StubServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Seen(String path, String authorization) {
    }

    public interface Route {
        void handle(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                seen.add(new Seen(path, ex.getRequestHeaders().getFirst("Authorization")));
                Route r = routes.get(path);
                if (r == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    r.handle(ex);
                }
            } catch (IOException | RuntimeException e) {
                // the client went away (timeout test); nothing to do
            }
        });
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubServer route(String path, Route r) {
        routes.put(path, r);
        return this;
    }

    /** Serves {@code body}, but answers 401 unless the request carries exactly {@code authorization}. */
    public StubServer file(String path, byte[] body, String authorization) {
        return route(path, ex -> {
            String got = ex.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && !authorization.equals(got)) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            send(ex, 200, body);
        });
    }

    public static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    /** Headers and a few bytes, then nothing for {@code stallMillis} (or until the server closes). */
    public Route stalling(int declared, long stallMillis) {
        return ex -> {
            ex.sendResponseHeaders(200, declared);
            OutputStream o = ex.getResponseBody();
            o.write(new byte[10]);
            o.flush();
            long end = System.currentTimeMillis() + stallMillis;
            while (!closed && System.currentTimeMillis() < end) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            o.write(new byte[declared - 10]);
            o.close();
        };
    }

    public long requestsTo(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).count();
    }

    /** Deterministic content of a given size. */
    public static byte[] bytes(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
    }
}
