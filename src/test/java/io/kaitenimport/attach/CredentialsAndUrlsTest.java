package io.kaitenimport.attach;

import io.kaitenimport.issue.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsAndUrlsTest {
    @TempDir
    Path tmp;

    static final URI TRELLO = URI.create("https://trello.com/1/cards/c/attachments/a/download/x.png");
    static final URI S3 = URI.create("https://trello-attachments.s3.amazonaws.com/b/c/x.png");
    static final URI CLOUD = URI.create("https://acme.atlassian.net/rest/api/3/attachment/content/1");
    static final URI SERVER = URI.create("https://jira.corp.example/secure/attachment/1/x.log");

    @Test
    void trelloSendsItsDocumentedOAuthHeaderToTrelloOnly() throws IOException {
        Credentials c = Credentials.load(Map.of("TRELLO_KEY", "kkkk1", "TRELLO_TOKEN", "tttt2"), null);
        assertEquals("OAuth oauth_consumer_key=\"kkkk1\", oauth_token=\"tttt2\"", c.authorization("trello", TRELLO));
        assertNull(c.authorization("trello", S3), "old public S3 URLs get no Trello token");
        assertNull(c.authorization("jira", CLOUD));
        assertEquals("TRELLO_KEY, TRELLO_TOKEN (from environment)", c.toString());
    }

    @Test
    void jiraCloudGetsBasicAndDataCenterGetsThePat() throws IOException {
        Credentials c = Credentials.load(Map.of("JIRA_EMAIL", "a@b.c", "JIRA_API_TOKEN", "tok123",
                "JIRA_PAT", "pat456"), null);
        String basic = "Basic " + Base64.getEncoder().encodeToString("a@b.c:tok123".getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, c.authorization("jira", CLOUD));
        assertEquals("Bearer pat456", c.authorization("jira", SERVER));
        Credentials basicOnly = Credentials.load(Map.of("JIRA_EMAIL", "a@b.c", "JIRA_API_TOKEN", "tok123"), null);
        assertEquals(basic, basicOnly.authorization("jira", SERVER));
        assertNull(Credentials.none().authorization("jira", CLOUD));
    }

    @Test
    void aFileWinsOverTheEnvironmentAndABadLineIsNamedWithoutItsValue() throws IOException {
        Path f = tmp.resolve("c.env");
        Files.writeString(f, "# comment\n\nexport TRELLO_KEY='filekey'\nTRELLO_TOKEN=\"filetoken\"\n");
        Credentials c = Credentials.load(Map.of("TRELLO_KEY", "envkey", "TRELLO_TOKEN", "envtoken"), f);
        assertEquals("OAuth oauth_consumer_key=\"filekey\", oauth_token=\"filetoken\"", c.authorization("trello",
                TRELLO));
        Files.writeString(f, "TRELLO_KEY=a\nTRELO_TOKEN=supersecretvalue\n");
        SourceException e = assertThrows(SourceException.class, () -> Credentials.load(Map.of(), f));
        assertTrue(e.describe().contains("c.env:2"), e.describe());
        assertFalse(e.describe().contains("supersecretvalue"));
        Files.writeString(f, "TRELLO_KEY=a\"b\n");
        assertFalse(assertThrows(SourceException.class, () -> Credentials.load(Map.of(), f)).describe()
                .contains("a\"b"));
        assertThrows(SourceException.class, () -> Credentials.load(Map.of(), tmp.resolve("missing.env")));
    }

    @Test
    void scrubRemovesEverySecretAndTheBasicEncoding() throws IOException {
        Credentials c = Credentials.load(Map.of("TRELLO_KEY", "kkkk1", "TRELLO_TOKEN", "tttt2",
                "JIRA_EMAIL", "a@b.c", "JIRA_API_TOKEN", "tok123"), null);
        String basic = Base64.getEncoder().encodeToString("a@b.c:tok123".getBytes(StandardCharsets.UTF_8));
        assertEquals("x *** y *** z *** w ***", c.scrub("x kkkk1 y tttt2 z tok123 w " + basic));
    }

    @Test
    void rewritesApplyInOrderAndOnlyHttpsOrLoopbackHttpIsFetched() {
        UrlPolicy p = new UrlPolicy(List.of(UrlPolicy.Rewrite.parse("http://jira.internal=http://127.0.0.1:8080"),
                UrlPolicy.Rewrite.parse("http://jira=https://elsewhere")));
        assertEquals("http://127.0.0.1:8080/secure/attachment/1/x", p.rewrite("http://jira.internal/secure/attachment/1/x"));
        assertEquals("https://other/x", p.rewrite("https://other/x"));
        assertNull(UrlPolicy.refusal(URI.create("https://a.example/x")));
        assertNull(UrlPolicy.refusal(URI.create("http://127.0.0.2:9/x")));
        assertNull(UrlPolicy.refusal(URI.create("http://localhost/x")));
        assertNull(UrlPolicy.refusal(URI.create("http://[::1]:80/x")));
        assertTrue(UrlPolicy.refusal(URI.create("http://jira.corp.example/x")).startsWith("plain http"));
        assertTrue(UrlPolicy.refusal(URI.create("http://127.0.0.1.evil.example/x")).startsWith("plain http"));
        assertTrue(UrlPolicy.refusal(URI.create("ftp://a.example/x")).contains("only https"));
        assertThrows(SourceException.class, () -> UrlPolicy.Rewrite.parse("no-equals"));
        assertThrows(SourceException.class, () -> UrlPolicy.Rewrite.parse("jira=https://x"));
    }

    @Test
    void credentialsFollowOnlyTheSameOrigin() {
        assertTrue(UrlPolicy.sameOrigin(URI.create("https://a.example/x"), URI.create("https://A.example:443/y")));
        assertFalse(UrlPolicy.sameOrigin(URI.create("https://a.example/x"), URI.create("https://s3.example/y")));
        assertFalse(UrlPolicy.sameOrigin(URI.create("https://a.example/x"), URI.create("http://a.example/y")));
        assertFalse(UrlPolicy.sameOrigin(URI.create("http://127.0.0.1:1/x"), URI.create("http://127.0.0.1:2/y")));
    }

    @Test
    void exportUrlsWithRawSpacesCjkAndPercentBecomeUris() {
        assertEquals("https://t.example/d/100%25%20done%20%E8%A8%AD.txt",
                UrlPolicy.parseOrNull("https://t.example/d/100% done 設.txt").toASCIIString());
        assertEquals("https://t.example/d/a%20b", UrlPolicy.parseOrNull("https://t.example/d/a%20b").toString());
        assertEquals("https://s3.example/b/x.png", UrlPolicy.forRecord("https://user:pw@s3.example/b/x.png?X-Amz-"
                + "Signature=secret#frag"));
    }

    @Test
    void limitsParseTimesAndSizesAndBackoffIsBounded() {
        assertEquals(Duration.ofMillis(500), Limits.duration("--read-timeout", "500ms"));
        assertEquals(Duration.ofMinutes(2), Limits.duration("--read-timeout", "2m"));
        assertEquals(Duration.ofSeconds(45), Limits.duration("--read-timeout", "45"));
        assertEquals(20L << 20, Limits.size("--max-size", "20M"));
        assertEquals(2L << 30, Limits.size("--max-size", "2GiB"));
        assertEquals(1234, Limits.size("--max-size", "1234"));
        assertThrows(SourceException.class, () -> Limits.size("--max-size", "lots"));
        assertThrows(SourceException.class, () -> Limits.duration("--read-timeout", "0s"));
        java.time.ZonedDateTime now = java.time.ZonedDateTime.parse("2026-12-01T10:00:00Z");
        assertEquals(Duration.ofSeconds(120), Downloader.retryAfter(" 120 ", now));
        assertEquals(Duration.ofSeconds(90), Downloader.retryAfter("Tue, 01 Dec 2026 10:01:30 GMT", now));
        assertEquals(Duration.ZERO, Downloader.retryAfter("Tue, 01 Dec 2026 09:00:00 GMT", now));
        assertEquals(Duration.ZERO, Downloader.retryAfter("-5", now));
        assertNull(Downloader.retryAfter("soon", now));
        assertEquals(Duration.ofSeconds(1), Downloader.backoff(0));
        assertEquals(Duration.ofSeconds(8), Downloader.backoff(3));
        assertEquals(Duration.ofSeconds(30), Downloader.backoff(40));
    }
}
