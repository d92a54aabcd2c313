package io.kaitenimport.draft;

import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.pipeline.SourceAdapters;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The mapping command's YAML, passed back unedited with --mapping, gives a byte-identical package: on every CSV,
 * Jira CSV and Excel file of the real exports (skipped when absent) and on our samples.
 */
class MappingRoundTripTest {
    private static final Path REAL = Path.of("../shared/real-exports");

    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("sample-exports/csv/tasks-en.csv"),
                Path.of("sample-exports/xlsx/project-plan.xlsx"), Path.of("sample-exports/jira-csv/server-v2.csv")));
        for (String dir : List.of("csv", "jira-csv", "xlsx")) {
            Path d = REAL.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".xlsx")).sorted()
                            .forEach(out::add);
                }
            } else {
                out.add(d.resolve("absent"));
            }
        }
        return out;
    }

    static String draft(Path export) throws IOException {
        SourceAdapter adapter = SourceAdapters.standard().plan(null, List.of(export)).get(0).adapter();
        Report report = new Report("mapping");
        SourceOptions options = SourceOptions.of(CommonOptions.defaults());
        return MappingDraft.write(adapter, new SourceContext(List.of(export), options, report,
                Users.none(options.common().unmappedUsers(), report)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void uneditedMappingGivesTheSamePackage(Path export, @TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(export), "real exports are not available here");
        SourceAdapter adapter = SourceAdapters.standard().plan(null, List.of(export)).get(0).adapter();
        String yaml;
        try {
            yaml = draft(export);
        } catch (SourceException e) {
            // an export convert cannot read either (e.g. an unclosed quote): the same error both ways
            SourceException c = assertThrows(SourceException.class, () -> convert(adapter, export, null,
                    tmp.resolve("a")));
            assertEquals(c.getMessage(), e.getMessage());
            return;
        }
        Path mapping = tmp.resolve("mapping.yaml");
        Files.writeString(mapping, yaml);
        Map<String, byte[]> plain = convert(adapter, export, null, tmp.resolve("plain"));
        Map<String, byte[]> mapped = convert(adapter, export, mapping, tmp.resolve("mapped"));
        assertEquals(plain.keySet(), mapped.keySet());
        plain.forEach((name, bytes) -> assertArrayEquals(bytes, mapped.get(name), name));
    }

    @Test
    void draftNamesEveryHeaderAndProposesTheUnmappedOnes() throws IOException {
        String yaml = draft(Path.of("sample-exports/jira-csv/server-v2.csv"));
        assertTrue(yaml.contains("\"Custom field (Environment type)\" → custom field 'Environment type', string"),
                yaml);
        assertTrue(yaml.contains("\"Last Viewed\" → skip by design"), yaml);
        assertTrue(yaml.contains("# \"Environment type\": string"), yaml);
        String csv = draft(Path.of("sample-exports/csv/tasks-en.csv"));
        assertTrue(csv.contains("→ card field title"), csv);
    }

    @Test
    void convertNamesTheMappingCommandWhenColumnsAreLeftUnmapped(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("t.csv");
        Files.writeString(csv, "Title,Status,Mood\nA,Done,happy\nB,To do,sad\n");
        SourceAdapter adapter = SourceAdapters.standard().plan(null, List.of(csv)).get(0).adapter();
        Report report = new Converter(adapter, SourceOptions.of(CommonOptions.defaults()), 1000, true)
                .convert(List.of(csv), tmp.resolve("out")).report();
        assertTrue(report.issues().stream().anyMatch(i -> i.message().contains("1 column(s) are not mapped")
                && i.message().contains("kaiten-import mapping " + csv)), report.issues().toString());
        String yaml = draft(csv);
        assertTrue(yaml.contains("  # - header: Mood\n"), yaml);
        assertTrue(yaml.contains("  #   type: string"), yaml);
        // uncommented, the proposal carries the column
        Path mapping = tmp.resolve("m.yaml");
        Files.writeString(mapping, yaml.replace("  # - header: Mood", "  - header: Mood")
                .replace("  #   type: string", "    type: string"));
        Report mapped = new Converter(adapter, SourceOptions.of(CommonOptions.defaults().withMapping(mapping)), 1000,
                true).convert(List.of(csv), tmp.resolve("out2")).report();
        assertEquals(0, mapped.losses().entries().stream().filter(e -> e.reason().startsWith("not mapped")).count(),
                mapped.losses().entries().toString());
        assertTrue(Files.readString(tmp.resolve("out2/custom_fields_0.json")).contains("\"Mood\""));
    }

    private static Map<String, byte[]> convert(SourceAdapter adapter, Path export, Path mapping, Path out)
            throws IOException {
        SourceOptions options = SourceOptions.of(CommonOptions.defaults().withMapping(mapping));
        new Converter(adapter, options, 1000, true).convert(List.of(export), out);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
