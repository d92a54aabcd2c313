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
import io.kaitenimport.validate.schema.KeptRecord;
import io.kaitenimport.validate.schema.SchemaError;
import io.kaitenimport.emit.Json;
import io.kaitenimport.model.Entity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Streams an entity's files: each record is checked against the entity's compiled schema straight from the token
 * stream, and only the fields the reference rules read are kept and handed to them. A file of a million cards
 * costs the memory of a few batches of ids. The work is spread over the two cores: two files are read at once when
 * an entity has several (card shards), and the reference rules run beside the reading.
 */
final class EntityScanner {
    private final PackageReader reader;
    private final SchemaCatalog schemas;
    private final Integrity integrity;
    private final Consumer<Issue> out;
    private final int readers;
    private final long spareBytes;

    EntityScanner(PackageReader reader, SchemaCatalog schemas, Integrity integrity, Consumer<Issue> out) {
        this(reader, schemas, integrity, out, 2, spareBytes());
    }

    /**
     * @param readers    files read at once (1 or 2): tests compare the two, which must give the same issues
     * @param spareBytes the budget the queues share beyond their own batches ({@link #spareBytes()})
     */
    EntityScanner(PackageReader reader, SchemaCatalog schemas, Integrity integrity, Consumer<Issue> out,
                  int readers, long spareBytes) {
        this.readers = readers;
        this.spareBytes = spareBytes;
        this.reader = reader;
        this.schemas = schemas;
        this.integrity = integrity;
        this.out = out;
    }

    /**
     * Scans one entity's files. Record files are read by up to two threads at once, one file each, while the
     * reference rules take their records strictly in file order on a third ({@link #RULES}): a later file's
     * records wait in its queue until every earlier file has been handed over. So the rules, and with them
     * which of two equal ids counts as the duplicate, see exactly the order a single reader would give. A queue
     * holds a few batches of its own and, beyond them, as many as a budget shared by the entity's queues allows
     * ({@link #spareBytes}), so the second reader goes on with a later file while the rules finish an earlier one.
     *
     * @return how many records the files hold (for a mapping file, how many keys)
     * @throws PackageException when the package must be refused (a size limit hit while inflating)
     */
    long scan(Entity entity, List<String> files) throws PackageException {
        if (entity.isMapping()) {
            long keys = 0;
            for (String f : files) {
                keys += scanMapping(entity, f);
            }
            return keys;
        }
        FileQueue[] queues = new FileQueue[files.size()];
        AtomicLong spare = new AtomicLong(spareBytes);
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new FileQueue(files.get(i), spare);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        long settled = integrity.settle(entity);
        Runnable reader = () -> {
            Integrity.SettledCheck references = integrity.new SettledCheck(entity, settled);
            for (int k = next.getAndIncrement(); k < queues.length && !stop.get(); k = next.getAndIncrement()) {
                scanRecords(entity, queues[k], references, stop);
            }
        };
        Future<Long> rules = RULES.submit(() -> consume(entity, queues, stop));
        Future<?> helper = queues.length > 1 && readers > 1 ? SCAN.submit(reader) : null;
        Throwable failure = null;
        try {
            reader.run();
        } catch (Throwable t) {
            stop.set(true);
            failure = t;
        }
        failure = join(helper, failure, stop);
        try {
            long records = rules.get();
            if (failure == null) {
                return records;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = failure != null ? failure : e;
        } catch (ExecutionException e) {
            // the failure of the earliest failing file, as if the files were read one after another
            failure = failure != null ? failure : e.getCause();
        }
        if (failure instanceof PackageException p) {
            throw p;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException("validation stopped: " + failure, failure);
    }

    private static Throwable join(Future<?> helper, Throwable failure, AtomicBoolean stop) {
        if (helper == null) {
            return failure;
        }
        try {
            helper.get();
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            return failure != null ? failure : e;
        } catch (ExecutionException e) {
            stop.set(true);
            return failure != null ? failure : e.getCause();
        }
        return failure;
    }

    private long scanMapping(Entity entity, String file) throws PackageException {
        try (InputStream in = reader.open(file); JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.accept(notContainer(file, "object mapping external ids to Kaiten ids", first));
                return 0;
            }
            JsonNode mapping = parser.readValueAsTree();
            SchemaErrors.toIssues(schemas.errors(entity.key() + ".schema.json", mapping),
                    Location.record(file, null, null, ""), null).forEach(out);
            integrity.mapping(entity, file, mapping);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the object");
            }
            return mapping.size();
        } catch (JsonProcessingException e) {
            out.accept(malformed(file, null, e));
        } catch (PackageException e) {
            throw e;
        } catch (IOException e) {
            out.accept(unreadable(file, e));
        }
        return 0;
    }

