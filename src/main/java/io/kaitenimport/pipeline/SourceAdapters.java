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
        // One line per source; order matters only for detection.
        return new SourceAdapters(List.of(
                new io.kaitenimport.source.trello.TrelloSourceAdapter(),
                new io.kaitenimport.source.jira.JiraSourceAdapter(),
                new io.kaitenimport.source.xlsx.XlsxSourceAdapter(),
                new io.kaitenimport.source.csv.CsvSourceAdapter()));
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
     * Chooses the adapter ({@code from}, else detection on the first argument), expands the arguments through it
     * and refuses what it cannot take: several inputs for a one-file source, or inputs of different kinds.
     */
    public Choice choose(String from, List<Path> arguments) throws IOException {
        for (Path p : arguments) {
            if (!Files.exists(p)) {
                throw new SourceException(Location.file(p.toString()), "no such file");
            }
            if (!Files.isDirectory(p) && !Files.isReadable(p)) {
                throw new SourceException(Location.file(p.toString()), "file is not readable");
            }
        }
        SourceAdapter adapter;
        if (from != null) {
            adapter = byName(from).orElseThrow(() -> new SourceException(Location.NONE,
                    "unknown --from '" + from + "'; use one of " + String.join(", ", names())));
        } else {
            adapter = detect(arguments.get(0));
        }
        if (arguments.size() > 1 && !adapter.acceptsSeveral()) {
            throw new SourceException(Location.file(arguments.get(1).toString()), "a " + adapter.describe()
                    + " is converted one file at a time; got " + arguments.size() + " inputs. Convert each into its "
                    + "own package");
        }
        if (from == null) {
            for (Path p : arguments.subList(1, arguments.size())) {
                SourceAdapter other = detect(p);
                if (other != adapter) {
                    throw new SourceException(Location.file(p.toString()), "is a " + other.describe() + ", but "
                            + arguments.get(0) + " is a " + adapter.describe() + "; one conversion takes one kind of "
                            + "export");
                }
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path p : arguments) {
            files.addAll(adapter.expand(p));
        }
        return new Choice(adapter, files);
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
        throw new SourceException(Location.file(input.toString()),
                "cannot tell what kind of export this is; use --from with one of " + String.join(", ", names()));
    }
}
