package io.kaitenimport;

import io.kaitenimport.emit.FileTrees;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A package (or any folder) against its reviewed golden copy: the same files, byte for byte. With
 * {@code -Dgolden.update=true} the golden copy is rewritten first — review the diff before committing.
 */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    public static void assertMatches(Path golden, Path actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            FileTrees.delete(golden);
            for (String f : FileTrees.relativeFiles(actual)) {
                Files.createDirectories(golden.resolve(f).getParent());
                Files.copy(actual.resolve(f), golden.resolve(f));
            }
        }
        assertEquals(FileTrees.relativeFiles(golden), FileTrees.relativeFiles(actual), "file list");
        for (String f : FileTrees.relativeFiles(actual)) {
            byte[] expected = Files.readAllBytes(golden.resolve(f));
            byte[] got = Files.readAllBytes(actual.resolve(f));
            String expectedText = text(expected);
            String gotText = text(got);
            if (expectedText != null && gotText != null) {
                assertEquals(expectedText, gotText, f); // text: a readable diff
            } else {
                assertArrayEquals(expected, got, f);
            }
        }
    }

    /** Two outputs of the same run, twice: the same files, byte for byte (determinism checks). */
    public static void assertSameBytes(Path a, Path b) throws IOException {
        List<String> files = FileTrees.relativeFiles(a);
        assertEquals(files, FileTrees.relativeFiles(b), "file list");
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