    /**
     * Reads one record file into its queue: each record is checked against the compiled schema straight from the
     * token stream, its references to entities read before are checked here, and only the fields the reference
     * rules read are kept. Problems of the file itself (malformed JSON, unreadable) become issues in the queue,
     * after the records read before them; a refused package or an error ends the queue with it as the failure.
     */
    private void scanRecords(Entity entity, FileQueue q, Integrity.SettledCheck references, AtomicBoolean stop) {
        String file = q.file;
        long position = 0;
        boolean inArray = false;
        Batch batch = new Batch(0);
        try {
            try (InputStream in = reader.open(file); JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    q.offer(notContainer(file, "array of " + entity.key() + " records", first), stop);
                    q.offer(new End(0, null), stop);
                    return;
                }
                inArray = true;
                CompiledSchema.Records records = schemas.records(entity).records(parser, RecordFields.of(entity));
                List<SchemaError> errors = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) {
                        throw new JsonParseException(parser, "unexpected end of file inside the array");
                    }
                    errors.clear();
                    JsonNode record = records.next(errors);
                    batch.add(record, errors.isEmpty() ? List.of()
                            : schemaIssues(errors, file, position, record));
                    references.check(file, position, record, batch.issues);
                    batch.weight += weight(record);
                    position++;
                    if (batch.size == Batch.SIZE) {
                        q.offer(batch, stop);
                        batch = new Batch(position);
                    }
                }
                inArray = false;
                if (parser.nextToken() != null) {
                    throw new JsonParseException(parser, "unexpected content after the end of the array");
                }
            } catch (JsonProcessingException e) {
                // Syntax errors, and also nesting or size constraints the parser enforces.
                // Inside the array the error belongs to the record being read; elsewhere to the file.
                q.flush(batch, stop);
                batch = null;
                q.offer(malformed(file, inArray ? position : null, e), stop);
            } catch (PackageException e) {
                q.flush(batch, stop);
                q.offer(new End(position, e), stop);
                return;
            } catch (IOException e) {
                q.flush(batch, stop);
                batch = null;
                q.offer(unreadable(file, e), stop);
            }
            q.flush(batch, stop);
            q.offer(new End(position, null), stop);
        } catch (Cancelled e) {
            // the rules side stopped at an earlier file and will not read this one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            // An Error (out of memory, stack overflow) or a bug: it ends the validation, in file order.
            try {
                q.offer(new End(position, t), stop);
            } catch (Cancelled ignored) {
                // as above
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Issue malformed(String file, Long position, JsonProcessingException e) {
        Location at = Location.record(file, position, null, null);
        if (e.getLocation() != null) {
            at = at.withLine((long) e.getLocation().getLineNr(), (long) e.getLocation().getColumnNr());
        }
        return Issue.of(IssueCode.FILE_MALFORMED_JSON, at, io.kaitenimport.emit.JsonErrors.describe(e));
    }

    private static Issue unreadable(String file, IOException e) {
        return Issue.of(IssueCode.PACKAGE_UNREADABLE, Location.file(file), "cannot read " + file + ": "
                + e.getMessage());
    }

    /**
     * The rules side: takes each file's queue in turn, to its end, and returns the records in all files. A file
     * whose queue ends in a failure stops it there: that failure is thrown, and no later file is read.
     */
    private long consume(Entity entity, FileQueue[] queues, AtomicBoolean stop) throws Exception {
        long total = 0;
        try {
            for (FileQueue q : queues) {
                for (Object item = q.take(stop); item != null; item = q.take(stop)) {
                    if (item instanceof Batch b) {
                        b.issues.forEach(out);
                        for (int i = 0; i < b.size; i++) {
                            integrity.record(entity, q.file, b.first + i, b.records[i]);
                        }
                    } else if (item instanceof Issue issue) {
                        out.accept(issue);
                    } else {
                        End end = (End) item;
                        if (end.failure instanceof Exception e) {
                            throw e;
                        }
                        if (end.failure instanceof Error e) {
                            throw e;
                        }
                        if (end.failure != null) {
                            throw new IllegalStateException("validation stopped: " + end.failure, end.failure);
                        }
                        total += end.records;
                        break;
                    }
                }
                if (stop.get()) {
                    break; // a reader failed outside its file; the caller has the failure
                }
            }
        } catch (Exception | Error e) {
            stop.set(true);
            throw e;
        }
        return total;
    }

    /**
     * The budget the queues of one entity share beyond their own {@link FileQueue#CAPACITY} batches, in estimated
     * bytes of the kept fields waiting ({@link #weight}): an eighth of the heap, 32 MB at -Xmx256m. A queued card
     * keeps little more than its id and its links (the reading threads leave out what they checked themselves,
     * {@link Integrity.SettledCheck}): about 400 bytes for the benchmark's cards, so some 80,000 of them, more than
     * a card shard of the default size. Held back to the queues' own batches, the second reader waited half its
     * time for the rules to finish the file before its own (a 200k-card validate: 1.35 s against 1.01 s).
     */
    static long spareBytes() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /**
     * About how many bytes of heap a kept record holds: a String's characters and a node's header per value, an
     * array's slots, a KeptRecord's slots. An estimate for the queue budget; nested values are walked without
     * recursion (a record may nest thousands of levels deep).
     */
    static long weight(JsonNode record) {
        if (record instanceof KeptRecord kept) {
            long w = 96 + 8L * kept.keptFields().size();
            for (int i = 0; i < kept.keptFields().size(); i++) {
                JsonNode v = kept.at(i);
                w += v == null ? 0 : weightOf(v);
            }
            return w;
        }
        return record == null ? 0 : weightOf(record);
    }

    private static long weightOf(JsonNode value) {
        if (value.isTextual()) {
            return 64 + value.textValue().length();
        }
        if (!value.isContainerNode()) {
            return 24;
        }
        long w = 0;
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.push(value);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isTextual()) {
                w += 64 + n.textValue().length();
            } else if (n.isContainerNode()) {
                w += 48 + (n.isObject() ? 48L : 8L) * n.size();
                n.elements().forEachRemaining(todo::push);
            } else {
                w += 24;
            }
        }
        return w;
    }

    /** The records of one file on their way to the rules, in order. */
    private static final class FileQueue {
        /**
         * Batches of {@link Batch#SIZE} records a queue may always hold: 8 hold the kept fields of 4,096 records.
         * The file the rules are taking needs no more; a later file may borrow from the shared budget.
         */
        static final int CAPACITY = 8;
        final String file;
        final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        private final AtomicLong spare;
        /** Batches in the queue (borrowed or not). */
        private final AtomicInteger batches = new AtomicInteger();

        FileQueue(String file, AtomicLong spare) {
            this.file = file;
            this.spare = spare;
        }

        /** The next item, or null once the validation is stopped while waiting. */
        Object take(AtomicBoolean stop) throws InterruptedException {
            for (Object item = items.poll(20, TimeUnit.MILLISECONDS); ; item = items.poll(20, TimeUnit.MILLISECONDS)) {
                if (item instanceof Batch b) {
                    batches.decrementAndGet();
                    if (b.borrowed > 0) {
                        spare.addAndGet(b.borrowed);
                    }
                }
                if (item != null || stop.get()) {
                    return item;
                }
            }
        }

        void flush(Batch batch, AtomicBoolean stop) throws InterruptedException {
            if (batch != null && (batch.size > 0 || !batch.issues.isEmpty())) {
                offer(batch, stop);
            }
        }

        /**
         * Queues an item: a batch within the queue's own batches, or beyond them when the shared budget has room
         * for its weight, else once it has. Waits until then; gives up when the rules side has stopped, since it
         * will not take from here again.
         */
        void offer(Object item, AtomicBoolean stop) throws InterruptedException {
            if (item instanceof Batch b) {
                while (batches.get() >= CAPACITY && !borrow(b)) {
                    if (stop.get()) {
                        throw new Cancelled();
                    }
                    Thread.sleep(1);
                }
                batches.incrementAndGet();
            }
            items.add(item);
        }

        private boolean borrow(Batch b) {
            long need = Math.max(1, b.weight);
            if (spare.addAndGet(-need) >= 0) {
                b.borrowed = need;
                return true;
            }
            spare.addAndGet(need);
            return false;
        }
    }

    /** Consecutive records of one file: their kept fields and their schema issues. */
    private static final class Batch {
        static final int SIZE = 512;
        final long first;
        final JsonNode[] records = new JsonNode[SIZE];
        final List<Issue> issues = new ArrayList<>();
        int size;
        /** The records' estimated heap ({@link #weight}). */
        long weight;
        /** What the batch took from the shared budget, given back when the rules take it. */
        long borrowed;

        Batch(long first) {
            this.first = first;
        }

        void add(JsonNode record, List<Issue> recordIssues) {
            records[size++] = record;
            issues.addAll(recordIssues);
        }
    }

    private record End(long records, Throwable failure) {
    }

    /** The rules side stopped (an earlier file failed): the reader leaves its file. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
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

    /** The thread the reference rules run on, beside the reading threads. */
    private static final ExecutorService RULES = daemon("kaiten-import-rules");
    /** The second reading thread (the caller's is the first): both cores parse when an entity has several files. */
    private static final ExecutorService SCAN = daemon("kaiten-import-scan");

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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

    private static Issue notContainer(String file, String expected, JsonToken found) {
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
        return Issue.of(IssueCode.FILE_NOT_ARRAY, Location.record(file, null, null, ""),
                expected + " (" + what + ")");
    }
}
