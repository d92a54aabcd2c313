package io.kaitenimport.source.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetSnifferTest {

    private static final Charset CP1251 = CharsetSniffer.WINDOWS_1251;

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void utf8ByteOrderMark() {
        byte[] head = concat(bytes(0xEF, 0xBB, 0xBF), "Задача;Срок\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_8, 3, "UTF-8 byte-order mark"),
                CharsetSniffer.sniff(head, CP1251));
    }

    @Test
    void utf16LittleEndianByteOrderMark() {
        byte[] head = concat(bytes(0xFF, 0xFE), "Задача\tСрок\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_16LE, 2, "UTF-16LE byte-order mark"),
                CharsetSniffer.sniff(head, CP1251));
    }

    @Test
    void utf16BigEndianByteOrderMark() {
        byte[] head = concat(bytes(0xFE, 0xFF), "Task\tDue\n".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_16BE, 2, "UTF-16BE byte-order mark"),
                CharsetSniffer.sniff(head, CP1251));
    }

    @Test
    void plainUtf8Cyrillic() {
        byte[] head = "Задача;Срок\nПочинить вход;29.05.2024\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_8, 0, "valid UTF-8"),
                CharsetSniffer.sniff(head, CP1251));
    }

    @Test
    void pureAsciiIsUtf8() {
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_8, 0, "valid UTF-8"),
                CharsetSniffer.sniff("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), CP1251));
    }

    @Test
    void windows1251CyrillicFallsBack() {
        byte[] head = "ID;Задача\n1;Починить вход\n".getBytes(CP1251);
        assertEquals(new CharsetSniffer.Sniffed(CP1251, 0, "not valid UTF-8 at byte 3; using windows-1251"),
                CharsetSniffer.sniff(head, CP1251));
    }

    @Test
    void latin1FrenchWithLatin1Fallback() {
        byte[] head = "column A;column B\nContenu en français;v\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.ISO_8859_1, 0,
                        "not valid UTF-8 at byte 33; using ISO-8859-1"),
                CharsetSniffer.sniff(head, StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0} cut after {1} of its bytes")
    @CsvSource({"Д, 1", "€, 1", "€, 2", "😀, 1", "😀, 2", "😀, 3"})
    void sequenceCutAtEndOfHeadIsStillUtf8(String character, int keep) {
        byte[] whole = ("Задача " + character).getBytes(StandardCharsets.UTF_8);
        int cut = whole.length - character.getBytes(StandardCharsets.UTF_8).length + keep;
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_8, 0, "valid UTF-8"),
                CharsetSniffer.sniff(Arrays.copyOf(whole, cut), CP1251));
    }

    @Test
    void leadByteFollowedByAsciiAtEndIsInvalid() {
        // 0xE7 announces three bytes but 'a' is not a continuation byte: broken even though it is at the end.
        byte[] head = bytes('f', 'r', 'a', 'n', 0xE7, 'a');
        assertEquals(new CharsetSniffer.Sniffed(CP1251, 0, "not valid UTF-8 at byte 4; using windows-1251"),
                CharsetSniffer.sniff(head, CP1251));
    }

    @Test
    void truncatedSequenceInTheMiddleIsInvalid() {
        assertEquals(new CharsetSniffer.Sniffed(CP1251, 0, "not valid UTF-8 at byte 1; using windows-1251"),
                CharsetSniffer.sniff(bytes('a', 0xD0, 'b'), CP1251));
    }

    @Test
    void emptyInput() {
        assertEquals(new CharsetSniffer.Sniffed(StandardCharsets.UTF_8, 0, "empty input; assuming UTF-8"),
                CharsetSniffer.sniff(new byte[0], CP1251));
    }

    @Test
    void readHeadStopsAtMax() throws IOException {
        byte[] data = new byte[100];
        Arrays.fill(data, (byte) 'x');
        assertArrayEquals(Arrays.copyOf(data, 10), CharsetSniffer.readHead(new ByteArrayInputStream(data), 10));
        assertArrayEquals(data, CharsetSniffer.readHead(new ByteArrayInputStream(data), 1000));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "csv|redmine__import_issues.csv|UTF-8|0|valid UTF-8",
        "csv|redmine__import_issues_utf8_with_bom.csv|UTF-8|3|UTF-8 byte-order mark",
        "csv|redmine__import_iso8859-1.csv|windows-1251|0|not valid UTF-8 at byte 42; using windows-1251",
        "csv|vikunja__ticktick_export.csv|UTF-8|3|UTF-8 byte-order mark",
        "csv|cerega2014__youtrack-export-ru__Zadachi.csv|UTF-8|3|UTF-8 byte-order mark",
        "csv|linear__plane-export_sample.csv|UTF-8|0|valid UTF-8",
        "jira-csv|bellali__agile-delivery-simulation__Jira.csv|UTF-8|0|valid UTF-8",
        "jira-csv|mitsusarkar__jira-cloud-project__Jira.csv|UTF-8|0|valid UTF-8",
    })
    void realExports(String folder, String name, String charset, int bom, String reason) throws IOException {
        Path file = RealExports.file(folder, name);
        byte[] head = CharsetSniffer.readHead(file);
        assertEquals(Math.min(Files.size(file), CharsetSniffer.MAX_HEAD), head.length);
        assertEquals(new CharsetSniffer.Sniffed(Charset.forName(charset), bom, reason),
                CharsetSniffer.sniff(head, CP1251));
    }
}
