package io.kaitenimport.source.csv;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.tabular.Cell;
import io.kaitenimport.source.tabular.Row;
import io.kaitenimport.source.tabular.HeaderRowFinder;
import io.kaitenimport.source.tabular.RowSource;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A CSV file as rows: decoded strictly with the sniffed (or given) charset, split with the sniffed delimiter by
 * {@link CsvLexer} (Commons CSV's rules, much faster), the header found below any preamble. Each {@link #forEachRow} re-reads the file.
 */
public final class CsvRowSource implements RowSource {
    private final Path file;
    private final String name;
    private final Charset charset;
    private final int bomLength;
    private final char delimiter;
    private final int headerIndex;
    private final int skipRecords;
    private final List<String> header;
    private long headerLine;

    public CsvRowSource(Path file, Charset charset, int bomLength, char delimiter, int skipRecords,
                 Predicate<String> knownHeader) throws IOException {
        this.skipRecords = skipRecords;
        this.file = file;
        this.name = file.toString();
        this.charset = charset;
        this.bomLength = bomLength;
        this.delimiter = delimiter;
        List<List<String>> first = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        read(record -> {
            if (first.size() >= HeaderRowFinder.MAX_HEADER_INDEX + 5) {
                return false;
            }
            first.add(record.values());
            lines.add(record.line());
            return true;
        });
        if (first.isEmpty()) {
            throw new SourceException(Location.file(name), "file has no rows");
        }
        this.headerIndex = HeaderRowFinder.find(first, knownHeader);
        this.header = List.copyOf(first.get(headerIndex));
        this.headerLine = lines.get(headerIndex);
    }

    /** A raw record and the line it starts on. */
    private record Raw(long line, List<String> values) {
    }

    private interface RawHandler {
        /** @return false to stop reading */
        boolean accept(Raw raw) throws IOException;
    }

    private Reader open() throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bomLength);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // No BufferedReader: the lexer reads 64K-char blocks, which the decoder fills directly.
        return new InputStreamReader(in, decoder);
    }

    private void read(RawHandler handler) throws IOException {
        try (Reader reader = open()) {
            CsvLexer lexer = new CsvLexer(reader, delimiter);
            int skip = skipRecords;
            while (true) {
                long start = lexer.line();
                List<String> values;
                try {
                    values = lexer.next();
                } catch (CsvLexer.Malformed e) {
                    throw translate(e);
                }
                if (values == null) {
                    break;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue;
                }
                if (!handler.accept(new Raw(start, values))) {
                    return;
                }
            }
        } catch (CharacterCodingException e) {
            throw encodingError(e);
        }
    }

    /**
     * The decoder reads ahead of the parser, so the parser's line is not where the bad bytes are; find them by
     * decoding the file again up to the first malformed sequence and counting its lines.
     */
    private SourceException encodingError(CharacterCodingException cause) {
        long line = 1;
        long offset = bomLength;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(bomLength);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
            java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
            boolean eof = false;
            while (true) {
                int n = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int before = bytes.position();
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, eof);
                offset += bytes.position() - before;
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    break;
                }
                bytes.compact();
                if (eof && !result.isOverflow()) {
                    break;
                }
            }
        } catch (IOException e) {
            // keep what was counted
        }
        return new SourceException(Location.cell(name, line, null, null), "bytes are not valid " + charset.name()
                + " (at byte " + offset + "); pass the file's encoding with --encoding (e.g. --encoding windows-1251)",
                cause);
    }

    private SourceException translate(CsvLexer.Malformed e) {
        return new SourceException(Location.cell(name, e.line, null, null), e.getMessage(), e);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public void forEachRow(RowHandler handler) throws IOException {
        RowPrefetch.run(this::readRows, handler);
    }

    private void readRows(RowHandler handler) throws IOException {
        int[] index = {0};
        read(raw -> {
            if (index[0]++ <= headerIndex) {
                return true;
            }
            List<Cell> cells = new ArrayList<>(raw.values().size());
            boolean blank = true;
            for (String v : raw.values()) {
                cells.add(Cell.text(v));
                blank &= v.isBlank();
            }
            if (!blank) {
                handler.row(new Row(raw.line(), cells));
            }
            return true;
        });
    }
}
