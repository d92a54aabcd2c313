package io.kaitenimport.emit;

/** Names of files inside a package: safe on every file system and as zip entry names, and short enough. */
public final class FileNames {
    private FileNames() {
    }

    /** {@code <folder>/<id>/<name>} with both parts made safe for any file system and for zip entry names. */
    static String relative(String folder, String ownerId, String name) {
        if (!folder.matches("[a-z_]+")) {
            throw new IllegalArgumentException("package folder '" + folder + "'");
        }
        String safeName = safeName(name);
        String safeId = fitBytes(ownerId.replaceAll("[^A-Za-z0-9._-]", "_"), 60);
        if (safeId.equals(".") || safeId.equals("..")) {
            safeId = "_";
        }
        return folder + "/" + safeId + "/" + safeName;
    }

    /**
     * The file name an attachment gets on disk (here and in the attachments downloader's folder): characters that
     * some file system refuses become {@code _}, "." and ".." become {@code file}, and the name fits 180 bytes.
     */
    public static String safeName(String name) {
        String safe = fitBytes(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"), 180);
        return safe.isBlank() || safe.equals(".") || safe.equals("..") ? "file" : safe;
    }

    /**
     * File systems allow 255 bytes per name; a long (often Cyrillic) attachment name is shortened in the middle,
     * keeping its extension. The full name stays in the files record's {@code name}.
     */
    public static String fitBytes(String name, int maxBytes) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        String hash = Integer.toHexString(name.hashCode());
        int budget = maxBytes - ext.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - hash.length() - 1;
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + len > budget) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return sb + "~" + hash + ext;
    }
}
