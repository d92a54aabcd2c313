package io.kaitenimport.attach;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaitenimport.cli.Main;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * bench/attachments.sh: a Trello export with N uploads of SIZE bytes served by the in-process stub with LATENCY ms
 * before each response; downloads them with --parallel 1 and with the default 4 into fresh folders, then reruns
 * the parallel one (nothing to fetch). Prints the wall times and throughput to target/attachments-bench.txt.
 */
@Tag("heavy")
class AttachmentsBench {
    @TempDir
    Path tmp;

    @Test
    void bench() throws IOException {
        int n = Integer.getInteger("attach.bench.files", 400);
        int size = Integer.getInteger("attach.bench.size", 256 * 1024);
        long latency = Long.getLong("attach.bench.latency", 20);
        byte[] body = StubServer.bytes(1, size);
        List<String> lines = new ArrayList<>();
        try (StubServer stub = new StubServer()) {
            ObjectNode board = Json.MAPPER.createObjectNode();
            board.put("id", "b1");
            board.putArray("lists").addObject().put("id", "l1").put("name", "To do");
            ObjectNode card = board.putArray("cards").addObject().put("id", "c1").put("name", "Bench")
                    .put("idList", "l1");
            ArrayNode atts = card.putArray("attachments");
            for (int i = 0; i < n; i++) {
                String id = String.format("a%023d", i);
                String path = "/1/cards/c1/attachments/" + id + "/download/file-" + i + ".bin";
                atts.addObject().put("id", id).put("isUpload", true).put("bytes", size).put("name", "file-" + i
                        + ".bin").put("url", "https://trello.com" + path);
                stub.route(path, ex -> {
                    try {
                        Thread.sleep(latency);
                    } catch (InterruptedException e) {
                        return;
                    }
                    StubServer.send(ex, 200, body);
                });
            }
            Path export = tmp.resolve("bench-board.json");
            Json.MAPPER.writeValue(export.toFile(), board);
            lines.add(String.format("%d files x %,d bytes, %d ms server latency per file", n, size, latency));
            for (String parallel : new String[] {"1", "4", "4"}) {
                Path dir = tmp.resolve("p" + parallel);
                int before = stub.seen.size();
                long t0 = System.nanoTime();
                int exit = run(export, dir, stub.base(), parallel);
                double secs = (System.nanoTime() - t0) / 1e9;
                int requests = stub.seen.size() - before;
                assertEquals(0, exit);
                lines.add(String.format("--parallel %s: %.2f s, %d requests, %.1f MB/s", parallel, secs, requests,
                        requests * (double) size / 1e6 / secs));
            }
        }
        Files.writeString(Path.of("target/attachments-bench.txt"), String.join("\n", lines) + "\n");
    }

    private static int run(Path export, Path dir, String base, String parallel) {
        var cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute("attachments", export.toString(), "-d", dir.toString(), "--parallel", parallel,
                "--rewrite-url", "https://trello.com=" + base, "-q");
    }
}
