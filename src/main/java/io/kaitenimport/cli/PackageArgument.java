package io.kaitenimport.cli;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;

import java.nio.file.Files;
import java.nio.file.Path;

/** The PACKAGE argument of validate and inspect. */
final class PackageArgument {
    private PackageArgument() {
    }

    static void requireExists(Path pkg) {
        if (!Files.exists(pkg)) {
            throw new SourceException(Location.file(pkg.toString()), "no such file or directory");
        }
    }
}
