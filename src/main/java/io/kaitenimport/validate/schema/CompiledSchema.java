package io.kaitenimport.validate.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

/** One entity's record schema, compiled by {@link SchemaCompiler}; immutable and safe to share between threads. */
public final class CompiledSchema {
    private final SchemaNode root;

    CompiledSchema(SchemaNode root) {
        this.root = root;
    }

    /** Checks a whole value already read as a tree. */
    public void check(JsonNode value, List<SchemaError> errors) {
        root.check(value, new Path(), errors);
    }

    /** Whether a whole value passes, with nothing found. */
    public boolean passes(JsonNode value) {
        return root.accepts(value, new Path());
    }

    /**
     * A reader of records from one parser; not thread-safe (one per file being read).
     *
     * @param keep top-level fields to hand back (the rest of an object record is checked and skipped)
     */
    public Records records(JsonParser parser, KeptFields keep) {
        return new Records(new StreamCheck(parser, root, keep));
    }

    public final class Records {
        private final StreamCheck walk;

        private Records(StreamCheck walk) {
            this.walk = walk;
        }

        /**
         * Checks the record at the parser's current token, consuming it, and adds its errors.
         *
         * @return a {@link KeptRecord} with the kept fields only, or the whole value when the record is not an
         *         object (or its schema needs it whole)
         */
        public JsonNode next(List<SchemaError> errors) throws IOException {
            return walk.record(errors);
        }
    }
}
