package io.kaitenimport.robust.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutation operators. Every operator takes the original bytes and a {@link Random} and returns the mutant
 * plus a short description, so a failure names exactly what was done (and the seed reproduces it).
 */
final class Mutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build()).build());

    private static final String DEEP = "\u0001deep\u0001";

    record Mutant(byte[] bytes, String what) {
    }

    private Mutations() {
    }

    // ---- byte level: any format

    static Mutant bytes(byte[] in, Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> flip(in, r);
            case 1 -> truncate(in, r);
            case 2 -> deleteRange(in, r);
            case 3 -> insert(in, r, randomBytes(r, 1 + r.nextInt(16)), "random bytes");
            case 4 -> insert(in, r, badEncoding(r), "invalid encoding bytes");
            case 5 -> insert(in, r, "9".repeat(2000 + r.nextInt(20_000)).getBytes(StandardCharsets.US_ASCII),
                    "huge number");
            case 6 -> insert(in, r, "x".repeat(100_000 + r.nextInt(2_000_000)).getBytes(StandardCharsets.US_ASCII),
                    "huge string");
            default -> duplicateRange(in, r);
        };
    }

    static Mutant flip(byte[] in, Random r) {
        byte[] out = in.clone();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n && out.length > 0; i++) {
            out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return new Mutant(out, n + " bit flip(s)");
    }

    static Mutant truncate(byte[] in, Random r) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length);
        return new Mutant(java.util.Arrays.copyOf(in, at), "truncated at " + at);
    }

    private static Mutant deleteRange(byte[] in, Random r) {
        if (in.length < 2) {
            return truncate(in, r);
        }
        int from = r.nextInt(in.length - 1);
        int len = 1 + r.nextInt(Math.min(256, in.length - from));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, from);
        out.write(in, from + len, in.length - from - len);
        return new Mutant(out.toByteArray(), "deleted " + len + " bytes at " + from);
    }

    private static Mutant duplicateRange(byte[] in, Random r) {
        if (in.length < 2) {
            return truncate(in, r);
        }
        int from = r.nextInt(in.length - 1);
        int len = 1 + r.nextInt(Math.min(512, in.length - from));
        byte[] chunk = java.util.Arrays.copyOfRange(in, from, from + len);
        return insert(in, r, chunk, "duplicated " + len + " bytes");
    }

    static Mutant insert(byte[] in, Random r, byte[] what, String name) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
        out.write(in, 0, at);
        out.write(what, 0, what.length);
        out.write(in, at, in.length - at);
        return new Mutant(out.toByteArray(), name + " (" + what.length + " bytes) at " + at);
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] badEncoding(Random r) {
        byte[][] choices = {
                {(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        return choices[r.nextInt(choices.length)];
    }

    // ---- whole-text level

    static Mutant text(byte[] in, Random r) {
        String s = new String(in, StandardCharsets.UTF_8);
        return switch (r.nextInt(5)) {
            case 0 -> new Mutant(s.getBytes(StandardCharsets.UTF_16LE), "re-encoded as UTF-16LE without BOM");
            case 1 -> new Mutant(s.getBytes(java.nio.charset.Charset.forName("windows-1251")),
                    "re-encoded as windows-1251");
            case 2 -> new Mutant(s.replace("\n", "\r").getBytes(StandardCharsets.UTF_8), "CR line ends");
            case 3 -> insert(in, r, "\"".getBytes(StandardCharsets.US_ASCII), "stray quote");
            default -> insert(in, r, ",;\t\"\n".substring(r.nextInt(5)).getBytes(StandardCharsets.US_ASCII),
                    "delimiters");
        };
    }

    // ---- JSON structure level

    static Mutant json(byte[] in, Random r) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            return bytes(in, r); // already broken: mutate the bytes instead
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, 0);
        if (slots.isEmpty()) {
            return bytes(in, r);
        }
        Slot slot = slots.get(r.nextInt(slots.size()));
        JsonNode old = slot.get();
        String what;
        String deepText = null;
        switch (r.nextInt(10)) {
            case 0 -> {
                slot.set(NODES.nullNode());
                what = "null";
            }
            case 1 -> {
                slot.set(NODES.numberNode(new java.math.BigInteger(
                        "1" + "0".repeat(r.nextInt(3) == 0 ? 20_000 : 400))));
                what = "a huge number";
            }
            case 2 -> {
                slot.set(NODES.textNode("y".repeat(r.nextInt(2) == 0 ? 20_000 : 2_000_000)));
                what = "a huge string";
            }
            case 3 -> {
                slot.set(old.isTextual() ? NODES.numberNode(r.nextInt()) : NODES.textNode(old.toString()));
                what = "retyped (string<->other)";
            }
            case 4 -> {
                slot.set(old.isObject() ? NODES.arrayNode().add(old) : NODES.objectNode().set("v", old));
                what = "wrapped in " + (old.isObject() ? "an array" : "an object");
            }
            case 5 -> {
                slot.remove();
                what = "removed";
            }
            case 6 -> {
                int depth = r.nextInt(2) == 0 ? 2_000 + r.nextInt(4000) : 5_001 + r.nextInt(50_000);
                StringBuilder open = new StringBuilder();
                StringBuilder close = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    boolean array = r.nextBoolean();
                    open.append(array ? "[" : "{\"content\":");
                    close.append(array ? ']' : '}');
                }
                deepText = open + "\"bottom\"" + close.reverse();
                slot.set(NODES.textNode(DEEP));
                what = "nested " + depth + " deep";
            }
            case 7 -> {
                slot.set(r.nextBoolean() ? NODES.booleanNode(true) : NODES.numberNode(-1.5e300));
                what = "retyped (boolean/float)";
            }
            case 8 -> {
                String[] odd = {"", " ", "1e400", "-0", "NaN", "../../etc/passwd", "\u0000", "\uD800", "2024-13-45",
                        "<script>", "=HYPERLINK(\"x\")", "ü".repeat(5000), "{{", "null"};
                slot.set(NODES.textNode(odd[r.nextInt(odd.length)]));
                what = "odd string";
            }
            default -> {
                slot.set(NODES.arrayNode().add(old).add(old));
                what = "duplicated into an array";
            }
        }
        try {
            byte[] out = MAPPER.writeValueAsBytes(root);
            if (deepText != null) { // written as text: the tree writer itself refuses such depth
                out = new String(out, StandardCharsets.UTF_8).replace("\"" + DEEP + "\"", deepText)
                        .getBytes(StandardCharsets.UTF_8);
            }
            return new Mutant(out, "JSON value at " + slot.pointer() + " " + what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets an operator replace or remove one value wherever it sits. */
    private interface Slot {
        JsonNode get();

        void set(JsonNode n);

        void remove();

        String pointer();
    }

    private static void collect(JsonNode node, List<Slot> slots, int depth) {
        if (depth > 40 || slots.size() > 50_000) {
            return;
        }
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<String> names = new ArrayList<>();
            it.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                slots.add(new Slot() {
                    public JsonNode get() {
                        return o.get(name);
                    }

                    public void set(JsonNode n) {
                        o.set(name, n);
                    }

                    public void remove() {
                        o.remove(name);
                    }

                    public String pointer() {
                        return "." + name + "@" + depth;
                    }
                });
                collect(o.get(name), slots, depth + 1);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int idx = i;
                slots.add(new Slot() {
                    public JsonNode get() {
                        return a.get(idx);
                    }

                    public void set(JsonNode n) {
                        a.set(idx, n);
                    }

                    public void remove() {
                        a.remove(idx);
                    }

                    public String pointer() {
                        return "[" + idx + "]@" + depth;
                    }
                });
                collect(a.get(i), slots, depth + 1);
            }
        }
    }
}
