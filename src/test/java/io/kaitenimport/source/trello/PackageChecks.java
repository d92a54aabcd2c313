package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.kaitenimport.emit.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a package against the project's JSON Schemas and its internal references, so the Trello tests catch a
 * bad record even while {@code Validator} is still a no-op on main. Returns readable problems; empty is good.
 */
final class PackageChecks {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER).build()));
    private static final List<String> ENTITIES = List.of("users", "spaces", "boards", "columns", "custom_fields",
            "cards", "comments", "files");

    private PackageChecks() {
    }

    static List<String> problems(Path pkg) throws IOException {
        List<String> out = new ArrayList<>();
        for (String entity : ENTITIES) {
            Schema schema = REGISTRY.getSchema(Json.MAPPER.readTree(Path.of("schemas", entity + ".schema.json")
                    .toFile()));
            JsonNode records = TrelloTesting.records(pkg, entity);
            for (int i = 0; i < records.size(); i++) {
                for (Error e : schema.validate(records.get(i))) {
                    out.add(entity + " #" + i + ": " + e.getMessage());
                }
            }
        }
        Set<String> users = ids(pkg, "users");
        Set<String> columns = ids(pkg, "columns");
        Set<String> cards = ids(pkg, "cards");
        Set<String> fields = ids(pkg, "custom_fields");
        for (JsonNode c : TrelloTesting.records(pkg, "columns")) {
            ref(out, "column board", c.path("board_id"), ids(pkg, "boards"));
        }
        for (JsonNode c : TrelloTesting.records(pkg, "cards")) {
            ref(out, "card column", c.path("column_id"), columns);
            ref(out, "card owner", c.path("owner_id"), users);
            ref(out, "card responsible", c.path("responsible_id"), users);
            c.path("member_ids").forEach(m -> ref(out, "card member", m, users));
            c.path("related_card_ids").forEach(r -> ref(out, "related card", r, cards));
            c.path("properties").forEach(p -> ref(out, "property", p.path("id"), fields));
            for (JsonNode h : c.path("history")) {
                ref(out, "history from", h.path("old_value").path("column_id"), columns);
                ref(out, "history to", h.path("new_value").path("column_id"), columns);
                ref(out, "history author", h.path("author_id"), users);
            }
            for (JsonNode cl : c.path("checklists")) {
                for (JsonNode it : cl.path("items")) {
                    ref(out, "item checked_by", it.path("checked_by"), users);
                    ref(out, "item responsible", it.path("responsible_id"), users);
                }
            }
        }
        for (JsonNode c : TrelloTesting.records(pkg, "comments")) {
            ref(out, "comment card", c.path("card_id"), cards);
            ref(out, "comment author", c.path("author_id"), users);
        }
        for (JsonNode f : TrelloTesting.records(pkg, "files")) {
            ref(out, "file card", f.path("card_id"), cards);
            ref(out, "file author", f.path("author_id"), users);
            if (!Files.isRegularFile(pkg.resolve(f.path("path").asText()))) {
                out.add("file path missing: " + f.path("path").asText());
            }
        }
        return out;
    }

    private static Set<String> ids(Path pkg, String entity) throws IOException {
        Set<String> ids = new HashSet<>();
        TrelloTesting.records(pkg, entity).forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static void ref(List<String> out, String what, JsonNode id, Set<String> known) {
        if (!id.isMissingNode() && !id.isNull() && !known.contains(id.asText())) {
            out.add(what + " '" + id.asText() + "' does not resolve");
        }
    }
}
