package io.kaitenimport.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of a YAML file is, by JSON pointer ({@code /columns/Done}, {@code /custom_fields/0/type}),
 * so a problem found after parsing is still reported at the line and column the user wrote it.
 */
final class YamlPositions {
    private final Map<String, long[]> keys = new HashMap<>();
    private final Map<String, long[]> values = new HashMap<>();

    static YamlPositions of(byte[] yaml) throws IOException {
        YamlPositions p = new YamlPositions();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            Deque<Object> path = new ArrayDeque<>();
            Deque<Integer> index = new ArrayDeque<>();
            String[] lastName = {null};
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        String ptr = pointer(path) + "/" + escape(parser.currentName());
                        p.keys.put(ptr, at(parser.currentTokenLocation()));
                        lastName[0] = parser.currentName();
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String ptr = valuePointer(lastName[0], path, index);
                        p.values.putIfAbsent(ptr, at(parser.currentTokenLocation()));
                        path.push(ptr);
                        index.push(t == JsonToken.START_ARRAY ? 0 : -1);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        index.pop();
                    }
                    default -> p.values.put(valuePointer(lastName[0], path, index), at(parser.currentTokenLocation()));
                }
            }
        }
        return p;
    }

    /** The pointer of the value at the current token: a field of the enclosing object or the next array item. */
    private static String valuePointer(String fieldName, Deque<Object> path, Deque<Integer> index) {
        if (path.isEmpty()) {
            return "";
        }
        int i = index.peek();
        if (i >= 0) {
            index.pop();
            index.push(i + 1);
            return path.peek() + "/" + i;
        }
        return path.peek() + "/" + escape(fieldName);
    }

    private static String pointer(Deque<Object> path) {
        return path.isEmpty() ? "" : (String) path.peek();
    }

    static String escape(String key) {
        return key == null ? "" : key.replace("~", "~0").replace("/", "~1");
    }

    private static long[] at(JsonLocation l) {
        return new long[] {l.getLineNr(), l.getColumnNr()};
    }

    /** Line and column of the key at {@code pointer}, else of its value, else of the nearest enclosing key. */
    long[] find(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            long[] k = keys.get(p);
            if (k != null) {
                return k;
            }
            long[] v = values.get(p);
            if (v != null && !p.isEmpty()) {
                return v;
            }
            if (p.isEmpty()) {
                return null;
            }
        }
    }

    /** Whether the file has a value at exactly this pointer. */
    boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    /** Line and column of the value at {@code pointer} (the text after the colon), else {@link #find}. */
    long[] value(String pointer) {
        long[] v = values.get(pointer);
        return v != null ? v : find(pointer);
    }
}
