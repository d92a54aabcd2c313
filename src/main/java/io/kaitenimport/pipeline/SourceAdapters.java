package io.kaitenimport.pipeline;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The known adapters, in detection order (the most specific sniffers first), and how inputs find theirs. */
public final class SourceAdapters {
    private final List<SourceAdapter> adapters;

    public SourceAdapters(List<SourceAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public static SourceAdapters standard() {
        // One line per source; order matters only for detection. Jira before the wikis: a folder of Jira JSON
        // with a README.md is Jira's.
        List<SourceAdapter> all = new ArrayList<>();
        all.add(new io.kaitenimport.source.trello.TrelloSourceAdapter());
        all.add(new io.kaitenimport.source.jira.JiraSourceAdapter());
        all.add(new io.kaitenimport.source.asana.AsanaSourceAdapter());
        all.addAll(io.kaitenimport.source.wiki.WikiSourceAdapter.all());
        all.add(new io.kaitenimport.source.xlsx.XlsxSourceAdapter());
        all.add(new io.kaitenimport.source.asana.AsanaCsvSourceAdapter());
        all.add(new io.kaitenimport.source.jiracsv.JiraCsvSourceAdapter());
        all.add(new io.kaitenimport.source.csv.CsvSourceAdapter());
        return new SourceAdapters(all);
    }

    public List<SourceAdapter> all() {
        return adapters;
    }

    public Optional<SourceAdapter> byName(String name) {
        return adapters.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<String> names() {
        return adapters.stream().map(SourceAdapter::name).toList();
    }

    /** Every option class any adapter reads, once each, in registration order. */
    public Set<Class<?>> optionTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        adapters.forEach(a -> types.addAll(a.optionTypes()));
        return types;
    }

    /** The names of the adapters that read options of {@code type}. */
    public List<String> usersOf(Class<?> type) {
        return adapters.stream().filter(a -> a.optionTypes().contains(type)).map(SourceAdapter::name).toList();
    }

    /** The adapter for these EXPORT arguments and the files they stand for. */
    public record Choice(SourceAdapter adapter, List<Path> files) {
    }

    /**
     * Chooses the adapter for each EXPORT argument ({@code from}, else detection) and expands the arguments through
     * it. Arguments of a source that takes several files (Jira) stay together as one input, as before; every other
     * argument is an input of its own, and several inputs are merged into one package by the converter.
     */
    public List<Choice> plan(String from, List<Path> arguments) throws IOException {
        for (Path p : arguments) {
            if (!Files.exists(p)) {
                throw new SourceException(Location.file(p.toString()), "no such file");
            }
            if (!Files.isDirectory(p) && !Files.isReadable(p)) {
                throw new SourceException(Location.file(p.toString()), "file is not readable");
            }
        }
        SourceAdapter forced = null;
        if (from != null) {
            forced = byName(from).orElseThrow(() -> new SourceException(Location.NONE,
                    "unknown --from '" + from + "'; use one of " + String.join(", ", names())));
            refuseNonText(forced, arguments);
        }
        List<SourceAdapter> chosen = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        for (Path p : arguments) {
            SourceAdapter adapter = forced != null ? forced : detect(p);
            int together = adapter.acceptsSeveral() ? chosen.indexOf(adapter) : -1;
            if (together >= 0) {
                files.get(together).addAll(adapter.expand(p));
            } else {
                chosen.add(adapter);
                files.add(new ArrayList<>(adapter.expand(p)));
            }
        }
        List<Choice> plan = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            plan.add(new Choice(chosen.get(i), List.copyOf(files.get(i))));
        }
        return plan;
    }

    private SourceAdapter detect(Path input) throws IOException {
        byte[] head = new byte[0];
        if (!Files.isDirectory(input)) {
            if (Files.size(input) == 0) {
                throw new SourceException(Location.file(input.toString()), "file is empty");
            }
            try (InputStream in = Files.newInputStream(input)) {
                head = in.readNBytes(64 * 1024);
            }
        }
        for (SourceAdapter a : adapters) {
            if (a.detect(input, head)) {
                return a;
            }
        }
        String why = new ExportShape(head).unsupported(String.join(", ", names()));
        throw new SourceException(Location.file(input.toString()), why != null ? why
                : "cannot tell what kind of export this is; use --from with one of " + String.join(", ", names()));
    }

    /** {@code --from csv} on a file that is plainly JSON or binary would make nonsense cards with exit 0. */
    private static void refuseNonText(SourceAdapter adapter, List<Path> arguments) throws IOException {
        if (adapter == null || !adapter.name().equals("csv")) {
            return;
        }
        for (Path p : arguments) {
            if (Files.isRegularFile(p)) {
                byte[] head;
                try (InputStream in = Files.newInputStream(p)) {
                    head = in.readNBytes(64 * 1024);
                }
                String why = new ExportShape(head).notCsv();
                if (why != null) {
                    throw new SourceException(Location.file(p.toString()), why);
                }
            }
        }
    }
}
