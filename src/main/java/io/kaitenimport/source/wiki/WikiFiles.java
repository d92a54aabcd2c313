package io.kaitenimport.source.wiki;

import io.kaitenimport.emit.FileTrees;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.validate.ZipLimits;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one wiki export — a folder, or a zip unpacked into a private temporary folder — by their
 * {@code /}-separated, NFC-normalised relative names, without the junk macOS and Windows add ({@code __MACOSX/},
 * {@code ._*}, {@code .DS_Store}, {@code Thumbs.db}). A Notion export too big for one zip comes as an outer zip of
 * {@code Export-…-Part-N.zip} files; their contents are unpacked into the same tree.
 */
final class WikiFiles implements AutoCloseable {
    private final Path input;
    private final Path root;
    private final boolean temporary;
    private final TreeMap<String, Path> files = new TreeMap<>();
    private final List<String> folders = new ArrayList<>();

    private WikiFiles(Path input, Path root, boolean temporary) {
        this.input = input;
        this.root = root;
        this.temporary = temporary;
    }

    static WikiFiles open(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            WikiFiles w = new WikiFiles(input, input, false);
            w.scan();
            return w;
        }
        Path tmp = Files.createTempDirectory("kaiten-import-wiki-");
        WikiFiles w = new WikiFiles(input, tmp, true);
        try {
            long[] budget = {ZipLimits.DEFAULT.maxTotalBytes()};
            unzip(input, input.toString(), tmp, budget, 0);
            w.scan();
            return w;
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** A name's parts as they appear in the tree; junk parts make the whole name junk. */
    static boolean junk(String relative) {
        for (String part : relative.split("/")) {
            if (part.equals("__MACOSX") || part.startsWith("._") || part.equals(".DS_Store")
                    || part.equalsIgnoreCase("Thumbs.db")) {
                return true;
            }
        }
        return false;
    }

    /** Settings and version-control folders ({@code .obsidian/}, {@code .git/}, {@code .trash/}): not content. */
    static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The relative names only (cheap detection): a folder walk or a zip's central directory. */
    static List<String> names(Path input, int max) {
        List<String> out = new ArrayList<>();
        try {
            if (Files.isDirectory(input)) {
                try (Stream<Path> s = Files.walk(input)) {
                    s.filter(Files::isRegularFile).limit(max).forEach(p -> out.add(nfc(input.relativize(p))));
                }
            } else {
                if (io.kaitenimport.archive.ZipCheck.declaredEntries(input) > ZipLimits.DEFAULT.maxEntries()) {
                    return List.of("?.md"); // claimed, so that reading refuses it in one line
                }
                try (ZipFile zip = ZipFile.builder().setPath(input).get()) {
                    for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                        if (out.size() >= max) {
                            break;
                        }
                        if (!e.isDirectory()) {
                            out.add(Normalizer.normalize(e.getName(), Normalizer.Form.NFC));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.removeIf(WikiFiles::junk);
        return out;
    }

    private static String nfc(Path relative) {
        StringBuilder b = new StringBuilder();
        for (Path part : relative) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part.toString());
        }
        return Normalizer.normalize(b.toString(), Normalizer.Form.NFC);
    }

    private static void unzip(Path zipFile, String shown, Path into, long[] budget, int depth) throws IOException {
        ZipLimits limits = ZipLimits.DEFAULT;
        ZipFile zip;
        try {
            // before any library indexes it: a million-entry zip must not fill the heap while being opened
            io.kaitenimport.archive.ZipCheck.checkEntryCount(zipFile, limits.maxEntries(), "wiki export");
        } catch (io.kaitenimport.archive.ZipCheck.Refused e) {
            throw new SourceException(Location.file(shown), e.getMessage());
        }
        try {
            zip = ZipFile.builder().setPath(zipFile).get();
        } catch (IOException | RuntimeException e) {
            throw new SourceException(Location.file(shown), "not a readable zip archive (" + e.getMessage() + ")");
        }
        try (zip) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new SourceException(Location.file(shown), "has " + entries.size() + " entries; at most "
                        + limits.maxEntries() + " are read");
            }
            List<Path> inner = new ArrayList<>();
            boolean onlyZips = true;
            for (ZipArchiveEntry e : entries) {
                String name = Normalizer.normalize(e.getName().replace('\\', '/'), Normalizer.Form.NFC);
                if (e.isDirectory() || junk(name)) {
                    continue;
                }
                if (name.indexOf('\0') >= 0) {
                    throw new SourceException(Location.file(shown).withField(name.replace('\0', '?')),
                            "zip entry name holds a NUL character (a damaged archive); refused");
                }
                Location at = Location.file(shown).withField(name);
                try {
                    io.kaitenimport.archive.ZipCheck.checkMethod(e, shown);
                } catch (io.kaitenimport.archive.ZipCheck.Refused r) {
                    throw new SourceException(at, r.getMessage());
                }
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
                    throw new SourceException(at, "zip entry is absolute or leaves the archive; refused");
                }
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into)) {
                    throw new SourceException(at, "zip entry leaves the archive; refused");
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    long compressed = Math.max(1, e.getCompressedSize());
                    long n = 0;
                    byte[] buf = new byte[64 * 1024];
                    for (int r; (r = in.read(buf)) > 0; ) {
                        n += r;
                        budget[0] -= r;
                        if (n > limits.maxEntryBytes() || budget[0] < 0
                                || n > limits.ratioFloorBytes() && n / compressed > limits.maxRatio()) {
                            throw new SourceException(at, "zip entry expands beyond the size or compression "
                                    + "limits (zip bomb guard); refused");
                        }
                        out.write(buf, 0, r);
                    }
                } catch (IOException | RuntimeException ex) {
                    if (ex instanceof SourceException s) {
                        throw s;
                    }
                    throw new SourceException(at, "cannot read zip entry (" + ex.getMessage() + ")");
                }
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    inner.add(target);
                } else {
                    onlyZips = false;
                }
            }
            // A multi-part Notion export: an outer zip of Export-…-Part-N.zip, each a slice of the same tree.
            if (onlyZips && !inner.isEmpty() && depth == 0) {
                for (Path z : inner) {
                    unzip(z, shown + " [" + into.relativize(z) + "]", into, budget, depth + 1);
                    Files.delete(z);
                }
            }
        }
    }

    private void scan() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = nfc(root.relativize(p));
                if (junk(rel) || hidden(rel)) {
                    continue;
                }
                // links are not followed: a symlink in an export folder must not pull outside files into the package
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(rel);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(rel, p);
                }
            }
        }
    }

    /** The export's own name: the folder or zip name without extension. */
    String title() {
        String name = input.getFileName() == null ? "Wiki" : input.getFileName().toString();
        if (!Files.isDirectory(input) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.isBlank() ? "Wiki" : Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** Every file, by relative name, in name order. */
    Map<String, Path> files() {
        return Collections.unmodifiableMap(files);
    }

    /** Every folder's relative name. */
    List<String> folders() {
        return folders;
    }

    boolean has(String relative) {
        return files.containsKey(relative);
    }

    Path path(String relative) {
        return files.get(relative);
    }

    /** How a file is named in messages: inside the zip, or under the folder. */
    Location at(String relative) {
        if (temporary) {
            return Location.file(input.toString()).withField(relative);
        }
        return Location.file(input.resolve(relative).toString());
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            FileTrees.delete(root);
        }
    }
}
