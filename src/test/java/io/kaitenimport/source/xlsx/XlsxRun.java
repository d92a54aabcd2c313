package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.CommonOptions;
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
        return PackageRun.convert(new XlsxSourceAdapter(), options, options.common().usersFile(), work.resolve("pkg"), 50_000,
                workbook);
    }

    static PackageRun convert(Path workbook, Path work) throws IOException {
        return convert(workbook, work, SourceOptions.defaults());
    }

    static SourceOptions withSheet(String sheet) {
        return SourceOptions.of(CommonOptions.defaults(), new XlsxOptions().sheet(sheet));
    }

    static SourceOptions withHidden() {
        return SourceOptions.of(CommonOptions.defaults(), new XlsxOptions().includeHidden(true));
    }

    static SourceOptions withMapping(Path mapping) {
        return SourceOptions.of(CommonOptions.defaults().withMapping(mapping));
    }
}
