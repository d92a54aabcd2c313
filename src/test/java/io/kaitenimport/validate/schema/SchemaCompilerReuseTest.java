package io.kaitenimport.validate.schema;

import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.SchemaCatalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One compiler compiles every record schema, one file after another, while records of a file compiled earlier may
 * already be checked on other threads (the start-up warm-up compiles them all beside the first reads). Compiling a
 * later file must not touch a node prepared before: once renumbering them let a reader see an empty name table
 * and report a known field as unknown.
 */
class SchemaCompilerReuseTest {
    @Test
    void compilingALaterFileLeavesEarlierNodesAsTheyWere() {
        SchemaCompiler compiler = new SchemaCompiler(SchemaCatalog.BASE, SchemaCompilerReuseTest::read);
        compiler.compile("cards.schema.json");
        Map<SchemaNode, Object[]> before = new IdentityHashMap<>();
        for (SchemaNode n : compiler.nodes()) {
            before.put(n, new Object[] {n.nameIndex, n.names, n.byIndex, n.target});
        }
        assertTrue(before.size() > 20, "cards nodes: " + before.size());
        for (Entity e : Entity.values()) {
            if (!e.isMapping() && e != Entity.CARDS) {
                compiler.compile(e.key() + ".schema.json");
            }
        }
        assertTrue(compiler.nodes().size() > before.size());
        for (Map.Entry<SchemaNode, Object[]> b : before.entrySet()) {
            SchemaNode n = b.getKey();
            List<Object> now = List.of(n.nameIndex, n.names, n.byIndex, n.target);
            for (int i = 0; i < 4; i++) {
                assertSame(b.getValue()[i], now.get(i), n.where);
            }
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of("schemas", file));
        } catch (IOException e) {
            return null;
        }
    }
}
