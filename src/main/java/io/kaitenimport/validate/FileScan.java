package io.kaitenimport.validate;

import io.kaitenimport.emit.Json;
import io.kaitenimport.emit.JsonErrors;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.CompiledSchema;
import io.kaitenimport.validate.schema.SchemaError;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Reads one entity file ahead of the reference rules, on a parse thread: each record is checked against the
 * compiled schema straight from the token stream and only the fields the rules read are kept. Checked records go
 * to a small bounded queue in batches; the validating thread takes them in file order ({@link #drain}), so memory
 * stays flat and the rules see records in the same order on every run.
 */
final class FileScan implements Runnable {
    private static final int BATCH = 512;
    private static final int QUEUED = 4;

    /** A run of checked records; the last one of a file carries its record count or what ended it. */
    private record Batch(long[] positions, JsonNode[] records, int size, List<Issue> issues, boolean last,
                         long count, Issue fileIssue, Throwable failure) {
    }

    private final PackageReader reader;
    private final CompiledSchema schema;
    private final Entity entity;
    private final String file;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean cancelled;

    FileScan(PackageReader reader, CompiledSchema schema, Entity entity, String file) {
        this.reader = reader;
        this.schema = schema;
        this.entity = entity;
        this.file = file;
    }

    /** Stops the parse thread at its next batch (the validation ended early). */
    void cancel() {
        cancelled = true;
        queue.clear();
    }

    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        long position = 0;
        boolean inArray = false;
        Issue fileIssue = null;
        Throwable failure = null;
        long[] positions = new long[BATCH];
        JsonNode[] records = new JsonNode[BATCH];
        List<Issue> issues = new ArrayList<>();
        int size = 0;
        try {
            try (InputStream in = reader.open(file); JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    fileIssue = EntityScanner.notContainer(file, "array of " + entity.key() + " records", first);
                } else {
                    inArray = true;
                    CompiledSchema.Records walk = schema.records(parser);
                    Set<String> keep = RecordFields.of(entity);
                    List<SchemaError> errors = new ArrayList<>();
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                        if (t == null) {
                            throw new JsonParseException(parser, "unexpected end of file inside the array");
                        }
                        errors.clear();
                        JsonNode record = walk.next(keep, errors);
                        if (!errors.isEmpty()) {
                            issues.addAll(EntityScanner.schemaIssues(errors, file, position, record));
                        }
                        positions[size] = position;
                        records[size++] = record;
                        position++;
                        if (size == BATCH) {
                            put(new Batch(positions, records, size, issues, false, 0, null, null));
                            positions = new long[BATCH];
                            records = new JsonNode[BATCH];
                            issues = new ArrayList<>();
                            size = 0;
                        }
                    }
                    inArray = false;
                    if (parser.nextToken() != null) {
                        throw new JsonParseException(parser, "unexpected content after the end of the array");
                    }
                }
            } catch (JsonProcessingException e) {
                // Syntax errors, and also nesting or size constraints the parser enforces.
                // Inside the array the error belongs to the record being read; elsewhere to the file.
                Location at = Location.record(file, inArray ? position : null, null, null);
                if (e.getLocation() != null) {
                    at = at.withLine((long) e.getLocation().getLineNr(), (long) e.getLocation().getColumnNr());
                }
                fileIssue = Issue.of(IssueCode.FILE_MALFORMED_JSON, at, JsonErrors.describe(e));
            } catch (PackageException e) {
                failure = e;
            } catch (IOException e) {
                fileIssue = Issue.of(IssueCode.PACKAGE_UNREADABLE, Location.file(file), "cannot read " + file + ": "
                        + e.getMessage());
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            put(new Batch(positions, records, size, issues, true, position, fileIssue, failure));
        } catch (CancellationException e) {
            // the validating thread has stopped listening
        }
    }

    private void put(Batch b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
    }

    /**
     * Runs on the validating thread: hands every checked record to the rules and every issue to {@code out}, in
     * file order, until the file's end.
     *
     * @return how many records the file holds
     */
    long drain(Integrity integrity, java.util.function.Consumer<Issue> out) throws PackageException {
        while (true) {
            Batch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while validating", e);
            }
            b.issues().forEach(out);
            for (int i = 0; i < b.size(); i++) {
                integrity.record(entity, file, b.positions()[i], b.records()[i]);
            }
            if (b.last()) {
                if (b.failure() instanceof PackageException e) {
                    throw e;
                } else if (b.failure() instanceof Error e) {
                    throw e;
                } else if (b.failure() instanceof RuntimeException e) {
                    throw e;
                }
                if (b.fileIssue() != null) {
                    out.accept(b.fileIssue());
                }
                return b.count();
            }
        }
    }
}
