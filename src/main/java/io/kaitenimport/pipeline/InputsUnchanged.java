package io.kaitenimport.pipeline;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The size and modification time of each input file when a conversion starts, checked again once the sources are
 * read. Adapters read an export more than once (an index pass, then the cards; Trello goes back for out-of-order
 * elements), so an export still being downloaded or rewritten would give a package that matches neither version.
 * A change refuses the conversion before anything is written. Folders (a wiki export) are not watched.
 */
final class InputsUnchanged {
    private record Seen(Path file, long size, FileTime modified) {
    }

    private final List<Seen> seen;

    private InputsUnchanged(List<Seen> seen) {
        this.seen = seen;
    }

    static InputsUnchanged of(List<Path> inputs) {
        List<Seen> seen = new ArrayList<>();
        for (Path p : inputs) {
            BasicFileAttributes a = attributes(p);
            if (a != null && a.isRegularFile()) {
                seen.add(new Seen(p, a.size(), a.lastModifiedTime()));
            }
        }
        return new InputsUnchanged(seen);
    }

    /** @throws SourceException naming the first input whose size or time is not what it was at the start */
    void check() {
        for (Seen s : seen) {
            BasicFileAttributes now = attributes(s.file());
            if (now == null) {
                throw new SourceException(Location.file(s.file().toString()),
                        "the file was removed while it was being converted; nothing was written");
            }
            if (now.size() != s.size() || !now.lastModifiedTime().equals(s.modified())) {
                throw new SourceException(Location.file(s.file().toString()), String.format(java.util.Locale.ROOT,
                        "the file changed while it was being converted (%,d bytes, modified %s; now %,d bytes, "
                                + "modified %s); nothing was written. Convert it again once nothing writes to it "
                                + "(a download that has finished), or convert a copy",
                        s.size(), s.modified(), now.size(), now.lastModifiedTime()));
            }
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // gone or unreadable: the adapter reports that when it opens the file
        }
    }
}
