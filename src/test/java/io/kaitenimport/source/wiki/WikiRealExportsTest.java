package io.kaitenimport.source.wiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaitenimport.cli.Cli;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knowledge-base exports in ../shared/real-exports/docs: every page a document with its body in the package,
 * every referenced file that exists a document file with the same bytes, the folder tree as in the source, and
 * references to what is missing counted. Expected numbers are computed here from the export itself, by simpler
 * means than the converter's (plain regexes, the JDK's URL decoder), and skipped when the folder is absent.
 */
class WikiRealExportsTest {
    static final Path DOCS = Path.of("../shared/real-exports/docs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MD_REF = Pattern.compile("!?\\[[^\\]\\n]*\\]\\(<?([^)>\\s]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern WIKI_REF = Pattern.compile("!?\\[\\[([^\\]\\n]+?)\\]\\]");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // tree, format, page files
        "notion-md-outline, notion, md|csv",
        "notion-html-outline, notion, html",
        "outline-md-testing, markdown, md",
        "obsidian-help-en, obsidian, md",
        "confluence-html-c2md-cz, confluence, html",
    })
    void convertsEveryPageFileAndFolder(String tree, String format, String kinds) throws Exception {
        Path src = DOCS.resolve(tree);
        Assumptions.assumeTrue(Files.isDirectory(src), "real exports not present");
        Path out = Files.createTempDirectory("wiki-real-");
        try {
            Path pkg = out.resolve("pkg");
            Path report = out.resolve("report.json");
            Cli.Run r = Cli.run("convert", src.toString(), "-o", pkg.toString(), "--report-json", report.toString());
            assertEquals(0, r.exit(), r.all());
            JsonNode rep = JSON.readTree(report.toFile());
            assertEquals(format, rep.path("facts").path("source").asText(), rep.path("facts").toString());
            assertEquals(0, rep.path("summary").path("errors").asInt(), r.out());

            Expected want = expected(src, format, List.of(kinds.split("\\|")));
            List<JsonNode> docs = records(pkg, "documents");
            List<JsonNode> folders = records(pkg, "folders");
            List<JsonNode> files = records(pkg, "document_files");

            // every page is a document with a body file in the package
            assertEquals(want.pages.size(), docs.size(), "documents");
            for (JsonNode d : docs) {
                assertTrue(Files.isRegularFile(pkg.resolve(d.path("path").asText())), d.toString());
            }
            // the tree: (title, parent title) pairs of pages and folders, as the source's files and folders say
            Map<String, String> titleOf = new HashMap<>();
            records(pkg, "spaces").forEach(s -> titleOf.put(s.path("id").asText(), "<space>"));
            folders.forEach(f -> titleOf.put(f.path("id").asText(), f.path("title").asText()));
            docs.forEach(d -> titleOf.put(d.path("id").asText(), d.path("title").asText()));
            List<String> got = new ArrayList<>();
            for (JsonNode n : concat(docs, folders)) {
                got.add(n.path("title").asText() + " <- " + titleOf.get(n.path("parent_entity_id").asText()));
            }
            assertEquals(sorted(want.tree), sorted(got), "tree");
            assertEquals(want.folders, folders.size(), "folders");

            // every referenced file that exists: one document file per (page, file), bytes as in the export
            assertEquals(want.files.size(), files.size(), "document files " + want.files);
            for (JsonNode f : files) {
                Path bin = pkg.resolve(f.path("path").asText());
                assertTrue(Files.isRegularFile(bin), f.toString());
            }
            Set<Long> sizes = new HashSet<>();
            for (String f : want.files) {
                sizes.add(Files.size(src.resolve(f.substring(f.indexOf(" -> ") + 4))));
            }
            for (JsonNode f : files) {
                assertTrue(sizes.contains(Files.size(pkg.resolve(f.path("path").asText()))), f.toString());
            }
            // what could not be carried is counted
            assertEquals(want.missing, loss(rep, " file reference"), "missing files");
            assertEquals(want.orphans, loss(rep, " file no page references"), "files no page references");
        } finally {
            io.kaitenimport.emit.FileTrees.delete(out);
        }
    }

    private record Expected(List<String> pages, List<String> tree, int folders, Set<String> files, long missing,
                            long orphans) {
    }

    private static Expected expected(Path src, String format, List<String> kinds) throws IOException {
        List<String> all = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                String rel = Normalizer.normalize(src.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
                if (rel.isEmpty() || Stream.of(rel.split("/")).anyMatch(x -> x.startsWith(".") || x.equals("__MACOSX"))) {
                    continue;
                }
                (Files.isDirectory(p) ? dirs : all).add(rel);
            }
        }
        List<String> pages = new ArrayList<>();
        for (String f : all) {
            String ext = f.substring(f.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!kinds.contains(ext) || f.endsWith("_all.csv")) {
                continue;
            }
            if (format.equals("confluence") && (f.contains("/") || f.equals("index.html"))) {
                continue;
            }
            pages.add(f);
        }
        Map<String, String> pageTitle = new TreeMap<>();
        Map<String, String> confluenceParent = new HashMap<>();
        for (String p : pages) {
            String stem = name(p).substring(0, name(p).lastIndexOf('.'));
            String title = stem.replaceFirst("\\s*[0-9a-f]{32}$", "");
            if (format.equals("confluence")) {
                var doc = Jsoup.parse(src.resolve(p).toFile(), "UTF-8");
                title = doc.title().substring(doc.title().indexOf(" : ") + 3).strip();
                List<Element> crumbs = doc.select("#breadcrumbs a[href]");
                String last = crumbs.get(crumbs.size() - 1).attr("href");
                if (!last.equals("index.html")) {
                    confluenceParent.put(p, last);
                }
            }
            pageTitle.put(p, title);
        }
        // a folder is a page's children when a page file of the same name (Notion: minus _all) sits beside it
        Set<String> companions = new HashSet<>();
        for (String p : pages) {
            companions.add(p.substring(0, p.lastIndexOf('.')));
        }
        List<String> folders = new ArrayList<>();
        for (String d : dirs) {
            boolean hasPages = pages.stream().anyMatch(p -> p.startsWith(d + "/"));
            if (hasPages && !companions.contains(d)) {
                folders.add(d);
            }
        }
        List<String> tree = new ArrayList<>();
        for (String p : pages) {
            String parent = format.equals("confluence")
                    ? (confluenceParent.containsKey(p) ? pageTitle.get(confluenceParent.get(p)) : "<space>")
                    : parentTitle(parent(p), pages, pageTitle);
            tree.add(pageTitle.get(p) + " <- " + parent);
        }
        for (String d : folders) {
            tree.add(name(d) + " <- " + parentTitle(parent(d), pages, pageTitle));
        }
        // references: (page, existing file) pairs, and references to files that do not exist
        Set<String> files = new java.util.TreeSet<>();
        long missing = 0;
        Map<String, List<String>> byName = new HashMap<>();
        for (String f : all) {
            byName.computeIfAbsent(name(f).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
        }
        for (String p : pages) {
            List<String[]> refs = new ArrayList<>(); // target, kind (path|name)
            String text = Files.readString(src.resolve(p));
            if (p.endsWith(".html")) {
                var doc = Jsoup.parse(text);
                Element body = format.equals("confluence") ? doc.selectFirst("#main-content") : doc.body();
                for (Element e : body.select("a[href], img[src]")) {
                    if (!e.attr("src").startsWith("images/icons/")) {
                        refs.add(new String[] {e.hasAttr("href") ? e.attr("href") : e.attr("src"), "path"});
                    }
                }
            } else if (p.endsWith(".md")) {
                String prose = text.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\\n]*`", "");
                Matcher m = MD_REF.matcher(prose);
                while (m.find()) {
                    refs.add(new String[] {m.group(1), "path"});
                }
                if (format.equals("obsidian")) {
                    Matcher w = WIKI_REF.matcher(prose);
                    while (w.find()) {
                        String t = w.group(1).replace("\\|", "|").split("\\|", -1)[0].split("#", -1)[0].strip();
                        refs.add(new String[] {t, "name"});
                    }
                }
            }
            for (String[] ref : refs) {
                String t = ref[0].replaceFirst("[?#].*$", "");
                if (t.isEmpty() || t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || t.startsWith("/")) {
                    continue;
                }
                String found = null;
                if (ref[1].equals("name")) {
                    List<String> c = byName.getOrDefault(name(t).toLowerCase(Locale.ROOT), List.of());
                    if (c.isEmpty() && !byName.containsKey(name(t).toLowerCase(Locale.ROOT) + ".md")
                            && t.matches(".*\\.[A-Za-z0-9]{2,4}$") && !t.endsWith(".md")) {
                        missing++;
                    }
                    found = c.stream().filter(x -> !pages.contains(x))
                            .min((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b))
                            .orElse(null);
                } else {
                    String decoded = URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
                    String rel = normalize(parent(p), decoded);
                    if (rel != null && all.contains(rel)) {
                        found = pages.contains(rel) ? null : rel;
                    } else if (format.equals("obsidian") && byName.containsKey(name(decoded).toLowerCase(Locale.ROOT))) {
                        found = byName.get(name(decoded).toLowerCase(Locale.ROOT)).get(0);
                        found = pages.contains(found) ? null : found;
                    } else if (decoded.matches(".*\\.[A-Za-z0-9]{2,4}$") && !decoded.endsWith(".md")
                            && !decoded.endsWith(".html")) {
                        missing++;
                    }
                }
                if (found != null) {
                    files.add(p + " -> " + found);
                }
            }
        }
        Set<String> referenced = new HashSet<>();
        files.forEach(f -> referenced.add(f.substring(f.indexOf(" -> ") + 4)));
        long orphans = all.stream().filter(f -> !pages.contains(f) && !referenced.contains(f))
                .filter(f -> !f.equals("index.html") && !f.startsWith("styles/") && !f.startsWith("images/")
                        && !f.matches("publish\\.(css|js)|site-options\\.json|favicon.*") && !f.endsWith("_all.csv"))
                .count();
        return new Expected(pages, tree, folders.size(), files, missing, orphans);
    }

    private static String parentTitle(String dir, List<String> pages, Map<String, String> titles) {
        if (dir.isEmpty()) {
            return "<space>";
        }
        for (String p : pages) {
            if (p.substring(0, p.lastIndexOf('.')).equals(dir)) {
                return titles.get(p);
            }
        }
        return name(dir);
    }

    private static String normalize(String base, String target) {
        List<String> parts = new ArrayList<>(base.isEmpty() ? List.of() : List.of(base.split("/")));
        for (String x : target.split("/")) {
            if (x.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!x.isEmpty() && !x.equals(".")) {
                parts.add(x);
            }
        }
        return Normalizer.normalize(String.join("/", parts), Normalizer.Form.NFC);
    }

    private static String name(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    private static String parent(String rel) {
        int i = rel.lastIndexOf('/');
        return i < 0 ? "" : rel.substring(0, i);
    }

    private static List<JsonNode> records(Path pkg, String entity) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; Files.exists(pkg.resolve(entity + "_" + i + ".json")); i++) {
            JSON.readTree(pkg.resolve(entity + "_" + i + ".json").toFile()).forEach(out::add);
        }
        return out;
    }

    private static long loss(JsonNode report, String suffix) {
        long n = 0;
        for (JsonNode l : report.path("data_loss")) {
            if (l.path("source_field").asText().endsWith(suffix)) {
                n += l.path("count").asLong();
            }
        }
        return n;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }
}
