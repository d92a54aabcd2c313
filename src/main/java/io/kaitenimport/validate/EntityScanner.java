package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.Location;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.validate.schema.CompiledSchema;
import io.kaitenimport.validate.schema.SchemaError;
import io.kaitenimport.emit.Json;
import io.kaitenimport.model.Entity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams one entity file: each record is checked against the entity's compiled schema straight from the token
 * stream, and only the fields the reference rules read are kept and handed to them. A file of a million cards
 * costs the memory of a few batches of ids.
 */
final class EntityScanner {
    private final PackageReader reader;
    private final SchemaCatalog schemas;
    private final Integrity integrity;
    private final Consumer<Issue> out;

    EntityScanner(PackageReader reader, SchemaCatalog schemas, Integrity integrity, Consumer<Issue> out) {
        this.reader = reader;
        this.schemas = schemas;
        this.integrity = integrity;
        this.out = out;
    }

    /**
     * @return how many records the file holds (for a mapping file, how many keys)
     * @throws PackageException when the package must be refused (a size limit hit while inflating)
     */
    long scan(Entity entity, String file) throws PackageException {
        long position = 0;
        boolean inArray = false;
        try (InputStream in = reader.open(file); JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (entity.isMapping()) {
                if (first != JsonToken.START_OBJECT) {
                    notContainer(file, "object mapping external ids to Kaiten ids", first);
                    return 0;
                }
                JsonNode mapping = parser.readValueAsTree();
                out(SchemaErrors.toIssues(schemas.forEntity(entity).validate(mapping),
                        Location.record(file, null, null, ""), null));
                integrity.mapping(entity, file, mapping);
                position = mapping.size();
            } else {
                if (first != JsonToken.START_ARRAY) {
                    notContainer(file, "array of " + entity.key() + " records", first);
                    return 0;
                }
                inArray = true;
                CompiledSchema.Records records = schemas.records(entity).records(parser);
                Set<String> keep = RecordFields.of(entity);
                List<SchemaError> errors = new ArrayList<>();
                try (Handoff handoff = new Handoff(entity, file)) {
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                        if (t == null) {
                            throw new JsonParseException(parser, "unexpected end of file inside the array");
                        }
                        errors.clear();
                        JsonNode record = records.next(keep, errors);
                        handoff.add(position, record, errors.isEmpty() ? List.of()
                                : schemaIssues(errors, file, position, record));
                        position++;
                    }
                }
                inArray = false;
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the "
                        + (entity.isMapping() ? "object" : "array"));
            }
        } catch (JsonProcessingException e) {
            // Syntax errors, and also nesting or size constraints the parser enforces.
            // Inside the array the error belongs to the record being read; elsewhere to the file.
            Location at = Location.record(file, inArray ? position : null, null, null);
            if (e.getLocation() != null) {
                at = at.withLine((long) e.getLocation().getLineNr(), (long) e.getLocation().getColumnNr());
            }
            out.accept(Issue.of(IssueCode.FILE_MALFORMED_JSON, at, io.kaitenimport.emit.JsonErrors.describe(e)));
        } catch (PackageException e) {
            throw e;
        } catch (IOException e) {
            out.accept(Issue.of(IssueCode.PACKAGE_UNREADABLE, Location.file(file), "cannot read " + file + ": "
                    + e.getMessage()));
        }
        return position;
    }

    private static List<Issue> schemaIssues(List<SchemaError> errors, String file, long position, JsonNode record) {
        String id = Ids.ofRecord(record);
        List<Issue> issues = SchemaErrors.fromErrors(errors, Location.record(file, position, id, ""), null);
        if (record.isObject() && id == null) {
            // id.missing says it better than a type or required error on the same field.
            issues.removeIf(i -> "/id".equals(i.location().pointer()));
        }
        return issues;
    }

    /** The one helper thread the reference rules run on, beside the parsing and schema walk of this thread. */
    private static final java.util.concurrent.ExecutorService RULES_THREAD =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kaiten-import-rules");
                t.setDaemon(true);
                return t;
            });

    /**
     * Hands checked records (their kept fields only) and their schema issues to {@link #RULES_THREAD} in batches:
     * this thread parses and walks the schema, the other runs the reference rules, so validation uses both
     * cores. Batches run in file order on the one thread, and every issue goes out from it, so the collector sees
     * the same sequence on every run. At most a few batches are in flight, so memory stays flat.
     */
    private final class Handoff implements AutoCloseable {
        private static final int BATCH = 512;
        private final Entity entity;
        private final String file;
        private final java.util.ArrayDeque<java.util.concurrent.Future<?>> inFlight = new java.util.ArrayDeque<>();
        private long[] positions = new long[BATCH];
        private JsonNode[] records = new JsonNode[BATCH];
        private List<Issue> issues = new ArrayList<>();
        private int size;

        Handoff(Entity entity, String file) {
            this.entity = entity;
            this.file = file;
        }

        void add(long position, JsonNode record, List<Issue> recordIssues) {
            positions[size] = position;
            records[size++] = record;
            issues.addAll(recordIssues);
            if (size == BATCH) {
                submit();
            }
        }

        private void submit() {
            long[] p = positions;
            JsonNode[] r = records;
            List<Issue> found = issues;
            int n = size;
            positions = new long[BATCH];
            records = new JsonNode[BATCH];
            issues = new ArrayList<>();
            size = 0;
            inFlight.add(RULES_THREAD.submit(() -> {
                found.forEach(out);
                for (int i = 0; i < n; i++) {
                    integrity.record(entity, file, p[i], r[i]);
                }
            }));
            while (inFlight.size() > 4) {
                collect(inFlight.poll());
            }
        }

        private void collect(java.util.concurrent.Future<?> f) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while validating", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("reference check failed: " + e.getCause(), e.getCause());
            }
        }

        /** Waits for every batch, also when the file turned out malformed half-way (its records were read). */
        @Override
        public void close() {
            if (size > 0) {
                submit();
            }
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll());
            }
        }
    }

    /**
     * Reads a file's records again, for the rare issue that needs details not kept in memory; problems with the
     * file were reported on the first read, so here they only end the walk.
     */
    static void forEachRecord(PackageReader reader, String file, CardGraph.RecordVisitor visitor) {
        try (InputStream in = reader.open(file); JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            long position = 0;
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                visitor.record(file, position++, parser.readValueAsTree());
            }
        } catch (IOException e) {
            // reported by the first pass
        }
    }

    private void notContainer(String file, String expected, JsonToken found) {
        String what = found == null ? "the file is empty"
                : "found " + switch (found) {
                    case START_ARRAY -> "an array";
                    case START_OBJECT -> "an object";
                    case VALUE_STRING -> "a string";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                    case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                    case VALUE_NULL -> "null";
                    default -> found.asString();
                };
        out.accept(Issue.of(IssueCode.FILE_NOT_ARRAY, Location.record(file, null, null, ""),
                expected + " (" + what + ")"));
    }

    private void out(List<Issue> issues) {
        issues.forEach(out);
    }
}
