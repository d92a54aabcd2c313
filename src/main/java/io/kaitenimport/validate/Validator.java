package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.model.Entity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Validates any Kaiten import package, a zip or a directory: meta-data.json, every record against its entity
 * schema, and references between records. Issues go to the caller's consumer in a fixed order; the record counts
 * per entity come back as the result. The validator knows nothing of reports.
 */
public final class Validator {
    /**
     * Referred-to entities first, so that most references resolve while their record streams past and only
     * forward links (card to card, comment to comment, tree parents) wait for the end.
     */
    static final List<Entity> READ_ORDER = List.of(Entity.PROPERTIES_MAPPING, Entity.COLUMNS_MAPPING, Entity.USERS,
            Entity.SPACES, Entity.FOLDERS, Entity.DOCUMENTS, Entity.BOARDS, Entity.COLUMNS, Entity.CUSTOM_FIELDS,
            Entity.CARDS, Entity.COMMENTS, Entity.FILES, Entity.CARD_TIMERS, Entity.DOCUMENT_FILES);

    private final SchemaCatalog schemas;
    private final ZipLimits limits;
    private final int readers;
    private final long spareBytes;

    public Validator(SchemaCatalog schemas, ZipLimits limits) {
        this(schemas, limits, 2);
    }

    /** @param readers entity files read at once, 1 or 2 (tests hold both to the same issues) */
    Validator(SchemaCatalog schemas, ZipLimits limits, int readers) {
        this(schemas, limits, readers, EntityScanner.spareBytes());
    }

    /** @param spareBytes the queues' shared budget ({@link EntityScanner#spareBytes}); tests vary it */
    Validator(SchemaCatalog schemas, ZipLimits limits, int readers, long spareBytes) {
        this.schemas = schemas;
        this.limits = limits;
        this.readers = readers;
        this.spareBytes = spareBytes;
    }

    /** What a validation found besides its issues: the records per entity, from the files as written. */
    public record Validation(Map<Entity, Long> counts) {
        public Validation {
            counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        }
    }

    /** Validates with the shipped schemas and the default zip limits. */
    public static Validation validate(Path packagePath, Consumer<Issue> issueSink) {
        return new Validator(SchemaCatalog.standard(), ZipLimits.DEFAULT).run(packagePath, issueSink);
    }

    public Validation run(Path packagePath, Consumer<Issue> issueSink) {
        IssueCollector issues = new IssueCollector();
        Map<Entity, Long> counts = new EnumMap<>(Entity.class);
        try (PackageReader reader = PackageReader.open(packagePath, limits)) {
            check(reader, issues, counts);
        } catch (PackageException e) {
            issues.accept(e.issue());
        } catch (IOException e) {
            issues.add(IssueCode.PACKAGE_UNREADABLE, Location.file(packagePath.toString()), e.getMessage());
        }
        issues.flushTo(issueSink);
        return new Validation(counts);
    }

    private void check(PackageReader reader, IssueCollector issues, Map<Entity, Long> counts) throws IOException {
        MetaCheck metaCheck = new MetaCheck(reader, schemas, issues);
        MetaData meta = metaCheck.run();
        if (meta == null) {
            return;
        }
        metaCheck.unlisted(meta);
        Set<Entity> toRead = EnumSet.noneOf(Entity.class);
        toRead.addAll(meta.files().keySet());
        Integrity integrity = new Integrity(toRead, reader, issues);
        EntityScanner scanner = new EntityScanner(reader, schemas, integrity, issues, readers, spareBytes);
        try {
            for (Entity entity : READ_ORDER) {
                List<MetaData.EntityFile> files = meta.files().get(entity);
                if (files == null) {
                    continue;
                }
                counts.put(entity, scanner.scan(entity, files.stream().map(MetaData.EntityFile::name).toList()));
                integrity.done(entity);
            }
        } catch (PackageException e) {
            // A limit hit while inflating: nothing read so far can be trusted to be complete, so stop here.
            issues.accept(e.issue());
            return;
        }
        integrity.finish();
    }
}
