package io.kaitenimport.source;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of export (csv, xlsx, trello, jira). Adapters know their source format and the mapping; they know
 * nothing about package files, zips or validation. A new source is a package under {@code source/}, one line in
 * {@code pipeline.SourceAdapters}, its options classes and its mapping file.
 */
public interface SourceAdapter {

    /** The name users pass to {@code --from}. */
    String name();

    /** One line for {@code --help} and error messages: what this adapter reads. */
    default String describe() {
        return name() + " export";
    }

    /**
     * A cheap sniff: the file name and its first bytes (up to 64 KiB, fewer for small files; empty for a folder).
     * Must not read the file itself; return true only when confident.
     */
    boolean detect(Path input, byte[] head);

    /**
     * Whether one conversion may take several EXPORT arguments (merged into one package). Adapters that read one
     * file say no, and the pipeline refuses a second input instead of ignoring it.
     */
    default boolean acceptsSeveral() {
        return false;
    }

    /**
     * Whether every conversion of this source makes its own space (a wiki does; boards get one only with
     * {@code --space}). When several exports go into one package without {@code --space}, the others get a space
     * named after their file so that each input keeps its own.
     */
    default boolean makesOwnSpace() {
        return false;
    }

    /**
     * The files one EXPORT argument stands for. By default an argument must be a readable file; adapters that read
     * folders (Jira's folder of search results) expand them here.
     */
    default List<Path> expand(Path argument) throws IOException {
        if (Files.isDirectory(argument)) {
            throw new SourceException(Location.file(argument.toString()),
                    "is a folder; a " + describe() + " is one file");
        }
        return List.of(argument);
    }

    /**
     * The option classes this adapter reads through {@link SourceContext#options(Class)}: picocli-annotated,
     * public no-arg constructor. The CLI shows each as a section of {@code convert --help}, and warns when one is
     * given for an export of another kind.
     */
    default List<Class<?>> optionTypes() {
        return List.of();
    }

    /**
     * Streams the export's records into {@code sink}. Problems that still allow a package go to
     * {@code context.report()}; values the package cannot carry go to {@code context.report().losses()}.
     *
     * @throws SourceException when the input cannot be converted at all
     */
    void read(SourceContext context, ModelSink sink) throws IOException;
}
