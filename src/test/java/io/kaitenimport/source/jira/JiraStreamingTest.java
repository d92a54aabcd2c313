package io.kaitenimport.source.jira;

import io.kaitenimport.source.PackageRun;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kaitenimport.emit.Json;
import io.kaitenimport.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search result far larger than the heap converts: the adapter holds one issue at a time plus small indexes.
 * The conversion runs in a child JVM with a 64 MB heap over a ~150 MB file.
 */
class JiraStreamingTest {
    private static final int ISSUES = 3000;
    private static final int PARAGRAPH_CHARS = 50_000;

    @Test
    void largeSearchResultConvertsInASmallHeap(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("big.json");
        write(input);
        assertTrue(Files.size(input) > 140_000_000L, "input is larger than the child heap");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), JiraStreamingTest.class.getName(),
                input.toString(), tmp.resolve("out").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("cards=" + ISSUES), output);
    }

    /** Child JVM entry point: converts args[0] into a staged package under args[1] and prints the card count. */
    public static void main(String[] args) throws IOException {
        try (PackageRun run = JiraRun.convert(Path.of(args[1]), SourceOptions.defaults(), Path.of(args[0]))) {
            System.out.println("cards=" + run.writer.counts().get(io.kaitenimport.model.Entity.CARDS)
                    + " errors=" + run.report.errors());
            if (run.report.errors() > 0) {
                System.exit(3);
            }
        }
    }

    private static void write(Path file) throws IOException {
        String words = "lorem ipsum dolor sit amet ".repeat(PARAGRAPH_CHARS / 27);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("total", ISSUES);
            g.writeArrayFieldStart("issues");
            for (int i = 0; i < ISSUES; i++) {
                g.writeStartObject();
                g.writeStringField("id", String.valueOf(10000 + i));
                g.writeStringField("key", "BIG-" + (i + 1));
                g.writeObjectFieldStart("fields");
                g.writeStringField("summary", "Issue " + i);
                g.writeObjectFieldStart("status");
                g.writeStringField("name", i % 2 == 0 ? "To Do" : "Done");
                g.writeEndObject();
                if (i > 0) {
                    g.writeObjectFieldStart("parent");
                    g.writeStringField("key", "BIG-" + i);
                    g.writeEndObject();
                }
                g.writeObjectFieldStart("description");
                g.writeStringField("type", "doc");
                g.writeNumberField("version", 1);
                g.writeArrayFieldStart("content");
                g.writeStartObject();
                g.writeStringField("type", "paragraph");
                g.writeArrayFieldStart("content");
                g.writeStartObject();
                g.writeStringField("type", "text");
                g.writeStringField("text", words);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectField("names", java.util.Map.of("summary", "Summary"));
            g.writeEndObject();
        }
    }
}
