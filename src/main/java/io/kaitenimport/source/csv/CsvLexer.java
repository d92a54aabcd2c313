package io.kaitenimport.source.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records exactly as Commons CSV's {@code CSVFormat.DEFAULT} with another delimiter and
 * empty lines kept does (RFC 4180 quoting, {@code ""} inside quotes, CR, LF or CRLF ends a record, whitespace
 * after a closing quote is skipped, a trailing line break adds no record), at a fraction of its cost: one scan
 * over a char buffer, unquoted cells cut straight out of it, no per-character method calls. Commons CSV spent a
 * third of a large conversion in its lexer; the conversion reads the file twice. Lines are counted the same way
 * (CR, LF or CRLF is one line break, also inside quoted cells), so error positions are unchanged.
 */
final class CsvLexer {
    /** A record that cannot be split; {@code line} is 1-based. */
    static final class Malformed extends IOException {
        final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    /** Line breaks consumed so far. */
    private long breaks;
    /** The last character consumed was CR, so a following LF is the same line break. */
    private boolean afterCr;
    private final StringBuilder quoted = new StringBuilder();

    CsvLexer(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The 1-based line the next record starts on. */
    long line() {
        return breaks + 1;
    }

    /** The next record's cells, or null at the end of the text. */
    List<String> next() throws IOException {
        if (pos == limit && !fill()) {
            return null;
        }
        long start = line();
        List<String> cells = new ArrayList<>(16);
        while (true) {
            int end = cell(cells, start);
            if (end != delimiter) {
                return cells;
            }
        }
    }

    /**
     * Reads one cell into {@code cells}; returns what ended it: the delimiter, '\n' for a line break (CRLF is
     * consumed whole) or EOF.
     */
    private int cell(List<String> cells, long recordLine) throws IOException {
        if (pos == limit && !fill()) {
            cells.add(""); // after a delimiter at the very end: "a," is two cells
            return EOF;
        }
        if (buf[pos] == '"') {
            pos++;
            afterCr = false;
            return quotedCell(cells, recordLine);
        }
        // Unquoted: scan the buffer for the end; a cell that runs past the buffer is collected in pieces.
        StringBuilder long_ = null;
        while (true) {
            int from = pos;
            int i = pos;
            int lim = limit;
            char d = delimiter;
            char[] b = buf;
            while (i < lim) {
                char c = b[i];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < lim) {
                String text = long_ == null ? new String(b, from, i - from)
                        : long_.append(b, from, i - from).toString();
                cells.add(text);
                char c = b[i];
                pos = i + 1;
                afterCr = false;
                if (c == d) {
                    return d;
                }
                lineBreak(c);
                return '\n';
            }
            if (long_ == null) {
                long_ = new StringBuilder(Math.max(16, (i - from) * 2));
            }
            long_.append(b, from, i - from);
            pos = i;
            if (!fill()) {
                cells.add(long_.toString());
                return EOF;
            }
        }
    }

    private int quotedCell(List<String> cells, long recordLine) throws IOException {
        StringBuilder sb = quoted;
        sb.setLength(0);
        while (true) {
            if (pos == limit && !fill()) {
                throw new Malformed(recordLine, io.kaitenimport.source.CsvErrors.UNCLOSED_QUOTE);
            }
            int from = pos;
            int i = pos;
            int lim = limit;
            char[] b = buf;
            while (i < lim && b[i] != '"') {
                i++;
            }
            count(from, i);
            sb.append(b, from, i - from);
            pos = i;
            if (i == lim) {
                continue;
            }
            pos++; // the quote
            afterCr = false;
            if (peek() == '"') {
                sb.append('"');
                pos++;
                continue;
            }
            break;
        }
        cells.add(sb.toString());
        // After the closing quote only whitespace may come before the delimiter or the end of the line.
        while (true) {
            int c = read();
            if (c == delimiter) {
                return delimiter;
            }
            if (c == EOF) {
                return EOF;
            }
            if (c == '\n' || c == '\r') {
                return '\n';
            }
            if (!Character.isWhitespace((char) c)) {
                throw new Malformed(line(), io.kaitenimport.source.CsvErrors.TEXT_AFTER_QUOTE);
            }
        }
    }

    /** Counts the line breaks in buf[from, to) the way Commons CSV's reader does (CRLF once). */
    private void count(int from, int to) {
        char[] b = buf;
        boolean cr = afterCr;
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if (c == '\r' || c == '\n' && !cr) {
                n++;
            }
            cr = c == '\r';
        }
        if (to > from) {
            afterCr = cr;
        }
        breaks += n;
    }

    /** A line break char just consumed: counts it, and swallows the LF of a CRLF. */
    private void lineBreak(char c) throws IOException {
        breaks++;
        if (c == '\r') {
            if (peek() == '\n') {
                pos++;
            }
        }
        afterCr = false;
    }

    /** Consumes one char; a line break (CR, LF or CRLF) comes back as itself with its LF swallowed. */
    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return EOF;
        }
        char c = buf[pos++];
        if (c == '\r' || c == '\n') {
            lineBreak(c);
        } else {
            afterCr = false;
        }
        return c;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
