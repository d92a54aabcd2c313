package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryPackageReaderTest {
    @TempDir
    Path tmp;

    @Test
    void listsOpensAndFindsFiles() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(root.resolve("meta-data.json"), "{}");
        Files.createDirectories(root.resolve("files/1"));
        Files.writeString(root.resolve("files/1/a.png"), "png");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        try (PackageReader r = PackageReader.open(root, ZipLimits.DEFAULT)) {
            assertEquals(List.of("files/1/a.png", "meta-data.json"), r.names());
            assertTrue(r.exists("./files/1/a.png"));
            assertFalse(r.exists("../secret.txt"));
            assertFalse(r.exists("/etc/passwd"));
            assertThrows(NoSuchFileException.class, () -> r.open("../secret.txt"));
            try (InputStream in = r.open("files/1/a.png")) {
                assertEquals("png", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void symlinkLeavingTheRootIsRefused() throws IOException {
        Path root = TestPackage.valid().writeDir(Files.createDirectories(tmp.resolve("pkg")));
        Path secret = Files.writeString(tmp.resolve("secret.json"), "[]");
        Files.createSymbolicLink(root.resolve("leak.json"), secret);
        Issue issue = Check.only(Check.validate(root), IssueCode.PACKAGE_UNSAFE_PATH);
        Check.at(issue, "leak.json", null, null, null);
        assertEquals("symbolic link 'leak.json' points outside the package", issue.message());
    }

    @Test
    void symlinkInsideTheRootIsFollowed() throws IOException {
        Path root = TestPackage.valid().writeDir(Files.createDirectories(tmp.resolve("pkg")));
        Files.delete(root.resolve("files/a1/shot.png"));
        Files.createSymbolicLink(root.resolve("files/a1/shot.png"), root.resolve("files/df1/spec.pdf"));
        Check.clean(Check.validate(root));
    }
}
