package io.kaitenimport.source;

import io.kaitenimport.emit.ModelSink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of export (csv, xlsx, trello, jira). Adapters know their source format and the mapping; they know
 * nothing about package files, zips or validation. Registered in {@link SourceAdapters}.
 */
public interface SourceAdapter {

    /** The name users pass to {@code --from}. */
    String name();

    /**
     * A cheap sniff: the file name and its first bytes (up to 64 KiB, fewer for small files). Must not read the
     * file itself; return true only when confident.
     */
    boolean detect(Path input, byte[] head);

    /**
     * Streams the export's records into {@code sink}. Problems that still allow a package go to
     * {@code context.report()}; values the package cannot carry go to {@code context.report().losses()}.
     *
     * @throws SourceException when the input cannot be converted at all
     */
    void read(SourceContext context, ModelSink sink) throws IOException;
}
