package io.kaitenimport.emit;

import io.kaitenimport.model.ImportRecord;

import java.io.IOException;

/**
 * Where source adapters put records: any entity, in any order, one at a time. Implementations stream each record
 * to its entity file at once, so an adapter never needs to hold more than the record it is building.
 */
@FunctionalInterface
public interface ModelSink {
    void accept(ImportRecord record) throws IOException;
}
