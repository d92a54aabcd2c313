package io.kaitenimport.emit;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs a staged package directory into a zip that is byte-identical for identical content: meta-data.json first,
 * then the other files in path order, every entry with the same timestamp and no extra time fields.
 */
public final class PackageZip {
    private PackageZip() {
    }

    /**
     * Zip stores local DOS time; computing the millis from the local zone makes the stored fields read
     * 2000-01-01 00:00 on every machine whatever its time zone.
     */
    static long fixedTime() {
        return LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    public static void write(Path dir, Path zip) throws IOException {
        List<String> names = new ArrayList<>(FileTrees.relativeFiles(dir));
        names.remove(PackageWriter.META);
        names.add(0, PackageWriter.META);
        long time = fixedTime();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            out.setEncoding("UTF-8");
            for (String name : names) {
                Path file = dir.resolve(name);
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setTime(time);
                entry.setSize(Files.size(file));
                entry.setMethod(ZipArchiveEntry.DEFLATED);
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
            out.finish();
        }
    }
}
