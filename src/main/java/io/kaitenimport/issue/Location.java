package io.kaitenimport.issue;

/**
 * Where an issue is. Every part is optional: a source problem has file/line/column/field, a package problem has
 * file/record index/record id/JSON pointer.
 */
public record Location(String file, Long line, Long column, String field, Long recordIndex, String recordId,
                       String pointer) {
    public Location {
        field = Abbreviate.text(field);
        recordId = Abbreviate.text(recordId);
        pointer = Abbreviate.text(pointer);
    }

    public static final Location NONE = new Location(null, null, null, null, null, null, null);

    public static Location file(String file) {
        return new Location(file, null, null, null, null, null, null);
    }

    /** A cell of a tabular source: 1-based line and column, and the header name. */
    public static Location cell(String file, long line, Long column, String field) {
        return new Location(file, line, column, field, null, null, null);
    }

    /** A value in a JSON source or package file. */
    public static Location record(String file, Long recordIndex, String recordId, String pointer) {
        return new Location(file, null, null, null, recordIndex, recordId, pointer);
    }

    public Location withLine(Long line, Long column) {
        return new Location(file, line, column, field, recordIndex, recordId, pointer);
    }

    public Location withField(String field) {
        return new Location(file, line, column, field, recordIndex, recordId, pointer);
    }

    public Location withPointer(String pointer) {
        return new Location(file, line, column, field, recordIndex, recordId, pointer);
    }

    /** One-line human form, e.g. {@code tasks.csv:12:3 [Due]} or {@code cards_0.json #4 (id 17) /title}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (line != null) {
            sb.append(':').append(line);
            if (column != null) {
                sb.append(':').append(column);
            }
        }
        if (field != null) {
            sb.append(sb.length() > 0 ? " " : "").append('[').append(field).append(']');
        }
        if (recordIndex != null) {
            sb.append(sb.length() > 0 ? " " : "").append('#').append(recordIndex);
        }
        if (recordId != null) {
            sb.append(sb.length() > 0 ? " " : "").append("(id ").append(recordId).append(')');
        }
        if (pointer != null) {
            sb.append(sb.length() > 0 ? " " : "").append(pointer.isEmpty() ? "/" : pointer);
        }
        return sb.toString();
    }
}
