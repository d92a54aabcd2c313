package io.kaitenimport.validate;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * An unpacked package. A symbolic link that points outside the root would let a package make the validator (and
 * later the importer) read arbitrary files, so such a package is refused; links that stay inside are followed.
 */
public final class DirectoryPackageReader implements PackageReader {
    private final Path root;
    private final List<String> names;

    private DirectoryPackageReader(Path root, List<String> names) {
        this.root = root;
        this.names = names;
    }

    public static DirectoryPackageReader open(Path dir) throws PackageException {
        try {
            Path root = dir.toRealPath();
            List<String> names = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (Files.isSymbolicLink(p) && !staysInside(root, p)) {
                        throw PackageException.withMessage(IssueCode.PACKAGE_UNSAFE_PATH, Location.file(name),
                                "symbolic link '" + name + "' points outside the package");
                    }
                    if (Files.isRegularFile(p)) {
                        names.add(name);
                    }
                }
            }
            Collections.sort(names);
            return new DirectoryPackageReader(root, Collections.unmodifiableList(names));
        } catch (PackageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PackageException(IssueCode.PACKAGE_UNREADABLE, Location.file(dir.toString()),
                    "cannot list directory: " + e.getMessage());
        }
    }

    /** Both the link text and its final target must stay under the root (a dangling link is judged by its text). */
    private static boolean staysInside(Path root, Path link) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        if (!target.startsWith(root)) {
            return false;
        }
        try {
            return link.toRealPath().startsWith(root);
        } catch (NoSuchFileException dangling) {
            return true;
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean exists(String name) {
        Path p = resolve(name);
        return p != null && Files.isRegularFile(p);
    }

    @Override
    public InputStream open(String name) throws IOException {
        Path p = resolve(name);
        if (p == null || !Files.isRegularFile(p)) {
            throw new NoSuchFileException(name);
        }
        return Files.newInputStream(p);
    }

    /** The file for a package name, or null when the name or a link on its way leaves the root. */
    private Path resolve(String name) {
        if (PackagePaths.isUnsafe(name)) {
            return null;
        }
        Path p = root.resolve(PackagePaths.normalize(name)).normalize();
        try {
            return p.startsWith(root) && (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || p.toRealPath().startsWith(root))
                    ? p : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
