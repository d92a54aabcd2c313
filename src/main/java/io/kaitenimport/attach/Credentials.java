package io.kaitenimport.attach;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets a download may carry, read from the environment or a {@code NAME=value} file (whose values win), and
 * never from the command line (shell history, process lists). Only the variable names ever reach output:
 * {@link #toString()} and {@link #scrub(String)} make sure of it.
 * <ul>
 *   <li>Trello: {@code TRELLO_KEY} + {@code TRELLO_TOKEN}, sent as Trello's documented
 *       {@code Authorization: OAuth oauth_consumer_key="…", oauth_token="…"} header (never as URL parameters).</li>
 *   <li>Jira Cloud: {@code JIRA_EMAIL} + {@code JIRA_API_TOKEN} (basic); Jira Data Center/Server: {@code JIRA_PAT}
 *       (bearer). A site on atlassian.net gets basic when both are set, any other site the PAT.</li>
 * </ul>
 */
public final class Credentials {
    public static final List<String> NAMES = List.of("TRELLO_KEY", "TRELLO_TOKEN", "JIRA_EMAIL", "JIRA_API_TOKEN",
            "JIRA_PAT");

    private final Map<String, String> values;
    private final String origin;

    private Credentials(Map<String, String> values, String origin) {
        this.values = values;
        this.origin = origin;
    }

    public static Credentials none() {
        return new Credentials(Map.of(), "none");
    }

    /** The known variables from {@code env}, overridden by {@code file} when given. */
    public static Credentials load(Map<String, String> env, Path file) throws IOException {
        Map<String, String> v = new HashMap<>();
        for (String n : NAMES) {
            String value = env.get(n);
            if (value != null && !value.isBlank()) {
                v.put(n, value.trim());
            }
        }
        String origin = v.isEmpty() ? "none" : "environment";
        if (file != null) {
            String fname = file.toString();
            if (!Files.isRegularFile(file)) {
                throw new SourceException(Location.file(fname), "no such credentials file");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String name = eq < 0 ? line : line.substring(0, eq).strip();
                if (name.startsWith("export ")) {
                    name = name.substring(7).strip();
                }
                if (eq < 0 || !NAMES.contains(name)) {
                    // the line may hold a secret: name the line, never echo it
                    throw new SourceException(Location.cell(fname, i + 1, null, null), "expected NAME=value with NAME"
                            + " one of " + String.join(", ", NAMES));
                }
                String value = unquote(line.substring(eq + 1).strip());
                if (!value.isEmpty()) {
                    v.put(name, value);
                }
            }
            origin = fname;
        }
        for (Map.Entry<String, String> e : v.entrySet()) {
            if (e.getValue().chars().anyMatch(c -> c < 0x20 || c == '"' || c == 0x7f)) {
                throw new SourceException(Location.NONE, e.getKey() + " contains a quote or control character;"
                        + " it cannot be sent in a header");
            }
        }
        return new Credentials(Map.copyOf(v), origin);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    public boolean has(String source) {
        return "trello".equals(source) ? values.containsKey("TRELLO_KEY") && values.containsKey("TRELLO_TOKEN")
                : jiraBasic() || values.containsKey("JIRA_PAT");
    }

    private boolean jiraBasic() {
        return values.containsKey("JIRA_EMAIL") && values.containsKey("JIRA_API_TOKEN");
    }

    /** The variables a source needs, for messages. */
    public static String needed(String source) {
        return "trello".equals(source) ? "TRELLO_KEY and TRELLO_TOKEN"
                : "JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Jira Data Center/Server)";
    }

    /**
     * The Authorization header for a download the export names at {@code exportUrl}, or null. Trello credentials
     * go only to trello.com URLs (old exports also name public S3 URLs, which need none); Jira credentials to the
     * site the export names. The caller sends it only to that URL's (possibly rewritten) origin.
     */
    public String authorization(String source, URI exportUrl) {
        String host = exportUrl.getHost() == null ? "" : exportUrl.getHost().toLowerCase(Locale.ROOT);
        if ("trello".equals(source)) {
            if (!(host.equals("trello.com") || host.endsWith(".trello.com")) || !has("trello")) {
                return null;
            }
            return "OAuth oauth_consumer_key=\"" + values.get("TRELLO_KEY") + "\", oauth_token=\""
                    + values.get("TRELLO_TOKEN") + "\"";
        }
        boolean cloud = host.endsWith(".atlassian.net");
        if (jiraBasic() && (cloud || !values.containsKey("JIRA_PAT"))) {
            return "Basic " + basic();
        }
        return values.containsKey("JIRA_PAT") ? "Bearer " + values.get("JIRA_PAT") : null;
    }

    private String basic() {
        return Base64.getEncoder().encodeToString((values.get("JIRA_EMAIL") + ":" + values.get("JIRA_API_TOKEN"))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces every secret (and its basic-auth encoding) in text that is about to be shown or written. */
    public String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        List<String> secrets = new ArrayList<>();
        for (String n : List.of("TRELLO_KEY", "TRELLO_TOKEN", "JIRA_API_TOKEN", "JIRA_PAT")) {
            if (values.containsKey(n)) {
                secrets.add(values.get(n));
            }
        }
        if (jiraBasic()) {
            secrets.add(basic());
        }
        String out = text;
        for (String s : secrets) {
            if (s.length() >= 4) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }

    /** Which variables are set and where they came from — names only. */
    @Override
    public String toString() {
        List<String> set = new ArrayList<>();
        for (String n : NAMES) {
            if (values.containsKey(n)) {
                set.add(n);
            }
        }
        return set.isEmpty() ? "none" : String.join(", ", set) + " (from " + origin + ")";
    }
}
