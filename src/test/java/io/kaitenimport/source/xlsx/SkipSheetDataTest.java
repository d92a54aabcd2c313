package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sheet scan's byte filter drops exactly the cells, however the stream is cut into reads. */
class SkipSheetDataTest {
    private static final String HEAD = "<?xml version=\"1.0\"?><worksheet xmlns=\"urn:x\"><dimension ref=\"A1:B3\"/>";
    private static final String TAIL = "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";

    /** Reads through the filter in pieces of random size, down to single bytes. */
    private static String filtered(String xml, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new SkipSheetData(new TrickleStream(xml.getBytes(StandardCharsets.UTF_8), random))) {
            byte[] b = new byte[64];
            while (true) {
                if (random.nextInt(5) == 0) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    out.write(c);
                    continue;
                }
                int n = in.read(b, 0, 1 + random.nextInt(b.length));
                if (n < 0) {
                    break;
                }
                out.write(b, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cellsAreLeftOutAndTheRestKept() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 2000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>")
                    .append(r).append("</v></c><c r=\"B").append(r).append("\"><v>&lt;sheetData&gt;</v></c></row>");
        }
        String xml = HEAD + "<sheetData>" + rows + "</sheetData>" + TAIL;
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(HEAD + "<sheetData></sheetData>" + TAIL, filtered(xml, seed), "seed " + seed);
        }
    }

    @Test
    void emptySelfClosingAndPrefixedSheetsPassWhole() throws IOException {
        for (String xml : new String[] {HEAD + "<sheetData></sheetData>" + TAIL, HEAD + "<sheetData/>" + TAIL,
            "<x:worksheet xmlns:x=\"urn:x\"><x:sheetData><x:row r=\"1\"/></x:sheetData></x:worksheet>"}) {
            assertEquals(xml, filtered(xml, 3));
        }
    }

    @Test
    void aCommentHoldingTheEndTagFallsBackToTheWholePart(@TempDir Path tmp) throws IOException {
        Path sample = SampleWorkbookGoldenTest.SAMPLE;
        Path odd = tmp.resolve("odd.xlsx");
        MalformedXlsxTest.rewrite(sample, odd, "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst("</row>", "</row><!-- </sheetData> -->"));
        try (PackageRun want = XlsxRun.convert(sample, tmp.resolve("a"));
             PackageRun got = XlsxRun.convert(odd, tmp.resolve("b"))) {
            assertEquals(want.records("cards"), got.records("cards"), "section headings (merged cells) still found");
        }
    }

    /** Hands out at most a few bytes per read, as an inflating stream may. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final Random random;

        TrickleStream(byte[] bytes, Random random) {
            super(bytes);
            this.random = random;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(40)));
        }
    }
}
