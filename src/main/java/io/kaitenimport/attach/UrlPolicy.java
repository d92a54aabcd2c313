package io.kaitenimport.attach;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs may be fetched and where credentials may go. {@code --rewrite-url FROM=TO} replaces a URL prefix
 * (the first rule that matches, in the order given) — Jira Server exports name internal hosts, old boards hosts
 * that moved. Only HTTPS is fetched, except plain HTTP to a loopback address (a local mirror or test server).
 */
public final class UrlPolicy {
    /** One {@code --rewrite-url FROM=TO} rule. */
    public record Rewrite(String from, String to) {
        public static Rewrite parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new SourceException(Location.NONE, "--rewrite-url expects FROM=TO (two URL prefixes), not '"
                        + spec + "'");
            }
            Rewrite r = new Rewrite(spec.substring(0, eq), spec.substring(eq + 1));
            for (String side : List.of(r.from, r.to)) {
                URI u = parseOrNull(side);
                if (u == null || u.getScheme() == null || u.getHost() == null) {
                    throw new SourceException(Location.NONE, "--rewrite-url: '" + side + "' is not an absolute URL"
                            + " prefix like https://jira.example.com");
                }
            }
            return r;
        }
    }

    private final List<Rewrite> rewrites;

    public UrlPolicy(List<Rewrite> rewrites) {
        this.rewrites = List.copyOf(rewrites);
    }

    /** The URL to fetch for what the export names, after the first matching rewrite. */
    public String rewrite(String url) {
        for (Rewrite r : rewrites) {
            if (url.startsWith(r.from())) {
                return r.to() + url.substring(r.from().length());
            }
        }
        return url;
    }

    /** Why a URL may not be fetched, or null when it may. */
    public static String refusal(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null) {
            return "not an absolute http(s) URL";
        }
        if (scheme.equals("https") || scheme.equals("http") && loopback(u.getHost())) {
            return null;
        }
        return scheme.equals("http") ? "plain http to a host that is not loopback (use https, or --rewrite-url to"
                + " an https or local address)" : "scheme '" + scheme + "' is not fetched (only https)";
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]") || h.equals("::1");
    }

    /** Same scheme, host and port: the only place an Authorization header may follow a redirect to. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * A URI from export text, which may hold spaces, CJK or '%' that is not an escape: parsed as is when it is a
     * valid URI, else with the offending characters percent-encoded.
     */
    public static URI parseOrNull(String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            StringBuilder sb = new StringBuilder();
            byte[] bytes = url.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean escape = b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
                if (b > 0x20 && b < 0x7f && b != '"' && b != '<' && b != '>' && b != '\\' && b != '^' && b != '`'
                        && b != '{' && b != '|' && b != '}' && (b != '%' || escape)) {
                    sb.append((char) b);
                } else {
                    sb.append('%').append(String.format("%02X", b));
                }
            }
            try {
                return new URI(sb.toString());
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }

    private static boolean hex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /** The URL for the manifest and report: no user-info, no query or fragment (pre-signed URLs carry secrets). */
    public static String forRecord(String url) {
        URI u = parseOrNull(url);
        if (u == null || u.getHost() == null) {
            return url == null ? null : url.replaceAll("[?#].*", "").replaceAll("//[^/@]*@", "//");
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "") + u.getRawPath();
    }
}
