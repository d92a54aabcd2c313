package io.kaitenimport.preflight;

import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.model.Entity;
import io.kaitenimport.model.MappingEntry;
import io.kaitenimport.validate.PackageException;
import io.kaitenimport.validate.PackageReader;
import io.kaitenimport.validate.Validator;
import io.kaitenimport.validate.ZipLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a package again with the pre-flight's mappings: every file copied unchanged, the mapping files
 * replaced, meta-data.json rebuilt — staged, validated, and published only when valid (or forced), with the same
 * atomic and deterministic rules as convert ({@link PackageWriter}).
 */
public final class PackageRewriter {
    private PackageRewriter() {
    }

    /** @return whether the package was published at {@code output} */
    public static boolean rewrite(Path input, PackageFacts facts, Preflight.Mappings mappings, Path output,
                                  boolean force, Report report) throws IOException {
        Map<String, Entity> entityOf = new HashMap<>();
        facts.files().forEach((e, names) -> names.forEach(n -> entityOf.putIfAbsent(n, e)));
        try (PackageWriter writer = new PackageWriter(output, Integer.MAX_VALUE);
             PackageReader reader = PackageReader.open(input, ZipLimits.DEFAULT)) {
            for (String name : reader.names()) {
                Entity e = entityOf.get(name);
                if (name.equals(PackageWriter.META) || e != null && e.isMapping()) {
                    continue;
                }
                try (InputStream in = reader.open(name)) {
                    writer.copyFile(e, name, in);
                }
            }
            for (Map.Entry<String, Long> m : mappings.properties().entrySet()) {
                writer.accept(new MappingEntry(Entity.PROPERTIES_MAPPING, m.getKey(), m.getValue()));
            }
            for (Map.Entry<String, Long> m : mappings.columns().entrySet()) {
                writer.accept(new MappingEntry(Entity.COLUMNS_MAPPING, m.getKey(), m.getValue()));
            }
            writer.finish();
            Validator.validate(writer.stage(), report).counts().forEach(report::count);
            boolean ok = report.errors() == 0 || force;
            if (ok) {
                writer.publish(output);
            }
            return ok;
        } catch (PackageException e) {
            throw new SourceException(e.issue().location(), e.issue().message());
        }
    }
}
