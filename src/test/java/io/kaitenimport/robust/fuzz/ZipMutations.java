package io.kaitenimport.robust.fuzz;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Zip-level mutations of an .xlsx or a package zip: entries removed, duplicated, renamed, their content mutated,
 * their compression method rewritten in the headers (XZ, LZMA, bzip2, deflate64, an unknown id).
 */
final class ZipMutations {
    private ZipMutations() {
    }

    static Mutations.Mutant mutate(byte[] zip, Random r) {
        Map<String, byte[]> entries = read(zip);
        if (entries.isEmpty()) {
            return Mutations.bytes(zip, r);
        }
        List<String> names = new ArrayList<>(entries.keySet());
        String victim = names.get(r.nextInt(names.size()));
        switch (r.nextInt(7)) {
            case 0 -> {
                entries.remove(victim);
                return new Mutations.Mutant(write(entries, null), "entry " + victim + " removed");
            }
            case 1 -> {
                return new Mutations.Mutant(write(entries, victim), "entry " + victim + " duplicated");
            }
            case 2 -> {
                String[] to = {"../" + victim, "/" + victim, victim.toUpperCase(), victim + "/", "a\\" + victim,
                        victim.replace(".json", ".JSON")};
                String name = to[r.nextInt(to.length)];
                byte[] b = entries.remove(victim);
                entries.put(name, b);
                return new Mutations.Mutant(write(entries, null), "entry " + victim + " renamed to " + name);
            }
            case 3, 4 -> {
                byte[] content = entries.get(victim);
                Mutations.Mutant m = victim.endsWith(".json") && r.nextBoolean() ? Mutations.json(content, r)
                        : Mutations.bytes(content, r);
                entries.put(victim, m.bytes());
                return new Mutations.Mutant(write(entries, null), "entry " + victim + ": " + m.what());
            }
            case 5 -> {
                int[] methods = {95, 14, 12, 9, 99, 93, 6, 1};
                int method = methods[r.nextInt(methods.length)];
                return new Mutations.Mutant(setMethod(write(entries, null), victim, method),
                        "entry " + victim + " method set to " + method);
            }
            default -> {
                return Mutations.bytes(zip, r);
            }
        }
    }

    static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }

    static byte[] write(Map<String, byte[]> entries, String twice) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                int times = e.getKey().equals(twice) ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    ZipArchiveEntry z = new ZipArchiveEntry(e.getKey());
                    z.setMethod(ZipEntry.DEFLATED);
                    out.putArchiveEntry(z);
                    out.write(e.getValue());
                    out.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Rewrites the method field of the named entry in its local header and its central-directory record. */
    static byte[] setMethod(byte[] zip, String name, int method) {
        byte[] out = zip.clone();
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < out.length; i++) {
            if (sig(out, i, 0x04034b50) && matches(out, i + 30, n, le16(out, i + 26))) {
                out[i + 8] = (byte) method;
                out[i + 9] = (byte) (method >> 8);
            } else if (sig(out, i, 0x02014b50) && matches(out, i + 46, n, le16(out, i + 28))) {
                out[i + 10] = (byte) method;
                out[i + 11] = (byte) (method >> 8);
            }
        }
        return out;
    }

    private static boolean sig(byte[] b, int i, int sig) {
        return (b[i] & 0xff | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24) == sig;
    }

    private static int le16(byte[] b, int i) {
        return b[i] & 0xff | (b[i + 1] & 0xff) << 8;
    }

    private static boolean matches(byte[] b, int at, byte[] name, int len) {
        if (len != name.length || at + len > b.length) {
            return false;
        }
        return java.util.Arrays.equals(b, at, at + len, name, 0, len);
    }
}
