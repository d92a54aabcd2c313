package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Excel defaults for the shared {@link PackageRun}: the package staged under {@code work/pkg}, option helpers. */
final class XlsxRun {
    private XlsxRun() {
    }

    static PackageRun convert(Path workbook, Path work, SourceOptions options) throws IOException {
        Files.createDirectories(work);
        return PackageRun.convert(new XlsxSourceAdapter(), options, options.usersFile(), work.resolve("pkg"), 50_000,
                workbook);
    }

    static PackageRun convert(Path workbook, Path work) throws IOException {
        return convert(workbook, work, SourceOptions.defaults());
    }

    static SourceOptions withSheet(String sheet) {
        return new SourceOptions(null, null, null, null, null, null, null, null, null, sheet, false, null, false,
                null, false);
    }

    static SourceOptions withHidden() {
        return new SourceOptions(null, null, null, null, null, null, null, null, null, null, true, null, false,
                null, false);
    }

    static SourceOptions withMapping(Path mapping) {
        return new SourceOptions(mapping, null, null, null, null, null, null, null, null, null, false, null, false,
                null, false);
    }
}
