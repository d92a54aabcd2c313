package io.kaitenimport.emit;

import io.kaitenimport.model.ImportRecord;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where source adapters put records: any entity, in any order, one at a time. Implementations stream each record
 * to its entity file at once, so an adapter never needs to hold more than the record it is building.
 */
@FunctionalInterface
public interface ModelSink {
    void accept(ImportRecord record) throws IOException;

    /**
     * The id a record with source id {@code localId} gets in the package: the same, unless several exports are
     * merged and each gets a prefix. Only text that embeds ids (links between documents) needs to ask.
     */
    default String externalId(String localId) {
        return localId;
    }

    /** Whether {@link #addFile} stores binaries (a package writer does; a test's record list does not). */
    default boolean storesFiles() {
        return false;
    }

    /**
     * Copies {@code source} into the package under {@code <folder>/<owner id>/<name>} and returns the
     * {@code ./}-relative path a record's {@code path} takes. {@code folder} is {@code files} for binaries and
     * {@code documents} for document bodies.
     */
    default String addFile(String folder, String ownerId, String name, Path source) throws IOException {
        throw new UnsupportedOperationException("this sink stores no files");
    }

    /** {@link #addFile} for content made in memory (a document body converted to Markdown). */
    default String addFile(String folder, String ownerId, String name, byte[] content) throws IOException {
        throw new UnsupportedOperationException("this sink stores no files");
    }
}
