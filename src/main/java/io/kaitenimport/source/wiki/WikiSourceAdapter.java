package io.kaitenimport.source.wiki;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code --from notion|confluence|obsidian|markdown}: a knowledge base, as a folder or a zip, → a space with folders,
 * documents (bodies in the package, Markdown where possible) and document files. Detection reads file names only:
 * Notion's {@code Title <32-hex id>} names, Confluence's {@code index.html} beside numbered pages, an Obsidian
 * vault's {@code .obsidian/} or Publish files, else any {@code .md} file.
 */
public final class WikiSourceAdapter implements SourceAdapter {
    private static final int SNIFF_NAMES = 5000;

    private final String name;
    private final String describe;
    private final Supplier<WikiFormat> format;

    private WikiSourceAdapter(String name, String describe, Supplier<WikiFormat> format) {
        this.name = name;
        this.describe = describe;
        this.format = format;
    }

    /** The four wiki sources, in detection order (the most specific names first). */
    public static List<SourceAdapter> all() {
        return List.of(
                new WikiSourceAdapter("notion", "Notion export (Markdown & CSV or HTML)", NotionFormat::new),
                new WikiSourceAdapter("confluence", "Confluence space HTML export", ConfluenceFormat::new),
                new WikiSourceAdapter("obsidian", "Obsidian vault", () -> new ObsidianFormat(true)),
                new WikiSourceAdapter("markdown", "folder of Markdown pages", () -> new ObsidianFormat(false)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public boolean makesOwnSpace() {
        return true;
    }

    @Override
    public boolean detect(Path input, byte[] head) {
        boolean zip = !Files.isDirectory(input) && head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        if (!zip && !Files.isDirectory(input)) {
            return false;
        }
        List<String> names = WikiFiles.names(input, SNIFF_NAMES);
        if (zip && !names.isEmpty() && names.stream().allMatch(n -> n.toLowerCase(Locale.ROOT).endsWith(".zip"))) {
            return name.equals("notion"); // Notion's multi-part export: a zip of Export-…-Part-N.zip
        }
        for (SourceAdapter a : all()) {
            WikiSourceAdapter w = (WikiSourceAdapter) a;
            if (w.format.get().claims(names)) {
                return w.name.equals(name);
            }
        }
        return false;
    }

    @Override
    public List<Path> expand(Path argument) throws IOException {
        return List.of(argument);
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        Path input = ctx.input();
        if (!Files.isDirectory(input) && !input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new SourceException(Location.file(input.toString()), "a " + describe + " is a folder or a .zip");
        }
        try (WikiFiles files = WikiFiles.open(input)) {
            WikiFormat f = format.get();
            WikiRun run = new WikiRun(ctx, sink, files);
            run.sourceName = name;
            List<WikiNode> tree = f.tree(files, run);
            if (tree.isEmpty()) {
                throw new SourceException(Location.file(input.toString()), "has no pages a " + describe
                        + " would have");
            }
            run.write(f.title(files, run), tree, f);
        }
    }
}
