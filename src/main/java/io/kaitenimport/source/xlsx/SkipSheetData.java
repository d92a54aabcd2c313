package io.kaitenimport.source.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A sheet part with the content of {@code <sheetData>} left out, for {@link SheetScan}, which wants only what
 * follows the cells (merged regions, hyperlinks): the cells are most of a big sheet, and matching two byte patterns
 * costs far less than parsing them as XML. The element itself stays, empty, so the XML stays well-formed. Only the
 * unprefixed tags are recognised (what Excel and the libraries write); a sheet that spells them otherwise passes
 * through whole. Text and attribute values cannot hold a raw {@code <}, so the end tag found is the real one; the
 * scan parses the whole part again if the filtered XML is ever malformed (a comment holding the tag).
 */
final class SkipSheetData extends FilterInputStream {
    private static final byte[] START = "<sheetData>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</sheetData>".getBytes(StandardCharsets.US_ASCII);

    private enum State { BEFORE, INSIDE, AFTER }

    private State state = State.BEFORE;
    private int matched;
    /** How much of the end tag is handed on; -1 when none is due. */
    private int pendingEnd = -1;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;

    SkipSheetData(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (pendingEnd >= 0) {
                int n = Math.min(len, END.length - pendingEnd);
                System.arraycopy(END, pendingEnd, b, off, n);
                pendingEnd += n;
                if (pendingEnd == END.length) {
                    pendingEnd = -1;
                    state = State.AFTER;
                }
                return n;
            }
            if (pos == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return -1;
                }
                pos = 0;
                limit = n;
                continue;
            }
            switch (state) {
                case AFTER -> {
                    int n = Math.min(len, limit - pos);
                    System.arraycopy(buffer, pos, b, off, n);
                    pos += n;
                    return n;
                }
                case BEFORE -> {
                    int n = 0;
                    while (n < len && pos < limit) {
                        byte c = buffer[pos++];
                        b[off + n++] = c;
                        if (advance(c, START)) {
                            state = State.INSIDE;
                            break;
                        }
                    }
                    return n;
                }
                default -> {
                    while (pos < limit) {
                        if (advance(buffer[pos++], END)) {
                            pendingEnd = 0;
                            break;
                        }
                    }
                }
            }
        }
    }

    private boolean advance(byte c, byte[] pattern) {
        if (c == pattern[matched]) {
            matched++;
            if (matched == pattern.length) {
                matched = 0;
                return true;
            }
        } else {
            matched = c == pattern[0] ? 1 : 0;
        }
        return false;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
