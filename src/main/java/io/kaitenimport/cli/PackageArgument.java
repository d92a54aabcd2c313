package io.kaitenimport.cli;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.SourceAdapters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The PACKAGE argument of validate, inspect and preflight, and the package outputs of convert and preflight. */
final class PackageArgument {
    private PackageArgument() {
    }

    /** Refuses, before any work, an output that is neither a .zip nor an earlier package folder. */
    static void requireReplaceable(Path output) throws IOException {
        try {
            io.kaitenimport.emit.PackageWriter.checkReplaceable(output);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new SourceException(Location.file(output.toString()), e.getReason());
        }
    }

    static void requireExists(Path pkg) {
        if (!Files.exists(pkg)) {
            throw new SourceException(Location.file(pkg.toString()), "no such file or directory");
        }
        exportInsteadOfPackage(pkg);
    }

    /**
     * An export given where a package is expected (validate tasks.csv) is a wrong command, not an invalid
     * package: say which command reads it.
     */
    private static void exportInsteadOfPackage(Path pkg) {
        if (!Files.isRegularFile(pkg)) {
            return;
        }
        String name = pkg.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(pkg)) {
            head = in.readNBytes(4);
        } catch (IOException e) {
            return;
        }
        boolean zip = head.length >= 2 && head[0] == 'P' && head[1] == 'K';
        if (zip && !name.endsWith(".xlsx") && !name.endsWith(".xlsm")) {
            return;
        }
        String kind;
        try {
            kind = SourceAdapters.standard().plan(null, List.of(pkg)).get(0).adapter().describe();
        } catch (IOException | RuntimeException e) {
            return;
        }
        throw new SourceException(Location.file(pkg.toString()), "is a " + kind + ", not a package; convert it "
                + "first: kaiten-import convert " + pkg);
    }
}
