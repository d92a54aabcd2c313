package io.kaitenimport.source.csv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Access to the shared real exports, which are never copied into the project; tests skip when absent. */
final class RealExports {

    static final Path ROOT = Path.of("../shared/real-exports");

    private RealExports() {
    }

    /** The file, or the test is skipped when the shared folder (or the file) is missing. */
    static Path file(String folder, String name) {
        Path dir = ROOT.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "real exports not present: " + dir.toAbsolutePath());
        Path file = dir.resolve(name);
        assumeTrue(Files.isRegularFile(file), "real export not present: " + file);
        return file;
    }

    /** Decodes the whole file with the sniffed charset, without the byte-order mark. */
    static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetSniffer.Sniffed cs = CharsetSniffer.sniff(
                Arrays.copyOf(bytes, Math.min(bytes.length, CharsetSniffer.MAX_HEAD)), CharsetSniffer.WINDOWS_1251);
        return new String(bytes, cs.bomLength(), bytes.length - cs.bomLength(), cs.charset());
    }

    /** The first {@code max} records, parsed with the sniffed delimiter. */
    static List<List<String>> records(Path file, int max) throws IOException {
        String text = text(file);
        char delimiter = DelimiterSniffer.sniff(text).delimiter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (rows.size() == max) {
                    break;
                }
                rows.add(record.toList());
            }
        }
        return rows;
    }
}
