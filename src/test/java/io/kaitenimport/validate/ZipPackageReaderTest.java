package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Report;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZipPackageReaderTest {
    private static final String META = "{\"entities\": [\"users\"], \"entities_paths_map\": {\"users\": [\"./u.json\"]}}";
    private static final ZipLimits TINY = new ZipLimits(10_000, 5_000, 100, 1_000, 10);

    @TempDir
    Path tmp;

    /** Writes a zip with the given entries (name, content), deflated. */
    private Path zip(String... nameThenContent) throws IOException {
        Path zip = tmp.resolve("p.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                out.putArchiveEntry(new ZipArchiveEntry(nameThenContent[i]));
                out.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    private Path zipWithZeros(String name, int bytes) throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            out.putArchiveEntry(new ZipArchiveEntry("meta-data.json"));
            out.write(META.getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry(name));
            byte[] chunk = new byte[1 << 16];
            for (int done = 0; done < bytes; done += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, bytes - done));
            }
            out.closeArchiveEntry();
        }
        return zip;
    }

    @Test
    void listsOpensAndFindsEntries() throws IOException {
        Path zip = zip("meta-data.json", META, "dir/u.json", "[]");
        try (PackageReader r = PackageReader.open(zip, ZipLimits.DEFAULT)) {
            assertEquals(List.of("dir/u.json", "meta-data.json"), r.names());
            assertTrue(r.exists("./dir/u.json"));
            assertFalse(r.exists("u.json"));
            assertFalse(r.exists("../dir/u.json"));
            try (InputStream in = r.open("dir/u.json")) {
                assertEquals("[]", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void zipSlipEntryIsRefused() throws IOException {
        Report report = Check.validate(zip("meta-data.json", META, "../evil.json", "[]"));
        Issue issue = Check.only(report, IssueCode.PACKAGE_UNSAFE_PATH);
        Check.at(issue, "../evil.json", null, null, null);
        assertTrue(report.counts().isEmpty(), "nothing may be read from a refused package");
    }

    @Test
    void absoluteEntryIsRefused() throws IOException {
        Issue issue = Check.only(Check.validate(zip("meta-data.json", META, "/abs.json", "[]")),
                IssueCode.PACKAGE_UNSAFE_PATH);
        Check.at(issue, "/abs.json", null, null, null);
    }

    @Test
    void backslashEntryIsRefused() throws IOException {
        // commons-compress turns backslashes into slashes only in names without any '/', so mix both.
        Issue issue = Check.only(Check.validate(zip("meta-data.json", META, "x/..\\..\\evil.json", "[]")),
                IssueCode.PACKAGE_UNSAFE_PATH);
        Check.at(issue, "x/..\\..\\evil.json", null, null, null);
    }

    @Test
    void twoEntriesWithOneNameAreRefused() throws IOException {
        Issue issue = Check.only(Check.validate(zip("meta-data.json", META, "u.json", "[]", "./u.json", "[1]")),
                IssueCode.PACKAGE_UNSAFE_PATH);
        Check.at(issue, "./u.json", null, null, null);
        assertEquals("the zip holds more than one entry named './u.json'", issue.message());
    }

    @Test
    void highlyCompressedEntryIsRefusedWithDefaultLimits() throws IOException {
        Path bomb = zipWithZeros("u.json", 20_000_000);
        Issue issue = Check.only(Check.validate(bomb), IssueCode.PACKAGE_TOO_LARGE);
        Check.at(issue, "u.json", null, null, null);
        assertTrue(issue.message().contains("expands"), issue.message());
    }

    @Test
    void entryOverTheSizeLimitIsRefused() throws IOException {
        // 6,000 bytes compress well but stay under the ratio floor; only the per-entry limit can catch them.
        Path zip = zipWithZeros("u.json", 6_000);
        Issue issue = Check.only(Check.validate(zip, TINY), IssueCode.PACKAGE_TOO_LARGE);
        Check.at(issue, "u.json", null, null, null);
        assertTrue(issue.message().contains("limit for one entry"), issue.message());
    }

    @Test
    void packageOverTheTotalLimitIsRefused() throws IOException {
        String big = incompressible(4_000);
        Path zip = zip("meta-data.json", META, "a.json", big, "b.json", big, "c.json", big);
        Issue issue = Check.only(Check.validate(zip, TINY), IssueCode.PACKAGE_TOO_LARGE);
        assertTrue(issue.message().contains("uncompressed bytes"), issue.message());
    }

    private static String incompressible(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('!' + random.nextInt(90)));
        }
        return sb.toString();
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        String[] entries = new String[2 * 11];
        for (int i = 0; i < 11; i++) {
            entries[2 * i] = "f" + i + ".json";
            entries[2 * i + 1] = "[]";
        }
        Issue issue = Check.only(Check.validate(zip(entries), TINY), IssueCode.PACKAGE_TOO_LARGE);
        assertTrue(issue.message().contains("declares 11 zip entries; the limit is 10"), issue.message());
    }

    @Test
    void bytesBeyondTheDeclaredSizeStopTheRead() {
        // A header that lies: it declares 10 bytes, the stream delivers 100.
        InputStream liar = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), "x.json", 10, 10,
                ZipLimits.DEFAULT, new AtomicLong());
        PackageException e = assertThrows(PackageException.class, liar::readAllBytes);
        assertEquals(IssueCode.PACKAGE_TOO_LARGE, e.issue().code());
        assertTrue(e.getMessage().contains("declared size"), e.getMessage());
    }

    @Test
    void inflatedBytesAreCountedAcrossEntries() throws IOException {
        AtomicLong shared = new AtomicLong();
        ZipLimits limits = new ZipLimits(150, 1_000, 100, 1_000, 10);
        try (InputStream a = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), "a", -1, -1, limits,
                shared)) {
            a.readAllBytes();
        }
        InputStream b = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), "b", -1, -1, limits, shared);
        PackageException e = assertThrows(PackageException.class, b::readAllBytes);
        assertTrue(e.getMessage().contains("150-byte limit"), e.getMessage());
    }

    @Test
    void ratioIsEnforcedWhileReading() {
        ZipLimits limits = new ZipLimits(1_000_000, 1_000_000, 10, 100, 10);
        InputStream s = new LimitedInputStream(new ByteArrayInputStream(new byte[5_000]), "z", -1, 20, limits,
                new AtomicLong());
        PackageException e = assertThrows(PackageException.class, s::readAllBytes);
        assertTrue(e.getMessage().contains("10 times"), e.getMessage());
    }

    @Test
    void notAZipIsUnreadable() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "this is not a zip");
        Issue issue = Check.only(Check.validate(junk), IssueCode.PACKAGE_UNREADABLE);
        Check.at(issue, junk.toString(), null, null, null);
    }

    @Test
    void missingPathIsUnreadable() {
        Check.only(Check.validate(tmp.resolve("nope.zip")), IssueCode.PACKAGE_UNREADABLE);
    }

    @Test
    void truncatedZipIsUnreadable() throws IOException {
        Path zip = TestPackage.valid().writeZip(tmp.resolve("ok.zip"));
        byte[] bytes = Files.readAllBytes(zip);
        Path cut = Files.write(tmp.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Check.only(Check.validate(cut), IssueCode.PACKAGE_UNREADABLE);
    }
}
