package io.kaitenimport.source.wiki;

import java.io.IOException;
import java.util.Locale;

/**
 * Markdown pages in folders: every {@code .md} file is a page titled by its file name, {@code X.md} + {@code X/}
 * is a parent and its children, relative links and images ({@code img.png}, {@code ./img.png},
 * {@code ../uploads/…}) resolve against the page's folder. The reading itself is {@link ObsidianFormat}'s.
 */
final class MarkdownFormat {
    private MarkdownFormat() {
    }

    static boolean markdown(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown");
    }

    static String rewrite(WikiNode page, String text, WikiRun run) throws IOException {
        IOException[] failed = new IOException[1];
        String out = Links.rewriteMarkdown(text, (target, image, label) -> {
            try {
                return run.link(page, target, image);
            } catch (IOException e) {
                failed[0] = e;
                return null;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return out;
    }
}
