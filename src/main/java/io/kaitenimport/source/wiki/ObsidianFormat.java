package io.kaitenimport.source.wiki;

import io.kaitenimport.issue.IssueCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Obsidian vault, or any folder of Markdown (Outline, GitBook, Docusaurus, a repository's docs — Obsidian's
 * conventions are a superset: relative links and images work the same, and {@code [[wikilinks]]} mean nothing
 * else). A vault: Markdown notes in folders, {@code [[wikilinks]]} found by file name anywhere in the vault
 * (the shortest path wins when names repeat, and the ambiguity is reported), {@code #Heading} and
 * {@code #^block} targets, {@code |alias} texts, {@code ![[image.png|100]]} and note/PDF/audio embeds, a central
 * attachments folder, YAML front matter. Publish files (publish.css/js, site-options.json) are not documents.
 */
final class ObsidianFormat implements WikiFormat {
    /** A vault is claimed by its signs; a plain Markdown folder (vault = false) by any .md file. */
    private final boolean vault;

    ObsidianFormat(boolean vault) {
        this.vault = vault;
    }

    private static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]+?)\\]\\]");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n(.*?)\\n---[ \\t]*(\\n|\\z)", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_-]+):", Pattern.MULTILINE);
    private static final Pattern IMAGE = Pattern.compile(".*\\.(png|jpe?g|gif|svg|webp|bmp|avif)$",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, List<String>> byName = new HashMap<>();

    @Override
    public boolean claims(List<String> names) {
        if (!vault) {
            return names.stream().anyMatch(MarkdownFormat::markdown);
        }
        return names.stream().anyMatch(n -> n.startsWith(".obsidian/") || n.contains("/.obsidian/")
                || n.equals("publish.css") || n.equals("site-options.json"));
    }

    @Override
    public List<WikiNode> tree(WikiFiles files, WikiRun run) {
        for (String f : files.files().keySet()) {
            String name = TreeBuilder.name(f).toLowerCase(Locale.ROOT);
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
            if (MarkdownFormat.markdown(f)) {
                byName.computeIfAbsent(TreeBuilder.stem(f).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        byName.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).thenComparing(s -> s)));
        run.byName = this::find;
        return new TreeBuilder(files, MarkdownFormat::markdown, TreeBuilder::stem, p -> "doc-" + WikiRun.hash(p))
                .build("");
    }

    /** A note or file by name (with or without .md) or by vault path; the shortest path among equal names. */
    private String find(String target) {
        String t = target.strip().replace('\\', '/');
        if (t.startsWith("/")) {
            t = t.substring(1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        for (String key : new String[] {name, name + ".md"}) {
            for (String f : byName.getOrDefault(key, List.of())) {
                String fl = f.toLowerCase(Locale.ROOT);
                if (!t.contains("/") || fl.endsWith(lower) || fl.endsWith(lower + ".md")) {
                    return f;
                }
            }
        }
        return null;
    }

    private List<String> candidates(String target) {
        String name = target.strip().toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        List<String> l = byName.getOrDefault(name, List.of());
        return l.isEmpty() ? byName.getOrDefault(name + ".md", List.of()) : l;
    }

    /** Obsidian Publish's site files. */
    @Override
    public boolean furniture(String relative) {
        String n = relative.toLowerCase(Locale.ROOT);
        return vault && (n.equals("publish.css") || n.equals("publish.js") || n.equals("site-options.json")
                || n.startsWith("favicon"));
    }

    @Override
    public Rendered render(WikiNode page, WikiRun run) throws IOException {
        String text = run.text(page.file);
        Matcher fm = FRONT_MATTER.matcher(text);
        if (fm.find()) {
            Matcher k = KEY.matcher(fm.group(1));
            while (k.find()) {
                String key = k.group(1);
                if (key.equals("created") || key.equals("date")) {
                    continue;
                }
                run.ctx.losses().lost(run.sourceName + " front matter " + key, "documents have no such property",
                        run.files.at(page.file));
            }
            Matcher created = Pattern.compile("^(?:created|date):\\s*['\"]?(\\d{4}-\\d{2}-\\d{2})",
                    Pattern.MULTILINE).matcher(fm.group(1));
            if (created.find()) {
                page.created = created.group(1) + "T00:00:00.000Z";
            }
            text = text.substring(fm.end());
        }
        String md = MarkdownFormat.rewrite(page, text, run);
        IOException[] failed = new IOException[1];
        StringBuilder out = new StringBuilder();
        String fence = null;
        for (String line : md.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String t = line.stripLeading();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fence = fence == null ? t.substring(0, 3) : t.startsWith(fence) ? null : fence;
                out.append(line);
                continue;
            }
            if (fence != null) {
                out.append(line);
                continue;
            }
            out.append(Links.outsideCodeSpans(line, part -> {
                try {
                    return wikilinks(part, page, run);
                } catch (IOException e) {
                    failed[0] = e;
                    return part;
                }
            }));
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return Rendered.markdown(out.toString());
    }

    private String wikilinks(String s, WikiNode page, WikiRun run) throws IOException {
        Matcher m = WIKILINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(one(m.group(1).equals("!"), m.group(2), m.group(), page,
                    run)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String one(boolean embed, String inner, String whole, WikiNode page, WikiRun run) throws IOException {
        // inside tables the alias bar is escaped as \|
        String body = inner.replace("\\|", "|");
        int bar = body.indexOf('|');
        String alias = bar < 0 ? null : body.substring(bar + 1).strip();
        String target = bar < 0 ? body : body.substring(0, bar);
        int hash = target.indexOf('#');
        String fragment = hash < 0 ? "" : target.substring(hash + 1).strip();
        String name = (hash < 0 ? target : target.substring(0, hash)).strip();
        String anchor = "";
        if (fragment.startsWith("^")) {
            run.ctx.losses().lost(run.sourceName + " block reference", "documents have no block ids; the link points at "
                    + "the page", run.files.at(page.file));
        } else if (!fragment.isEmpty()) {
            anchor = "#" + fragment.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").strip()
                    .replace(' ', '-');
        }
        String shown = alias != null && !alias.isEmpty() && !(embed && alias.matches("\\d+(x\\d+)?"))
                ? alias : name.isEmpty() ? fragment : fragment.isEmpty() ? name : name + " › " + fragment;
        if (name.isEmpty()) {
            return "[" + escape(shown) + "](" + anchor + ")"; // a heading of this page
        }
        String found = find(name);
        List<String> all = candidates(name);
        if (found != null && all.size() > 1 && !name.contains("/")) {
            run.ctx.issue(IssueCode.SOURCE_REF_AMBIGUOUS, run.files.at(page.file), "[[" + name + "]] matches "
                    + all.size() + " files (" + String.join(", ", all) + "); linked to " + found);
        }
        boolean image = embed && IMAGE.matcher(name).matches();
        String to = run.resolved(page, found, found != null && run.page(found) != null ? anchor : "", name,
                embed && !MarkdownFormat.markdown(found == null ? name + ".md" : found));
        if (to == null) {
            return whole; // counted by the run; the text stays readable
        }
        if (embed && alias != null && alias.matches("\\d+(x\\d+)?")) {
            run.ctx.losses().lost(run.sourceName + " image size", "documents keep the image at its own size",
                    run.files.at(page.file));
        }
        if (embed && found != null && run.page(found) != null) {
            run.ctx.losses().lost(run.sourceName + " note embed", "the embedded note is linked, not shown inline",
                    run.files.at(page.file));
        }
        String dest = Links.destination(to);
        return (image ? "!" : "") + "[" + escape(image ? TreeBuilder.name(name) : shown) + "](" + dest + ")";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }
}
