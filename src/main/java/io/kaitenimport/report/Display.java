package io.kaitenimport.report;

import java.nio.file.Path;

/**
 * Paths as the user typed them or relative to the working directory: a report line should not repeat
 * {@code /home/me/projects/exports/} twice.
 */
public final class Display {
    private final Path cwd;

    public Display(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public static Display here() {
        return new Display(Path.of(""));
    }

    /** A file name relative to the working directory when that is shorter; anything else unchanged. */
    public String path(String file) {
        if (file == null || file.isEmpty()) {
            return file;
        }
        try {
            Path p = Path.of(file);
            if (!p.isAbsolute()) {
                return file;
            }
            String rel = cwd.relativize(p.normalize()).toString();
            return rel.length() < file.length() ? (rel.isEmpty() ? "." : rel) : file;
        } catch (RuntimeException e) {
            return file;
        }
    }

    /**
     * A short position for a terminal line: the file only when it is not {@code input} (the one export everyone
     * knows about), then line:column, [field] and the JSON pointer (or record number when there is no pointer).
     */
    public String location(io.kaitenimport.issue.Location l, String input) {
        StringBuilder sb = new StringBuilder();
        if (l.file() != null && !isInput(l.file(), input)) {
            sb.append(path(l.file()));
        }
        if (l.line() != null) {
            sb.append(sb.length() > 0 ? ":" : "line ").append(l.line());
            if (l.column() != null) {
                sb.append(':').append(l.column());
            }
        }
        if (l.field() != null) {
            sb.append(sb.length() > 0 ? " " : "").append('[').append(l.field()).append(']');
        }
        if (l.pointer() != null) {
            sb.append(sb.length() > 0 ? " " : "").append(l.pointer().isEmpty() ? "/" : l.pointer());
        } else if (l.recordIndex() != null) {
            sb.append(sb.length() > 0 ? " " : "").append("record #").append(l.recordIndex());
        }
        return sb.toString();
    }

    private static boolean isInput(String file, String input) {
        if (input == null) {
            return false;
        }
        if (file.equals(input)) {
            return true;
        }
        try {
            Path name = Path.of(input).getFileName();
            return !input.contains(", ") && name != null && name.toString().equals(file);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every absolute path under or near the working directory inside {@code text}, made relative. */
    public String text(String text) {
        if (text == null || text.indexOf('/') < 0 && text.indexOf('\\') < 0) {
            return text;
        }
        String prefix = cwd.toString().endsWith("/") ? cwd.toString() : cwd + "/";
        if (text.contains(prefix)) {
            text = text.replace(prefix, "");
        }
        Path parent = cwd.getParent();
        if (parent != null && parent.getParent() != null) {
            String up = parent + "/";
            if (text.contains(up)) {
                text = text.replace(up, "../");
            }
        }
        return text;
    }
}
