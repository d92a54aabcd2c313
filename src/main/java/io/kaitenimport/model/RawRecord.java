package io.kaitenimport.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A record already in its package shape (a JSON object tree), written as is. Merging several exports rewrites the
 * ids of typed records through their JSON form and hands them on as this.
 */
public record RawRecord(Entity entity, String id, @JsonValue Object json) implements ImportRecord {
}
