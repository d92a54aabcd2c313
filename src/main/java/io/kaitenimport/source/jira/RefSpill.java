package io.kaitenimport.source.jira;

import io.kaitenimport.issue.Location;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The relation references of pass 1, written as they are found and read back once, in the same order, when they
 * are resolved: a dump with millions of links keeps none of them on the heap. The first few MB stay in memory
 * (small exports never touch the disk); past that they go to a temp file that is deleted when resolved or closed.
 * Strings are stored as UTF-16 code units, so any text (lone surrogates included) comes back exactly.
 */
final class RefSpill implements Closeable {
    /** Bytes kept in memory before the references move to a temp file. */
    static final int IN_MEMORY = 4 << 20;

    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }, 1 << 16));
    private final int threshold;
    private Path file;
    private OutputStream fileOut;
    private long count;

    /** What {@link #RefSpill()} keeps in memory; tests set 0 to send every conversion's references to disk. */
    static int defaultInMemory = IN_MEMORY;

    RefSpill() {
        this(defaultInMemory);
    }

    /** {@code threshold}: bytes kept in memory; tests pass a small one to exercise the file. */
    RefSpill(int threshold) {
        this.threshold = threshold;
    }

    private OutputStream target() throws IOException {
        if (fileOut == null && memory.size() >= threshold) {
            file = Files.createTempFile("kaiten-import-jira-", ".refs");
            file.toFile().deleteOnExit();
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory.reset();
        }
        return fileOut != null ? fileOut : memory;
    }

    void add(Relations.Ref r) {
        try {
            out.writeByte(r.kind().ordinal());
            out.writeInt(r.from());
            string(r.targetId());
            string(r.targetKey());
            string(r.type());
            out.writeBoolean(r.outward());
            string(r.verb());
            string(r.field());
            string(r.browseUrl());
            Location w = r.where();
            string(w.file());
            number(w.line());
            number(w.column());
            string(w.field());
            number(w.recordIndex());
            string(w.recordId());
            string(w.pointer());
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Jira relation list to "
                    + (file != null ? file : "a temp file in " + System.getProperty("java.io.tmpdir")), e);
        }
    }

    long size() {
        return count;
    }

    interface RefVisitor {
        void ref(Relations.Ref r) throws IOException;
    }

    /** Every reference in the order added; then the spill is empty again (its file deleted). */
    void drain(RefVisitor visitor) throws IOException {
        out.flush();
        try (DataInputStream in = new DataInputStream(input())) {
            for (long i = 0; i < count; i++) {
                Relations.Kind kind = Relations.Kind.values()[in.readUnsignedByte()];
                int from = in.readInt();
                String targetId = string(in);
                String targetKey = string(in);
                String type = string(in);
                boolean outward = in.readBoolean();
                String verb = string(in);
                String field = string(in);
                String browse = string(in);
                Location where = new Location(string(in), number(in), number(in), string(in), number(in),
                        string(in), string(in));
                visitor.ref(new Relations.Ref(kind, from, targetId, targetKey, type, outward, verb, field, browse,
                        where));
            }
        } finally {
            close();
        }
    }

    private InputStream input() throws IOException {
        if (fileOut == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileOut.close();
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    @Override
    public void close() throws IOException {
        count = 0;
        memory.reset();
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    private void string(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) (c >>> 8);
            b[2 * i + 1] = (byte) c;
        }
        out.writeInt(s.length());
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n * 2];
        in.readFully(b);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ((b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff);
        }
        return new String(c);
    }

    private void number(Long v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    private static Long number(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return in.readLong();
    }

    /** For tests: the temp file the references went to, or null. */
    Path file() {
        return file;
    }
}
