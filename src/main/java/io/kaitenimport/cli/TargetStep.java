package io.kaitenimport.cli;

import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Report;
import io.kaitenimport.model.Entity;
import io.kaitenimport.model.MappingEntry;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.preflight.PackageFacts;
import io.kaitenimport.preflight.Preflight;
import io.kaitenimport.preflight.PropertyMap;
import io.kaitenimport.preflight.TargetSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code convert --target}: the pre-flight run on the freshly finished package, before it is validated, so the
 * one report carries conversion and target findings and the package is validated once, mappings included.
 */
record TargetStep(TargetOptions target, PropertyMap propertyMap, Consumer<String> progress)
        implements Converter.PackageStep {
    @Override
    public void apply(Path stage, PackageWriter writer, Report report) throws IOException {
        PackageFacts facts = PackageFacts.read(stage);
        Preflight.Options options = new Preflight.Options(target.packageBoard, propertyMap);
        TargetSnapshot snapshot = target.read(facts, options, progress);
        Preflight.Mappings mappings = Preflight.analyse(facts, snapshot, options, report);
        for (Map.Entry<String, Long> m : mappings.properties().entrySet()) {
            writer.accept(new MappingEntry(Entity.PROPERTIES_MAPPING, m.getKey(), m.getValue()));
        }
        for (Map.Entry<String, Long> m : mappings.columns().entrySet()) {
            writer.accept(new MappingEntry(Entity.COLUMNS_MAPPING, m.getKey(), m.getValue()));
        }
    }
}
