package io.kaitenimport.archive;

import io.kaitenimport.cli.Cli;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zips we refuse before any library inflates or indexes them: too many entries, unreadable methods. */
class ZipCheckTest {
    @TempDir
    Path tmp;

    /** Rewrites a zip with every entry stored, then stamps {@code method} into its local and central headers. */
    static byte[] withMethod(Path source, int method) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(Files.newInputStream(source));
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(buf)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
                copy.setMethod(ZipArchiveEntry.STORED);
                copy.setSize(data.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                copy.setCrc(crc.getValue());
                out.putArchiveEntry(copy);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        ByteBuffer b = ByteBuffer.wrap(buf.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.limit(); i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50) {
                b.putShort(i + 8, (short) method);
            } else if (sig == 0x02014b50) {
                b.putShort(i + 10, (short) method);
            }
        }
        return b.array();
    }

    static Path zipOf(Path file, Map<String, String> entries) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                out.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    @Test
    void entryCountComesFromTheEndRecord() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            entries.put("f" + i + ".txt", "x");
        }
        Path zip = zipOf(tmp.resolve("a.zip"), entries);
        assertEquals(12, ZipCheck.declaredEntries(zip));
        ZipCheck.checkEntryCount(zip, 12, "package");
        ZipCheck.Refused e = assertThrows(ZipCheck.Refused.class, () -> ZipCheck.checkEntryCount(zip, 11, "package"));
        assertTrue(e.getMessage().contains("declares 12 zip entries; the limit is 11"), e.getMessage());
        assertEquals(-1, ZipCheck.declaredEntries(Files.writeString(tmp.resolve("not.zip"), "hello")));
    }

    /** A million-entry zip is refused from its 22-byte end record, before any central directory is read. */
    @Test
    void aMillionEntryPackageIsRefusedWithoutReadingItsDirectory() throws IOException {
        Path zip = zipOf(tmp.resolve("bomb.zip"), Map.of("meta-data.json", "{}"));
        byte[] plain = Files.readAllBytes(zip);
        ByteBuffer end = ByteBuffer.wrap(plain, plain.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x06054b50, end.getInt(0));
        long cdSize = Integer.toUnsignedLong(end.getInt(12));
        long cdOffset = Integer.toUnsignedLong(end.getInt(16));
        int body = plain.length - 22;
        // zip64 end record claiming a million entries, its locator, and a classic end record pointing at them
        ByteBuffer b = ByteBuffer.allocate(body + 56 + 20 + 22).order(ByteOrder.LITTLE_ENDIAN);
        b.put(plain, 0, body);
        b.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(1_000_000).putLong(1_000_000).putLong(cdSize).putLong(cdOffset);
        b.putInt(0x07064b50).putInt(0).putLong(body).putInt(1);
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF)
                .putShort((short) 0xFFFF).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) 0);
        Files.write(zip, b.array());
        assertEquals(1_000_000, ZipCheck.declaredEntries(zip));
        Cli.Run r = Cli.run("validate", zip.toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("declares 1,000,000 zip entries; the limit is 100,000"), r.all());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    @Test
    void anXzCompressedPackageEntryIsNamedNotACrash() throws IOException {
        Path good = tmp.resolve("good.zip");
        Cli.Run made = Cli.run("convert", "sample-exports/csv/tasks-en.csv", "--users", "sample-exports/csv/users.csv",
                "-o", good.toString(), "-q");
        assertEquals(0, made.exit(), made.all());
        Path xz = Files.write(tmp.resolve("xz.zip"), withMethod(good, 95));
        Cli.Run r = Cli.run("validate", xz.toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("compressed with XZ (method 95)"), r.all());
        assertFalse(r.all().contains("NoClassDefFoundError") || r.all().contains("Exception"), r.all());
        // bzip2 and deflate64 are inflated by Commons Compress itself; a stored copy still validates
        Path stored = Files.write(tmp.resolve("stored.zip"), withMethod(good, 0));
        assertEquals(0, Cli.run("validate", stored.toString(), "-q").exit());
    }

    @Test
    void anXzCompressedWorkbookIsRefusedInOneLine() throws IOException {
        for (int method : new int[]{95, 14, 93, 98}) {
            Path xlsx = Files.write(tmp.resolve("m" + method + ".xlsx"),
                    withMethod(Path.of("sample-exports/xlsx/project-plan.xlsx"), method));
            Path out = tmp.resolve("out" + method + ".zip");
            Cli.Run r = Cli.run("convert", xlsx.toString(), "-o", out.toString());
            assertEquals(2, r.exit(), r.all());
            assertTrue(r.err().contains(xlsx.toString()) && r.err().contains("(method " + method + ")"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void methodNames() throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry("x");
        e.setMethod(95);
        assertEquals("XZ (method 95)", ZipCheck.methodName(e));
        e.setMethod(12);
        assertTrue(ZipCheck.readable(e), "bzip2 is read");
        e.setMethod(9);
        assertTrue(ZipCheck.readable(e), "deflate64 is read");
        e.setMethod(4242);
        assertEquals("unknown (method 4242)", ZipCheck.methodName(e));
        try (InputStream ignored = InputStream.nullInputStream()) {
            assertFalse(ZipCheck.readable(e));
        }
    }
}
