package io.kaitenimport.validate.schema;

import java.util.Arrays;

/**
 * Where the walk is inside a record, as a stack of property names and array indexes; the JSON pointer string is
 * built only when an error needs it.
 */
final class Path {
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private int depth;

    void push(String name) {
        grow();
        names[depth] = name;
        indexes[depth++] = -1;
    }

    void push(int index) {
        grow();
        names[depth] = null;
        indexes[depth++] = index;
    }

    void pop() {
        depth--;
    }

    int depth() {
        return depth;
    }

    void reset() {
        depth = 0;
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }

    String pointer() {
        if (depth == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append('/');
            if (names[i] == null) {
                b.append(indexes[i]);
            } else {
                b.append(escape(names[i]));
            }
        }
        return b.toString();
    }

    static String escape(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name
                : name.replace("~", "~0").replace("/", "~1");
    }
}
