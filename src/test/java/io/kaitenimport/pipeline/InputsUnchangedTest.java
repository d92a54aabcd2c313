package io.kaitenimport.pipeline;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export that changes while it is converted (still downloading, rewritten) is refused, and nothing is written. */
class InputsUnchangedTest {
    @TempDir
    Path tmp;

    @Test
    void aFileThatGrowsOrIsRewrittenOrRemovedIsNamed() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tasks.csv"), "Title\nA\n");
        Path folder = Files.createDirectories(tmp.resolve("wiki"));
        InputsUnchanged unchanged = InputsUnchanged.of(List.of(csv, folder));
        assertDoesNotThrow(unchanged::check);
        Files.writeString(folder.resolve("page.md"), "# new"); // folders are not watched

        Files.writeString(csv, "B\n", StandardOpenOption.APPEND);
        SourceException grown = assertThrows(SourceException.class, unchanged::check);
        assertTrue(grown.describe().startsWith(csv + ": the file changed while it was being converted (8 bytes"),
                grown.describe());
        assertTrue(grown.describe().contains("now 10 bytes"), grown.describe());

        InputsUnchanged again = InputsUnchanged.of(List.of(csv));
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 5_000));
        assertThrows(SourceException.class, again::check, "same size, rewritten");

        InputsUnchanged last = InputsUnchanged.of(List.of(csv));
        Files.delete(csv);
        assertEquals(csv + ": the file was removed while it was being converted; nothing was written",
                assertThrows(SourceException.class, last::check).describe());
    }

    @Test
    void aConversionWhoseInputChangesWritesNothing() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tasks.csv"), "Title\nA\n");
        Path out = tmp.resolve("out.zip");
        // An adapter that reads the export while something else appends to it.
        SourceAdapter appending = new SourceAdapter() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public boolean detect(Path input, byte[] head) {
                return true;
            }

            @Override
            public void read(SourceContext context, ModelSink sink) throws IOException {
                Files.writeString(csv, "B\n", StandardOpenOption.APPEND);
            }
        };
        Converter converter = new Converter(appending, SourceOptions.defaults(), 1000, true);
        SourceException e = assertThrows(SourceException.class, () -> converter.convert(List.of(csv), out));
        assertTrue(e.getMessage().startsWith("the file changed while it was being converted"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(csv.getFileName().toString()), left.map(p -> p.getFileName().toString()).toList(),
                    "no staging folder or partial zip beside the output");
        }
    }
}
