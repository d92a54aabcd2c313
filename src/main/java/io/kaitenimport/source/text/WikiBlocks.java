package io.kaitenimport.source.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outer layer of wiki parsing: macros that may span lines and contain other blocks ({quote}, {panel}) or
 * verbatim text ({code}, {noformat}, {adf}). Text between them goes to {@link WikiLines}.
 * One instance per conversion.
 */
final class WikiBlocks {

    private static final Pattern MACRO =
            Pattern.compile("\\{(code|noformat|quote|panel|adf)(?::([^}\\n]*))?}", Pattern.CASE_INSENSITIVE);
    private static final int MAX_NESTING = 16;
    /** Immutable and thread-safe, unlike a shared ObjectMapper that someone could reconfigure. */
    private static final ObjectReader JSON = new ObjectMapper().reader();

    private final String src;
    private final Losses losses;
    private final WikiLines lines;
    private int pos;

    WikiBlocks(String src, Losses losses) {
        this.src = src;
        this.losses = losses;
        this.lines = new WikiLines(losses);
    }

    String document() {
        return Markdown.joinBlocks(blocks(null, 0));
    }

    /** Parses until the closing {@code {closer}} (or the end), returning rendered blocks. */
    private List<String> blocks(String closer, int nesting) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                pending.append(c).append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '{') {
                Matcher m = MACRO.matcher(src).region(pos, src.length());
                if (m.lookingAt()) {
                    String name = m.group(1).toLowerCase(Locale.ROOT);
                    String params = m.group(2);
                    if (name.equals(closer) && params == null) {
                        flush(pending, out);
                        pos = m.end();
                        return out;
                    }
                    if (name.equals("code") || name.equals("noformat") || name.equals("adf")) {
                        int close = indexOfIgnoreCase(src, "{" + name + "}", m.end());
                        if (close >= 0) {
                            flush(pending, out);
                            out.add(verbatim(name, params, src.substring(m.end(), close)));
                            pos = close + name.length() + 2;
                            continue;
                        }
                        losses.add("wiki.malformed");
                    } else if (nesting < MAX_NESTING) {
                        flush(pending, out);
                        pos = m.end();
                        out.add(container(name, params, blocks(name, nesting + 1)));
                        continue;
                    }
                    pending.append(m.group());
                    pos = m.end();
                    continue;
                }
            }
            pending.append(c);
            pos++;
        }
        flush(pending, out);
        return out;
    }

    private void flush(StringBuilder pending, List<String> out) {
        if (pending.length() > 0) {
            out.addAll(lines.blocks(WikiText.encodeEscapes(pending.toString())));
            pending.setLength(0);
        }
    }

    private String verbatim(String name, String params, String body) {
        // Jira ignores the line break right after the opening tag and right before the closing one
        String text = body.startsWith("\n") ? body.substring(1) : body;
        text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        switch (name) {
            case "adf":
                return adf(text);
            case "noformat":
                return Markdown.fencedCode(text, null);
            default:
                Map<String, String> p = params(params);
                String language = p.getOrDefault("", p.getOrDefault("language", p.get("lang")));
                String fence = Markdown.fencedCode(text, language);
                String title = p.get("title");
                if (title == null || title.isBlank()) {
                    return fence;
                }
                losses.add("wiki.code.title");
                return "**" + Markdown.escapeText(title.strip(), false) + "**\n\n" + fence;
        }
    }

    /** Jira Cloud CSV embeds what wiki markup cannot say as {@code {adf:display=block}<ADF JSON>{adf}}. */
    private String adf(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json.strip());
        } catch (IOException | RuntimeException e) {
            node = null;
        }
        if (node == null || node.isMissingNode() || !node.isContainerNode()) {
            losses.add("wiki.adf");
            return "";
        }
        TextConversion converted = AdfToMarkdown.convert(node);
        losses.addAll(converted.lost());
        return converted.markdown();
    }

    private String container(String name, String params, List<String> inner) {
        if (name.equals("panel")) {
            losses.add("wiki.panel");
            String title = params(params).get("title");
            if (title != null && !title.isBlank()) {
                losses.add("wiki.panel.title");
                inner.add(0, "**" + Markdown.escapeText(title.strip(), false) + "**");
            }
        }
        return Markdown.quote(Markdown.joinBlocks(inner));
    }

    /** {@code java} or {@code title=X|borderStyle=solid}: a bare first value is stored under the empty key. */
    private static Map<String, String> params(String params) {
        Map<String, String> out = new HashMap<>();
        if (params == null) {
            return out;
        }
        for (String part : params.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                out.putIfAbsent("", part.strip());
            } else {
                out.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
