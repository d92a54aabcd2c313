package io.kaitenimport.source.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lexer must split exactly as Commons CSV did before it (cells, record start lines, and which texts fail). */
class CsvLexerTest {
    /** What Commons CSV makes of a text: "line:[cells]" per record, then "error" if it fails. */
    private static List<String> commons(String text, char delimiter) {
        List<String> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> it = parser.iterator();
            long next = 1;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                out.add(next + ":" + r.toList());
                next = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            out.add("error");
        }
        return out;
    }

    private static List<String> lexer(String text, char delimiter, int chunk) {
        List<String> out = new ArrayList<>();
        CsvLexer lexer = new CsvLexer(new Trickle(text, chunk), delimiter);
        try {
            while (true) {
                long line = lexer.line();
                List<String> cells = lexer.next();
                if (cells == null) {
                    break;
                }
                out.add(line + ":" + cells);
            }
        } catch (IOException e) {
            out.add("error");
        }
        return out;
    }

    @Test
    void splitsLikeCommonsCsvOnHandPickedShapes() {
        String[] texts = {
            "", "a", "a\n", "a,", "a,\n", ",", "\n", "\n\n", "a\n\nb", "a\r\nb\rc\n", "\"a\"", "\"a\"\n",
            "\"a,b\",c\n", "\"say \"\"hi\"\"\",x", "\"multi\nline\r\ncell\",z\nnext,row", "\"a\"  ,b", "\"a\" \n",
            "\"a\"x,b", "\"never closed\nstill", "a\"b,c", " \"a\",b", "\"\"", "\"\",\"\"", "a,b\r", "a,b\r\n\r\n",
            "é,ж\n\"ü\"", "\"a\"\t,b", "\"x\"\r\ny",
        };
        for (String t : texts) {
            for (char d : new char[] {',', ';', '\t'}) {
                String text = t.replace(',', d);
                for (int chunk : new int[] {1, 2, 3, 1 << 16}) {
                    assertEquals(commons(text, d), lexer(text, d, chunk), () -> "text " + text.replace("\n", "\\n")
                            .replace("\r", "\\r") + " delimiter " + (int) d);
                }
            }
        }
    }

    @Test
    void splitsLikeCommonsCsvOnRandomTexts() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'b', ',', '"', '\n', '\r', ' ', '\t', 'ж'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            int chunk = 1 + random.nextInt(5);
            assertEquals(commons(text, ','), lexer(text, ',', chunk), () -> "text " + text.replace("\n", "\\n")
                    .replace("\r", "\\r") + " chunk " + chunk);
        }
    }

    /** A reader that hands out at most {@code chunk} chars per read, so every buffer boundary is crossed. */
    private static final class Trickle extends Reader {
        private final String text;
        private final int chunk;
        private int pos;

        Trickle(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
