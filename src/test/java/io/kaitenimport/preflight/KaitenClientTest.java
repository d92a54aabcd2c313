package io.kaitenimport.preflight;

import io.kaitenimport.issue.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST client and reader against the stub: paging, rate limits, retries and every failure as one line. */
class KaitenClientTest {
    StubKaiten stub;
    StubKaiten.FakePacing pacing;

    @BeforeEach
    void start() throws Exception {
        stub = new StubKaiten();
        pacing = new StubKaiten.FakePacing();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    KaitenClient client(Duration readTimeout) {
        return new KaitenClient(URI.create(stub.url()), StubKaiten.TOKEN, pacing, Duration.ofSeconds(5), readTimeout);
    }

    TargetSnapshot read(Long board) {
        return new TargetReader(client(Duration.ofSeconds(10))).read(board, p -> "select".equals(p.type()));
    }

    @Test
    void readsEverySectionAndPagesUntilAnEmptyPage() {
        TargetSnapshot s = read(77L);
        assertEquals(6, s.users().size());
        assertEquals(TargetSnapshot.COMPANY_USERS, s.usersFrom());
        assertEquals(21, s.properties().size(), "21 properties over 11 pages of 2");
        assertEquals(5, s.tags().size());
        assertEquals(4, s.cardTypes().size());
        assertEquals(2, s.spaces().size());
        // 4 columns, 2 nested subcolumns, and 1 subcolumn read from E7 for the column without 'subcolumns'
        assertEquals(7, s.columns().size());
        assertEquals(704L, s.columns().stream().filter(c -> c.id() == 7041).findFirst().orElseThrow().parentId());
        List<String> props = stub.hits().stream().map(StubKaiten.Hit::pathAndQuery)
                .filter(p -> p.startsWith("/api/v1/company/custom-properties?")).toList();
        assertEquals(12, props.size(), props.toString());
        assertEquals("/api/v1/company/custom-properties?limit=100&offset=0", props.get(0));
        assertEquals("/api/v1/company/custom-properties?limit=100&offset=2", props.get(1));
        assertEquals("/api/v1/company/custom-properties?limit=100&offset=21", props.get(11));
        assertTrue(stub.hits().stream().allMatch(h -> h.method().equals("GET") && h.authorized()));
        assertEquals(1, stub.maxInFlight(), "one request at a time");
        assertEquals(stub.hits().size(), s.requests());
        assertEquals(2, s.optionsOf(205).size());
        assertEquals(List.of(), s.optionsOf(207), "a select property without options is read, not missing");
    }

    @Test
    void pacesRequestsAtLeast210msApartOnTheClock() {
        read(null);
        // every acquire after the first waits for the 210 ms interval on the (fake) clock
        long waits = pacing.sleeps.stream().filter(s -> s > 0).count();
        assertEquals(stub.hits().size() - 1, waits, pacing.sleeps.toString());
        assertTrue(pacing.sleeps.stream().allMatch(s -> s <= RateLimiter.MIN_INTERVAL_MS), pacing.sleeps.toString());
    }

    @Test
    void a429BurstWithResetHeaderWaitsUntilTheResetAndRetries() {
        long resetSec = pacing.nowMillis() / 1000 + 3;
        StubKaiten.Answer tooMany = StubKaiten.Answer.of(429, "").header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", String.valueOf(resetSec));
        stub.script("/api/v1/users/current", tooMany, tooMany);
        TargetSnapshot s = read(null);
        assertEquals(2, s.rateLimited());
        assertEquals(4, s.cardTypes().size());
        assertTrue(pacing.sleeps.stream().anyMatch(w -> w >= 2000 && w <= 3000), pacing.sleeps.toString());
    }

    @Test
    void a429WithoutHeadersBacksOffExponentiallyAndGivesUpAfterFiveRetries() {
        stub.always("/api/v1/tags", StubKaiten.Answer.of(429, ""));
        SourceException e = assertThrows(SourceException.class, () -> read(null));
        assertTrue(e.getMessage().contains("still rate-limited (HTTP 429) after 5 retries"), e.getMessage());
        assertTrue(e.getMessage().contains("/api/v1/tags"), e.getMessage());
        List<Long> backoffs = pacing.sleeps.stream().filter(w -> w >= 1000).toList();
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L), backoffs);
        assertEquals(6, stub.hits().stream().filter(h -> h.pathAndQuery().startsWith("/api/v1/tags")).count());
    }

    @Test
    void remainingZeroDelaysTheNextRequestUntilReset() {
        long resetMs = pacing.nowMillis() + 1500; // in milliseconds: > 1e12 is read as ms
        stub.script("/api/v1/users/current", StubKaiten.Answer.of(200,
                        "{\"id\":1,\"email\":\"owner@acme.example.com\"}").header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", String.valueOf(resetMs)));
        read(null);
        assertEquals(1500L, pacing.sleeps.get(0));
    }

    @Test
    void companyUsers403FallsBackToSharedUsersAndSaysSo() {
        stub.always("/api/v1/company/users", StubKaiten.Answer.of(403, "{\"message\":\"Forbiden\"}"));
        TargetSnapshot s = read(null);
        assertEquals(TargetSnapshot.SHARED_USERS, s.usersFrom());
        assertEquals(1, s.users().size());
        assertTrue(s.notes().stream().anyMatch(n -> n.code().equals("target.fallback")
                && n.message().contains("'Members'")), s.notes().toString());
    }

    @Test
    void httpFailuresAreOneLineNamingTheRequest() {
        assertFails("/api/v1/users/current", StubKaiten.Answer.of(401, "{}"), "HTTP 401: the token is invalid");
        assertFails("/api/v1/company/custom-properties", StubKaiten.Answer.of(403, "{}"),
                "HTTP 403: the token's user may not read custom properties");
        assertFails("/api/v1/spaces", StubKaiten.Answer.of(500, "<html>oops</html>"), "HTTP 500 from the server: "
                + "'<html>oops</html>'");
        assertFails("/api/v1/card-types", StubKaiten.Answer.of(200, "{\"id\": 1,,}"), "the answer is not JSON");
        assertFails("/api/v1/tags", StubKaiten.Answer.of(200, "{\"id\": 1}"), "expected a JSON array, got object");
        assertFails("/api/v1/spaces", StubKaiten.Answer.of(200, "[{\"title\":\"x\"}]"), "unexpected answer at /0: "
                + "no integer 'id'");
        SourceException e = assertThrows(SourceException.class, () -> read(99L));
        assertTrue(e.getMessage().contains("HTTP 404: not found (is --board a board id of this company?)"),
                e.getMessage());
    }

    @Test
    void aSlowAnswerTimesOut() {
        stub.script("/api/v1/users/current", StubKaiten.Answer.of(200, "{\"id\":1}").delayed(3000));
        SourceException e = assertThrows(SourceException.class,
                () -> new TargetReader(client(Duration.ofMillis(500))).read(null, p -> false));
        assertTrue(e.getMessage().contains("no answer within"), e.getMessage());
    }

    @Test
    void tlsAndConnectionFailuresAreOneLine() throws Exception {
        // https against a server that answers in plain text: the TLS handshake fails
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket c = plain.accept()) {
                    c.getInputStream().read(new byte[512]); // the ClientHello, answered in plain HTTP
                    c.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                } catch (Exception ignored) {
                    // the client hung up
                }
            });
            t.start();
            KaitenClient tls = new KaitenClient(URI.create("https://127.0.0.1:" + plain.getLocalPort()),
                    StubKaiten.TOKEN, pacing, Duration.ofSeconds(5), Duration.ofSeconds(5));
            SourceException e = assertThrows(SourceException.class, () -> tls.get("/api/v1/users/current", "x"));
            // Usually "TLS error"; on a loaded machine the JDK client sometimes reports the failed handshake as a
            // connect timeout instead. Either way: one line in our words, naming the request.
            assertTrue(e.getMessage().contains("TLS error") || e.getMessage().contains("cannot connect to 127.0.0.1"),
                    e.getMessage());
            assertTrue(e.getMessage().startsWith("GET https://127.0.0.1:"), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Exception"), e.getMessage());
            t.join();
        }
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        KaitenClient refused = new KaitenClient(URI.create("http://127.0.0.1:" + closedPort), StubKaiten.TOKEN,
                pacing, Duration.ofSeconds(5), Duration.ofSeconds(5));
        SourceException e = assertThrows(SourceException.class, () -> refused.get("/api/v1/users/current", "x"));
        assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void theTokenIsScrubbedEvenWhenAServerEchoesIt() {
        stub.always("/api/v1/spaces", StubKaiten.Answer.of(502, "bad gateway for Bearer " + StubKaiten.TOKEN));
        SourceException e = assertThrows(SourceException.class, () -> read(null));
        assertFalse(e.getMessage().contains(StubKaiten.TOKEN), e.getMessage());
        assertFalse(e.describe().contains(StubKaiten.TOKEN));
    }

    @Test
    void httpsOnlyExceptLoopback() {
        assertEquals("https://acme.kaiten.ru", KaitenClient.checkBase(URI.create("https://acme.kaiten.ru/")).toString());
        assertEquals("http://127.0.0.1:8080", KaitenClient.checkBase(URI.create("http://127.0.0.1:8080/x")).toString());
        assertEquals("http://localhost", KaitenClient.checkBase(URI.create("http://localhost")).toString());
        SourceException e = assertThrows(SourceException.class,
                () -> KaitenClient.checkBase(URI.create("http://acme.kaiten.ru")));
        assertTrue(e.getMessage().contains("must use https"), e.getMessage());
        assertThrows(SourceException.class, () -> KaitenClient.checkBase(URI.create("ftp://acme.kaiten.ru")));
        assertThrows(SourceException.class, () -> KaitenClient.checkBase(URI.create("https://u:p@acme.kaiten.ru")));
    }

    private void assertFails(String path, StubKaiten.Answer answer, String expected) {
        stub.script(path, answer);
        SourceException e = assertThrows(SourceException.class, () -> read(null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("GET " + stub.url() + path), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
