package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.Location;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import io.kaitenimport.emit.Json;
import io.kaitenimport.model.Entity;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams one entity file: one record in memory at a time, checked against the entity's schema and handed to
 * the integrity rules, then dropped. A file of a million cards costs the memory of its largest card.
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
        Schema schema = schemas.forEntity(entity);
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
                out(SchemaErrors.toIssues(schema.validate(mapping), Location.record(file, null, null, ""), null));
                integrity.mapping(entity, file, mapping);
                position = mapping.size();
            } else {
                if (first != JsonToken.START_ARRAY) {
                    notContainer(file, "array of " + entity.key() + " records", first);
                    return 0;
                }
                inArray = true;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) {
                        throw new JsonParseException(parser, "unexpected end of file inside the array");
                    }
                    JsonNode record = parser.readValueAsTree();
                    record(entity, schema, file, position, record);
                    position++;
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

    private void record(Entity entity, Schema schema, String file, long position, JsonNode record) {
        String id = Ids.ofRecord(record);
        List<Issue> issues = SchemaErrors.toIssues(schema.validate(record),
                Location.record(file, position, id, ""), null);
        if (record.isObject() && id == null) {
            // id.missing says it better than a type or required error on the same field.
            issues.removeIf(i -> "/id".equals(i.location().pointer()));
        }
        out(issues);
        integrity.record(entity, file, position, record);
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
