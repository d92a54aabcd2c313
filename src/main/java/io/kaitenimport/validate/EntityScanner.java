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
 * Streams an entity's files: each record is checked against the entity's compiled schema straight from the token
 * stream ({@link FileScan}), and only the fields the reference rules read are kept and handed to them. A file of a
 * million cards costs the memory of a few batches of ids.
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

    /** The threads that read entity files ahead of the reference rules (two: the machine's cores). */
    private static final java.util.concurrent.ExecutorService PARSERS =
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "kaiten-import-parse");
                t.setDaemon(true);
                return t;
            });

    /**
     * Scans all files of one entity. Record files are parsed and schema-checked on the parse threads, up to two
     * files at once and a few batches ahead, while this thread runs the reference rules on them in file order:
     * validation keeps both cores busy and its issues come out in the same order on every run.
     *
     * @return how many records the files hold (for mapping files, how many keys)
     * @throws PackageException when the package must be refused (a size limit hit while inflating)
     */
    long scanAll(Entity entity, List<String> files) throws PackageException {
        long records = 0;
        if (entity.isMapping()) {
            for (String f : files) {
                records += scanMapping(entity, f);
            }
            return records;
        }
        CompiledSchema schema = schemas.records(entity);
        List<FileScan> scans = new ArrayList<>();
        try {
            for (String f : files) {
                FileScan scan = new FileScan(reader, schema, entity, f);
                scans.add(scan);
                PARSERS.execute(scan);
            }
            for (FileScan scan : scans) {
                records += scan.drain(integrity, out);
            }
        } finally {
            scans.forEach(FileScan::cancel);
        }
        return records;
    }

    /** A mapping file: one small object, read whole and checked by networknt. */
    private long scanMapping(Entity entity, String file) throws PackageException {
        long keys = 0;
        try (InputStream in = reader.open(file); JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.accept(notContainer(file, "object mapping external ids to Kaiten ids", first));
                return 0;
            }
            JsonNode mapping = parser.readValueAsTree();
            out(SchemaErrors.toIssues(schemas.forEntity(entity).validate(mapping),
                    Location.record(file, null, null, ""), null));
            integrity.mapping(entity, file, mapping);
            keys = mapping.size();
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the object");
            }
        } catch (JsonProcessingException e) {
            Location at = Location.record(file, null, null, null);
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
        return keys;
    }

    static List<Issue> schemaIssues(List<SchemaError> errors, String file, long position, JsonNode record) {
        String id = Ids.ofRecord(record);
        List<Issue> issues = SchemaErrors.fromErrors(errors, Location.record(file, position, id, ""), null);
        if (record.isObject() && id == null) {
            // id.missing says it better than a type or required error on the same field.
            issues.removeIf(i -> "/id".equals(i.location().pointer()));
        }
        return issues;
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

    static Issue notContainer(String file, String expected, JsonToken found) {
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

    private void out(List<Issue> issues) {
        issues.forEach(out);
    }
}
