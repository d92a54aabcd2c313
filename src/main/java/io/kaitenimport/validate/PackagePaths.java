package io.kaitenimport.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Names inside a package: '/'-separated, relative to the folder that holds meta-data.json. */
final class PackagePaths {
    /** The one name, defined where packages are written. */
    static final String META = io.kaitenimport.emit.PackageWriter.META;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private PackagePaths() {
    }

    /**
     * True when a name could address something outside the package on some platform: absolute (Unix, Windows
     * drive or UNC), a '..' segment, or a backslash (which Windows tools treat as a separator).
     */
    static boolean isUnsafe(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            return true;
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || DRIVE.matcher(name).matches()) {
            return true;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** "./a//./b.json" becomes "a/b.json"; the name must already be safe. */
    static String normalize(String name) {
        List<String> parts = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }
}
