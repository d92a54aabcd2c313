package io.kaitenimport.issue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why an I/O operation failed, in words ("no such file", "permission denied", "not UTF-8 text"), instead of the
 * bare file name or "Input length = 1" that Java's exceptions carry as their message.
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(Throwable e) {
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof MalformedInputException || e instanceof UnmappableCharacterException) {
            return "the bytes are not UTF-8 text (save the file as UTF-8, e.g. Excel's \"CSV UTF-8\")";
        }
        if (e instanceof CharacterCodingException) {
            return "the text cannot be decoded";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason().toLowerCase(java.util.Locale.ROOT)
                    : e.getClass().getSimpleName();
        }
        if (e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
