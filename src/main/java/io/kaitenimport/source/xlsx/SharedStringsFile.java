package io.kaitenimport.source.xlsx;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Excel's shared-strings table without holding its texts in memory. A workbook saved by Excel keeps every cell text
 * once in {@code xl/sharedStrings.xml}; with a unique description per row that part is hundreds of MB, which POI's
 * tables hold whole as strings or XML beans. Here the part is parsed once (SAX, POI's hardened parser) into a temp
 * file of UTF-8 texts, and memory keeps one {@code int} per text: where it ends in the file (the part may not inflate
 * beyond {@link XlsxWorkbook#MAX_ENTRY_SIZE}, so offsets fit 32 unsigned bits; checked). Texts are read back with
 * positional reads through a 64 KB window — Excel numbers texts in order of first use, so the unique texts of a big
 * sheet come in file order — and texts used again behind the window (statuses, people, parent keys) through a small
 * cache.
 *
 * <p>What a text is matches POI's {@code ReadOnlySharedStringsTable} without phonetic runs, so output stays the
 * same: the {@code <t>} runs of an {@code <si>} joined (rich text loses its formatting), {@code <rPh>} furigana
 * left out, Excel's {@code _xHHHH_} escapes decoded as POI decodes them.
 */
final class SharedStringsFile implements SharedStrings, Closeable {
    /**
     * Longest text accepted, in characters. Excel's own cell limit is 32,767; other writers go further, so the bound
     * is generous — it only keeps one crafted text from filling the heap while it is read.
     */
    static final int MAX_TEXT = 1 << 22;
    private static final int WINDOW = 1 << 16;
    private static final int CACHE = 1 << 10;

    private final Path file;
    private final FileChannel channel;
    /** End offset of each text in the file, as unsigned 32 bits; text i starts where text i - 1 ends. */
    private final int[] ends;
    private final int size;
    private final boolean present;
    private final int count;
    private final int uniqueCount;

    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    private final int[] cachedIndex = new int[CACHE];
    private final String[] cachedText = new String[CACHE];

    /** A cell named a text the table does not have. */
    static final class Missing extends RuntimeException {
        final int index;
        final int size;
        final boolean tablePresent;

        Missing(int index, int size, boolean tablePresent) {
            super("shared text #" + index + " is not in the table", null, false, false);
            this.index = index;
            this.size = size;
            this.tablePresent = tablePresent;
        }
    }

    private SharedStringsFile(Path file, Builder b) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.ends = b.ends;
        this.size = b.size;
        this.present = b.started;
        this.count = b.count;
        this.uniqueCount = b.uniqueCount;
        Arrays.fill(cachedIndex, -1);
    }

    /** Reads the workbook's shared-strings part, if it has one, into a temp file. */
    static SharedStringsFile read(OPCPackage pkg, String workbook) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return read((InputStream) null, workbook);
        }
        PackagePart part = parts.get(0);
        try (InputStream in = part.getInputStream()) {
            return read(in, workbook + " [" + part.getPartName().getName().replaceFirst("^/", "") + "]");
        }
    }

    /** Reads a shared-strings part (null: the workbook has none); {@code where} names it in messages. */
    static SharedStringsFile read(InputStream in, String where) throws IOException, SAXException {
        Path file = Files.createTempFile("kaiten-import-sst-", ".txt");
        // A run stopped by Ctrl-C or an error exit skips close(); hundreds of MB must not stay in the temp folder.
        file.toFile().deleteOnExit();
        boolean done = false;
        try {
            Builder b = new Builder();
            if (in != null) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), WINDOW)) {
                    b.parse(in, out, where);
                } catch (SAXException | RuntimeException e) {
                    // named after the part: a broken table is not a broken sheet
                    throw XlsxErrors.translate(Location.file(where), e);
                }
            }
            SharedStringsFile table = new SharedStringsFile(file, b);
            done = true;
            return table;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The temp file, for tests that check it is gone after {@link #close()}. */
    Path file() {
        return file;
    }

    /** The parser's side: one SAX pass writing texts to the file and their ends to a growing int array. */
    private static final class Builder extends DefaultHandler {
        private static final String NS = XSSFRelation.NS_SPREADSHEETML;
        int[] ends = new int[1024];
        int size;
        boolean started;
        int count;
        int uniqueCount;
        private long offset;
        private final StringBuilder text = new StringBuilder(256);
        private boolean inT;
        private boolean inPhonetic;
        private OutputStream out;
        private String where;
        private org.xml.sax.Locator locator;

        void parse(InputStream in, OutputStream out, String where) throws IOException, SAXException {
            this.out = out;
            this.where = where;
            XMLReader xml;
            try {
                xml = XMLHelper.newXMLReader();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
            xml.setContentHandler(this);
            try {
                xml.parse(new InputSource(in));
            } catch (SAXException e) {
                if (e.getException() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            if (uri != null && !uri.equals(NS)) {
                return;
            }
            switch (local) {
                case "sst" -> {
                    started = true;
                    count = attribute(a, "count");
                    uniqueCount = attribute(a, "uniqueCount");
                }
                case "si" -> text.setLength(0);
                case "t" -> inT = true;
                case "rPh" -> inPhonetic = true;
                default -> { }
            }
        }

        /** POI keeps the low 32 bits of these advisory counts; so do we (nothing here relies on them). */
        private static int attribute(Attributes a, String name) {
            String v = a.getValue(name);
            try {
                return v == null ? 0 : (int) Long.parseLong(v);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (uri != null && !uri.equals(NS)) {
                return;
            }
            switch (local) {
                case "si" -> {
                    if (started) {
                        add();
                    }
                }
                case "t" -> inT = false;
                case "rPh" -> inPhonetic = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inT && !inPhonetic) {
                if (text.length() + length > MAX_TEXT) {
                    throw new SourceException(here(), "shared text #" + size + " is longer than "
                            + String.format("%,d", MAX_TEXT) + " characters (Excel's own limit is 32,767); the"
                            + " workbook is damaged or was not written by a spreadsheet program");
                }
                text.append(ch, start, length);
            }
        }

        private Location here() {
            Location at = Location.file(where);
            return locator == null ? at : at.withLine((long) locator.getLineNumber(), (long) locator.getColumnNumber());
        }

        private void add() throws SAXException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            offset += bytes.length;
            if (offset > 0xFFFF_FFFFL) {
                throw new SourceException(here(), "the shared texts add up to more than 4 GiB");
            }
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new SAXException(e);
            }
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1));
            }
            ends[size++] = (int) offset;
        }
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new Text(text(idx));
    }

    /** The cell text of entry {@code idx}, exactly as POI's read-only table gives it. */
    String text(int idx) {
        if (idx < 0 || idx >= size) {
            throw new Missing(idx, size, present);
        }
        int slot = idx & (CACHE - 1);
        if (cachedIndex[slot] == idx) {
            return cachedText[slot];
        }
        long start = idx == 0 ? 0 : Integer.toUnsignedLong(ends[idx - 1]);
        int length = (int) (Integer.toUnsignedLong(ends[idx]) - start);
        if (length == 0) {
            return "";
        }
        String raw;
        try {
            if (windowStart >= 0 && start >= windowStart && start + length <= windowStart + window.limit()) {
                raw = new String(window.array(), (int) (start - windowStart), length, StandardCharsets.UTF_8);
            } else if (length <= WINDOW && (windowStart < 0 || start >= windowStart)) {
                fill(start);
                raw = new String(window.array(), 0, length, StandardCharsets.UTF_8);
            } else {
                // Behind the window (a text used again) or longer than it: read it alone, keep the window.
                ByteBuffer one = ByteBuffer.allocate(length);
                readFully(one, start);
                raw = new String(one.array(), 0, length, StandardCharsets.UTF_8);
                String decoded = decode(raw);
                if (length <= WINDOW) {
                    cachedIndex[slot] = idx;
                    cachedText[slot] = decoded;
                }
                return decoded;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temp file of shared texts " + file, e);
        }
        return decode(raw);
    }

    private void fill(long start) throws IOException {
        window.clear();
        long end = Math.min(start + WINDOW, Integer.toUnsignedLong(ends[size - 1]));
        window.limit((int) (end - start));
        readFully(window, start);
        window.flip();
        windowStart = start;
    }

    private void readFully(ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                throw new IOException("the temp file of shared texts ends early");
            }
            at += n;
        }
    }

    /** Excel's {@code _xHHHH_} escapes, decoded by POI itself; the common text without one is returned as it is. */
    private static String decode(String raw) {
        return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
    }

    /** How many texts the table has. */
    int size() {
        return size;
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return uniqueCount;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A cell text as POI's sheet handler wants it; it only ever asks for the string. */
    private record Text(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("read-only text");
        }
    }
}
