package io.kaitenimport.source.wiki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tree of a folder-shaped wiki: a page file {@code X.md} with a sibling folder {@code X/} is a parent whose
 * children are in that folder (Notion, Outline, GitBook); any other folder that holds pages is a folder; folders
 * holding only files (uploads, attachments) are not part of the tree. Siblings are in name order, pages and
 * folders mixed, compared without case — the order a file browser shows.
 */
final class TreeBuilder {
    private final Map<String, List<String>> filesIn = new HashMap<>();
    private final Map<String, List<String>> foldersIn = new HashMap<>();
    private final Predicate<String> isPage;
    private final Function<String, String> title;
    private final Function<String, String> pageId;
    private final Set<String> used = new HashSet<>();
    private Function<String, String> companion = TreeBuilder::stem;

    TreeBuilder(WikiFiles files, Predicate<String> isPage, Function<String, String> title,
                Function<String, String> pageId) {
        this.isPage = isPage;
        this.title = title;
        this.pageId = pageId;
        for (String f : files.files().keySet()) {
            filesIn.computeIfAbsent(Links.folderOf(f), k -> new ArrayList<>()).add(f);
        }
        for (String d : files.folders()) {
            foldersIn.computeIfAbsent(Links.folderOf(d), k -> new ArrayList<>()).add(d);
        }
    }

    /** The name of a page's child folder, from the page file's name (default: the name without extension). */
    TreeBuilder companion(Function<String, String> nameOfFolder) {
        this.companion = nameOfFolder;
        return this;
    }

    static String name(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    static String stem(String relative) {
        String n = name(relative);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    List<WikiNode> build(String folder) {
        record Entry(String sortKey, String path, boolean page) {
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> companions = new HashSet<>();
        for (String f : filesIn.getOrDefault(folder, List.of())) {
            if (isPage.test(f)) {
                entries.add(new Entry(stem(f), f, true));
                companions.add((folder.isEmpty() ? "" : folder + "/") + companion.apply(f));
            }
        }
        for (String d : foldersIn.getOrDefault(folder, List.of())) {
            if (!companions.contains(d)) {
                entries.add(new Entry(name(d), d, false));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.sortKey().toLowerCase(Locale.ROOT))
                .thenComparing(Entry::sortKey).thenComparing(e -> e.page() ? 0 : 1));
        List<WikiNode> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.page()) {
                WikiNode page = WikiNode.page(pageId.apply(e.path()), title.apply(e.path()), e.path());
                String children = (folder.isEmpty() ? "" : folder + "/") + companion.apply(e.path());
                if (used.add(children)) {
                    build(children).forEach(page::add);
                }
                out.add(page);
            } else {
                List<WikiNode> children = build(e.path());
                if (!children.isEmpty()) {
                    WikiNode f = WikiNode.folder("folder-" + WikiRun.hash(e.path()), name(e.path()), e.path());
                    children.forEach(f::add);
                    out.add(f);
                }
            }
        }
        return out;
    }
}
