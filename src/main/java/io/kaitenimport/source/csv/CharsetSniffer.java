package io.kaitenimport.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Guesses the character encoding of a text file from its first bytes: byte-order mark, then strict UTF-8,
 * then a caller-chosen legacy code page.
 */
public final class CharsetSniffer {

    /** Largest head the sniffers look at. */
    public static final int MAX_HEAD = 64 * 1024;

    /** The legacy code page most Russian spreadsheets are saved in; the caller's usual fallback. */
    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /**
     * @param charset   encoding to decode the file with
     * @param bomLength number of leading bytes that are a byte-order mark and must be skipped
     * @param reason    a sentence for the import report explaining the choice
     */
    public record Sniffed(Charset charset, int bomLength, String reason) {
        public Sniffed {
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private CharsetSniffer() {
    }

    /**
     * Decides the encoding of {@code head}, the first bytes (at most {@link #MAX_HEAD}) of a file.
     * A multi-byte UTF-8 sequence cut off by the end of {@code head} counts as valid, because the head is
     * usually a truncated prefix of a longer file.
     */
    public static Sniffed sniff(byte[] head, Charset legacyFallback) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(legacyFallback, "legacyFallback");
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new Sniffed(StandardCharsets.UTF_8, 3, "UTF-8 byte-order mark");
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Sniffed(StandardCharsets.UTF_16LE, 2, "UTF-16LE byte-order mark");
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Sniffed(StandardCharsets.UTF_16BE, 2, "UTF-16BE byte-order mark");
        }
        if (head.length == 0) {
            return new Sniffed(StandardCharsets.UTF_8, 0, "empty input; assuming UTF-8");
        }
        int invalidAt = firstInvalidUtf8Byte(head);
        if (invalidAt < 0) {
            return new Sniffed(StandardCharsets.UTF_8, 0, "valid UTF-8");
        }
        return new Sniffed(legacyFallback, 0,
                "not valid UTF-8 at byte " + invalidAt + "; using " + legacyFallback.name());
    }

    /** Reads up to {@code max} bytes from the start of {@code in}; fewer only at end of stream. */
    public static byte[] readHead(InputStream in, int max) throws IOException {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        return in.readNBytes(max);
    }

    /** Reads up to {@link #MAX_HEAD} bytes from the start of {@code file}. */
    public static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readHead(in, MAX_HEAD);
        }
    }

    /** Zero-based offset of the first byte that breaks UTF-8, or -1 when the head is valid. */
    private static int firstInvalidUtf8Byte(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        // UTF-8 never yields more chars than bytes, so the output buffer cannot overflow.
        CharBuffer out = CharBuffer.allocate(head.length);
        // endOfInput=false: a sequence cut at the end of the head is left undecoded (UNDERFLOW), not reported.
        CoderResult result = decoder.decode(in, out, false);
        return result.isError() ? in.position() : -1;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
