package io.kaitenimport.emit;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs a staged package directory into a zip that is byte-identical for identical content: meta-data.json first,
 * then the other files in path order, every entry with the same timestamp and no extra time fields, each deflated
 * at {@link ShardDeflater#LEVEL} as one raw stream (see {@link ShardDeflater}).
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

    /**
     * Packs {@code dir} with files {@code deflater} may already have compressed: every file goes in as a raw
     * entry of its own deflate stream, so the bytes are the same whichever files were compressed early.
     */
    static void write(Path dir, Path zip, ShardDeflater deflater) throws IOException {
        List<String> names = new ArrayList<>(FileTrees.relativeFiles(dir));
        names.remove(PackageWriter.META);
        names.add(0, PackageWriter.META);
        for (String name : names) {
            deflater.submit(name, dir.resolve(name));
        }
        long time = fixedTime();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            out.setEncoding("UTF-8");
            for (String name : names) {
                ShardDeflater.Packed packed = deflater.packed(name, dir.resolve(name));
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setTime(time);
                entry.setMethod(ZipArchiveEntry.DEFLATED);
                entry.setSize(packed.size());
                entry.setCompressedSize(packed.compressedSize());
                entry.setCrc(packed.crc());
                try (InputStream raw = Files.newInputStream(packed.raw())) {
                    out.addRawArchiveEntry(entry, raw);
                }
                Files.deleteIfExists(packed.raw());
            }
            out.finish();
        }
    }
}
