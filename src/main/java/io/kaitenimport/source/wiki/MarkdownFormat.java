package io.kaitenimport.source.wiki;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A plain folder of Markdown (Outline, GitBook, Docusaurus, a repository's docs): every {@code .md} file is a
 * page titled by its file name, {@code X.md} + {@code X/} is a parent and its children, relative links and
 * images ({@code img.png}, {@code ./img.png}, {@code ../uploads/…}) resolve against the page's folder.
 */
class MarkdownFormat implements WikiFormat {
    static boolean markdown(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown");
    }

    @Override
    public boolean claims(List<String> names) {
        return names.stream().anyMatch(MarkdownFormat::markdown);
    }

    @Override
    public List<WikiNode> tree(WikiFiles files, WikiRun run) {
        return new TreeBuilder(files, MarkdownFormat::markdown, TreeBuilder::stem, p -> "doc-" + WikiRun.hash(p))
                .build("");
    }

    @Override
    public Rendered render(WikiNode page, WikiRun run) throws IOException {
        String text = run.text(page.file);
        return Rendered.markdown(rewrite(page, text, run));
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
