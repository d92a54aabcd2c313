package io.kaitenimport.source.xlsx;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.PackageRun;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disk-backed shared-strings table gives every text exactly as POI's in-memory table did (rich text, phonetic
 * runs, escapes, texts longer than the read window, any order of access), and a damaged table is refused with one
 * located line.
 */
class SharedStringsFileTest {
    private static final Path SAMPLE = SampleWorkbookGoldenTest.SAMPLE;
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns="
            + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"9\" uniqueCount=\"9\">";

    private static SharedStringsFile table(String xml) throws Exception {
        return SharedStringsFile.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.xlsx");
    }

    private static List<String> poi(String xml) throws Exception {
        ReadOnlySharedStringsTable t = new ReadOnlySharedStringsTable(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), false);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < t.getUniqueCount(); i++) {
            texts.add(t.getItemAt(i).toString());
        }
        return texts;
    }

    @Test
    void textsAreWhatPoisTableGives() throws Exception {
        String xml = HEAD
                + "<si><t>Plain</t></si>"
                + "<si><r><rPr><b/></rPr><t>Bold:</t></r><r><t xml:space=\"preserve\"> and plain </t></r></si>"
                + "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t>line one_x000D_\nline two_x0009_tab &amp; &lt;tag&gt;</t></si>"
                + "<si/>"
                + "<si><t></t></si>"
                + "<si><t xml:space=\"preserve\">  spaced  </t></si>"
                + "<si><t>emoji \uD83D\uDE00 and é</t></si>"
                + "<si><t>_x_ not an escape _x12_</t></si>"
                + "</sst>";
        List<String> want = poi(xml);
        try (SharedStringsFile t = table(xml)) {
            assertEquals(want.size(), t.size());
            for (int i = want.size() - 1; i >= 0; i--) {
                assertEquals(want.get(i), t.getItemAt(i).toString(), "text #" + i);
            }
            assertEquals("Bold: and plain ", t.text(1));
            assertEquals("東京", t.text(2), "furigana left out");
        }
    }

    @Test
    void anyOrderOfAccessAcrossTheReadWindow() throws Exception {
        Random random = new Random(7);
        StringBuilder xml = new StringBuilder(HEAD);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int length = i % 500 == 7 ? 70_000 + random.nextInt(50_000) : random.nextInt(300);
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < length; c++) {
                s.append((char) (c % 97 == 3 ? 'ж' : 'a' + random.nextInt(26)));
            }
            texts.add(s.toString());
            xml.append("<si><t>").append(s).append("</t></si>");
        }
        xml.append("</sst>");
        Path file;
        try (SharedStringsFile t = table(xml.toString())) {
            file = t.file();
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(texts.get(i), t.text(i), "in order, #" + i);
            }
            for (int n = 0; n < 20_000; n++) {
                int i = n % 3 == 0 ? random.nextInt(20) : random.nextInt(texts.size());
                assertEquals(texts.get(i), t.text(i), "random access, #" + i);
            }
        }
        assertFalse(Files.exists(file), "temp file removed on close");
    }

    @Test
    void indexPastTheTableNamesTheCell(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("past.xlsx");
        MalformedXlsxTest.rewrite(SAMPLE, file, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<c r=\"B7\" t=\"s\" s=\"0\"><v>15</v>", "<c r=\"B7\" t=\"s\" s=\"0\"><v>4711</v>"));
        SourceException e = refused(file, tmp);
        assertTrue(e.describe().contains("past.xlsx [Plan]:7:2"),
                e.describe());
        assertTrue(e.getMessage().contains("cell B7 refers to shared text #4711, but the shared-strings table"
                + " (xl/sharedStrings.xml) has only #0 to #46"), e.getMessage());
    }

    @Test
    void missingTableIsNamed(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("nosst.xlsx");
        MalformedXlsxTest.rewrite(SAMPLE, file, "[Content_Types].xml",
                xml -> xml.replaceAll("<Override [^>]*PartName=\"/xl/sharedStrings.xml\"/>", ""));
        SourceException e = refused(file, tmp);
        assertTrue(e.getMessage().contains("shared-strings part (xl/sharedStrings.xml) is missing"), e.getMessage());
        assertTrue(e.describe().contains("nosst.xlsx [Plan]:1:1"), e.describe());
    }

    @Test
    void truncatedTableIsMalformedXmlWithItsPosition(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("cut.xlsx");
        MalformedXlsxTest.rewrite(SAMPLE, file, "xl/sharedStrings.xml", xml -> xml.substring(0, xml.length() / 2));
        SourceException e = refused(file, tmp);
        assertTrue(e.getMessage().startsWith("malformed XML inside the workbook"), e.getMessage());
        assertTrue(e.describe().startsWith(file + " [xl/sharedStrings.xml]:2:"), e.describe());
    }

    @Test
    void hugeTextIsRefusedBeforeItFillsTheHeap(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("huge.xlsx");
        // Random letters, so the part stays within the zip-bomb ratio and reaches the reader.
        Random random = new Random(1);
        MalformedXlsxTest.rewriteStreaming(SAMPLE, file, "xl/sharedStrings.xml", (xml, out) -> {
            int cut = xml.indexOf("<si>");
            out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            out.write("<si><t>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            for (int written = 0; written <= SharedStringsFile.MAX_TEXT; written += chunk.length) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) ('a' + random.nextInt(26));
                }
                out.write(chunk);
            }
            out.write("</t></si>".getBytes(StandardCharsets.UTF_8));
            out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
        });
        SourceException e = refused(file, tmp);
        assertTrue(e.getMessage().startsWith("shared text #0 is longer than 4,194,304 characters"), e.getMessage());
        assertTrue(e.describe().startsWith(file + " [xl/sharedStrings.xml]:2:"), e.describe());
    }

    @Test
    void generatedTaskWorkbookKeepsEveryParentLink(@TempDir Path tmp) throws IOException {
        Path book = tmp.resolve("tasks.xlsx");
        long parents = TaskWorkbook.write(book, 1000);
        try (PackageRun run = XlsxRun.convert(book, tmp.resolve("out"))) {
            assertEquals(1000, run.records("cards").size());
            long linked = run.records("cards").stream().filter(c -> c.has("parent_card_ids")).count();
            assertEquals(parents, linked);
        }
    }

    private static SourceException refused(Path file, Path tmp) {
        SourceException e = assertThrows(SourceException.class,
                () -> XlsxRun.convert(file, tmp.resolve("out")).close());
        assertFalse(e.describe().contains("\n"), "one line: " + e.describe());
        return e;
    }
}
