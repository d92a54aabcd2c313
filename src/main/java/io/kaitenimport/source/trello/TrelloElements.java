package io.kaitenimport.source.trello;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kaitenimport.compact.LongArray;
import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One of the export's big arrays (cards, actions, checklists), read one element at a time. A disk-backed array
 * keeps only where each element starts in the export file (8 bytes each) and parses an element again when it is
 * asked for: the export file itself is the store, so nothing is copied and the heap holds one element at a time.
 * Small or single-card exports, and files Jackson does not read as bytes, keep an in-memory array instead.
 */
abstract class TrelloElements {
    abstract int size();

    abstract JsonNode get(int i);

    static TrelloElements of(ArrayNode array) {
        return new InMemory(array);
    }

    /**
     * @param starts  byte offset of each element; {@code -(k + 1)} for a stray scalar (a malformed export), which
     *                is {@code scalars[k]}: a number cannot be parsed again from the middle of an array
     */
    static TrelloElements onDisk(FileChannel file, LongArray starts, ArrayNode scalars) {
        return new OnDisk(file, starts, scalars);
    }

    private static final class InMemory extends TrelloElements {
        private final ArrayNode array;

        InMemory(ArrayNode array) {
            this.array = array;
        }

        @Override
        int size() {
            return array.size();
        }

        @Override
        JsonNode get(int i) {
            return array.get(i);
        }
    }

    private static final class OnDisk extends TrelloElements {
        private final FileChannel file;
        private final LongArray starts;
        private final ArrayNode scalars;
        /** The last element read: converters ask for the same card or action several times in a row. */
        private int cachedIndex = -1;
        private JsonNode cached;
        private final byte[] window = new byte[1 << 14];
        private long windowStart;
        private int windowLength;

        OnDisk(FileChannel file, LongArray starts, ArrayNode scalars) {
            this.file = file;
            this.starts = starts;
            this.scalars = scalars;
        }

        @Override
        int size() {
            return starts.size();
        }

        @Override
        JsonNode get(int i) {
            if (i == cachedIndex) {
                return cached;
            }
            long at = starts.get(i);
            if (at < 0) {
                return scalars.get((int) (-at - 1));
            }
            // The first pass parsed the whole file, so a failure here means the file changed under us.
            try (JsonParser p = Json.MAPPER.getFactory().createParser(new At(this, at))) {
                JsonNode node = Json.MAPPER.readTree(p);
                cachedIndex = i;
                cached = node;
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("the export changed while it was being read (element at byte "
                        + at + ")", e);
            }
        }

        int read(long position, byte[] b, int off, int len) throws IOException {
            if (position < windowStart || position >= windowStart + windowLength) {
                windowStart = position;
                windowLength = Math.max(0, file.read(ByteBuffer.wrap(window), position));
                if (windowLength == 0) {
                    return -1;
                }
            }
            int n = (int) Math.min(len, windowStart + windowLength - position);
            System.arraycopy(window, (int) (position - windowStart), b, off, n);
            return n;
        }
    }

    /**
     * Reads the file from a byte position on through the array's 16 KB window, so a pass over neighbouring
     * elements reads each byte from the file once (Jackson asks for 8000 bytes however small the element).
     */
    private static final class At extends InputStream {
        private final OnDisk owner;
        private long position;

        At(OnDisk owner, long position) {
            this.owner = owner;
            this.position = position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = owner.read(position, b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
