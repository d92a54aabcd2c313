package io.kaitenimport.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.CompiledSchema;
import io.kaitenimport.validate.schema.SchemaCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON Schemas of the package format, compiled once and shared. Schemas are found by their {@code $id}
 * ({@code https://kaiten-import.local/schemas/<file>}), so a schema may {@code $ref} another by that address and
 * nothing is ever fetched from the network.
 */
public final class SchemaCatalog {
    public static final String BASE = "https://kaiten-import.local/schemas/";
    public static final String META_FILE = "meta-data.schema.json";

    private static volatile SchemaCatalog standard;

    /** networknt, made on first use: building it costs about a third of a second, and a valid package never needs it. */
    private volatile SchemaRegistry registry;
    private final Function<String, String> source;
    private final String where;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final SchemaCompiler compiler;
    private final Map<Entity, CompiledSchema> records = new ConcurrentHashMap<>();
    private final Map<String, CompiledSchema> prechecks = new ConcurrentHashMap<>();

    private SchemaCatalog(Function<String, String> source, String where) {
        // Each file is read once (from the jar, usually), however many compilers and checks ask for it.
        Map<String, Optional<String>> texts = new ConcurrentHashMap<>();
        this.source = file -> texts.computeIfAbsent(file, f -> Optional.ofNullable(source.apply(f))).orElse(null);
        this.where = where;
        this.compiler = new SchemaCompiler(BASE, this::byFile);
    }

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    // Draft-07 treats "format" as an annotation unless told otherwise; the import needs real
                    // date-times and emails, so format assertions are switched on here. Pointers match the JSON
                    // Pointers of our Locations.
                    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build();
                    r = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                            b -> b.schemaRegistryConfig(config).schemas(this::byIri));
                    registry = r;
                }
            }
        }
        return r;
    }

    private String byFile(String file) {
        return PackagePaths.isUnsafe(file) ? null : source.apply(file);
    }

    private String byIri(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        String file = iri.substring(BASE.length());
        return PackagePaths.isUnsafe(file) ? null : source.apply(file);
    }

    /** The schemas shipped in the jar under {@code schemas/}, or else the {@code schemas/} folder of the working dir. */
    public static SchemaCatalog standard() {
        SchemaCatalog s = standard;
        if (s == null) {
            synchronized (SchemaCatalog.class) {
                s = standard;
                if (s == null) {
                    s = new SchemaCatalog(SchemaCatalog::classpathOrWorkingDir, "the classpath or ./schemas");
                    standard = s;
                }
            }
        }
        return s;
    }

    /** Schemas read from one folder only (tests, or a user who wants to try changed schemas). */
    public static SchemaCatalog fromDirectory(Path dir) {
        return new SchemaCatalog(file -> readFile(dir.resolve(file)), dir.toString());
    }


    /** networknt's schema of an entity: the tests' oracle for the compiled validator. */
    public Schema forEntity(Entity entity) {
        return forFile(entity.key() + ".schema.json");
    }

    /** networknt's schema of a schema file (tests compare the compiled checks with it). */
    public Schema forFile(String file) {
        return schema(file);
    }

    /**
     * The entity's record schema compiled for the streaming check (see {@code validate/schema}); networknt is the
     * oracle of the differential test.
     */
    public CompiledSchema records(Entity entity) {
        return records.computeIfAbsent(entity, e -> {
            String f = require(e.key() + ".schema.json");
            synchronized (compiler) {
                return compiler.compile(f);
            }
        });
    }

    /**
     * Compiles, ahead of their first use, every check a validation runs: the record schemas and the prechecks of
     * meta-data.json and the mapping files (the CLI does this on a second thread while it reads its options).
     */
    public void compileAll() {
        precheck(META_FILE);
        for (Entity e : Entity.values()) {
            if (e.isMapping()) {
                precheck(e.key() + ".schema.json");
            } else {
                records(e);
            }
        }
    }

    /**
     * The errors of a whole document (meta-data.json, a mapping file) against a schema file, in networknt's shape:
     * a compiled check answers first, and networknt is asked, for its wording, only when that finds something.
     * SchemaPrecheckTest holds the two to the same verdict.
     */
    public List<com.networknt.schema.Error> errors(String file, JsonNode document) {
        return precheck(file).passes(document) ? List.of() : schema(file).validate(document);
    }

    private CompiledSchema precheck(String file) {
        return prechecks.computeIfAbsent(file, f -> SchemaCompiler.precheck(BASE, this::byFile, require(f)));
    }

    private Schema schema(String file) {
        return compiled.computeIfAbsent(file, f -> registry().getSchema(SchemaLocation.of(BASE + require(f))));
    }

    /** The file itself, when it exists: a missing schema is a broken installation, not a problem of the package. */
    private String require(String file) {
        if (source.apply(file) == null) {
            throw new IllegalStateException("schema " + file + " not found in " + where);
        }
        return file;
    }

    private static String classpathOrWorkingDir(String file) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readFile(Path.of("schemas", file));
    }

    private static String readFile(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
