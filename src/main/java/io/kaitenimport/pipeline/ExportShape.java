package io.kaitenimport.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an input looks like from its first bytes, for the refusals detection cannot avoid: "this is an Asana JSON
 * export", "this is JSON, not CSV", "this is a binary file". Says what the file is and what to do, instead of
 * "use --from" (which, followed for an Asana file, made 2,462 cards titled {@code "gid": "…"}).
 */
final class ExportShape {
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]{0,40})\"\\s*:");

    enum Kind { EMPTY, JSON, BINARY, ZIP, TEXT }

    private final byte[] head;
    private final String text;

    ExportShape(byte[] head) {
        this.head = head;
        String t = new String(head, StandardCharsets.UTF_8);
        this.text = t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    Kind kind() {
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] < 9 && head[3] < 9) {
            return Kind.ZIP;
        }
        int controls = 0;
        int n = Math.min(head.length, 8192);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return Kind.BINARY;
            }
            if (b < 0x09 || b > 0x0d && b < 0x20) {
                controls++;
            }
        }
        if (controls * 20 > n) {
            return Kind.BINARY;
        }
        String s = text.stripLeading();
        if ((s.startsWith("{") || s.startsWith("[")) && KEY.matcher(s.substring(0, Math.min(s.length(), 4096))).find()) {
            return Kind.JSON;
        }
        return Kind.TEXT;
    }

    /** Asana's API and UI JSON exports: objects with "gid" and "resource_type" (or Asana's task keys). */
    boolean looksLikeAsana() {
        return text.contains("\"gid\"") && (text.contains("\"resource_type\"") || text.contains("\"assignee_status\"")
                || text.contains("\"memberships\""));
    }

    /** The first distinct JSON keys, for saying what a JSON file holds. */
    List<String> keys(int max) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = KEY.matcher(text);
        while (m.find() && out.size() < max) {
            out.add(m.group(1));
        }
        return new ArrayList<>(out);
    }

    /** Why no adapter takes this file and what to do, or null when there is nothing more specific to say. */
    String unsupported(String supported) {
        return switch (kind()) {
            case JSON -> looksLikeAsana()
                    ? "looks like an Asana JSON export (objects with \"gid\" and \"resource_type\"), which kaiten-import "
                            + "does not read yet; export the project from Asana as CSV (project menu → Export → CSV) "
                            + "and convert that file"
                    : "is JSON, but neither a Trello board export nor a Jira issue/search export (it starts with keys "
                            + String.join(", ", keys(6)) + "); supported kinds: " + supported;
            case BINARY -> "is a binary file, not an export kaiten-import reads (supported: " + supported + ")";
            case ZIP -> "is a zip archive but not an Excel workbook; unpack it and convert the export inside (supported: "
                    + supported + ")";
            default -> null;
        };
    }

    /** Why {@code --from csv} cannot take this file, or null when it is plausibly text. */
    String notCsv() {
        return switch (kind()) {
            case JSON -> "--from csv, but the file is JSON" + (looksLikeAsana() ? " (an Asana export)" : "")
                    + ", not comma- or semicolon-separated text; convert a CSV export, or drop --from to let "
                    + "detection choose";
            case BINARY -> "--from csv, but the file is binary (it has NUL or control bytes), not CSV text";
            case ZIP -> "--from csv, but the file is a zip archive (an Excel workbook?); use --from xlsx or drop --from";
            default -> null;
        };
    }
}
