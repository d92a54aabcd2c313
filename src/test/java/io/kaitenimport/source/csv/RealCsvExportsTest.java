package io.kaitenimport.source.csv;

import io.kaitenimport.cli.Cli;
import io.kaitenimport.cli.ExitCodes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every real CSV beside the project converts with zero validation errors; the malformed one fails cleanly. */
class RealCsvExportsTest {
    static final Path REAL = Path.of("../shared/real-exports");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> realCsvFiles() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REAL.resolve("csv")), "../shared/real-exports not present");
        List<Path> files;
        try (Stream<Path> a = Files.list(REAL.resolve("csv")); Stream<Path> b = Files.list(REAL.resolve("jira-csv"))) {
            files = Stream.concat(a, b).filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path out = tmp.resolve(f.getFileName() + ".zip");
            Path json = tmp.resolve(f.getFileName() + ".json");
            Cli.Run r = Cli.run("convert", f.toString(), "-o", out.toString(), "--report-json", json.toString(), "-q");
            if (f.getFileName().toString().contains("unclosed")) {
                assertEquals(ExitCodes.USAGE, r.exit(), r.all());
                assertTrue(r.err().contains(f.getFileName() + ":2"), r.err());
                assertFalse(Files.exists(out));
            } else {
                assertEquals(0, r.exit(), r.all());
                String report = Files.readString(json);
                assertTrue(report.contains("\"errors\" : 0"), report);
                assertTrue(Files.size(out) > 0);
            }
        }));
    }
}
