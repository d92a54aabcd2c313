package io.kaitenimport.source.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every custom-field type a mapping can ask for lands in the package with the value shape Kaiten expects. */
class CustomFieldMappingTest {
    @TempDir
    Path tmp;

    @Test
    void everyTypeHasItsValueShape() throws Exception {
        Path mapping = Files.writeString(tmp.resolve("m.yaml"), """
                fields:
                  title: [Task]
                custom_fields:
                  - {header: Note, type: string}
                  - {header: Cost, type: number}
                  - {header: Deadline, type: date}
                  - {header: Team, type: select}
                  - {header: Areas, type: multi_select}
                  - {header: Urgent, type: checkbox}
                  - {header: Spec, type: url}
                  - {header: Reviewer, type: user, name: Code reviewer}
                """);
        Path csv = Files.writeString(tmp.resolve("t.csv"), """
                Task,Note,Cost,Deadline,Team,Areas,Urgent,Spec,Reviewer
                A,hello,"1,5",2024-05-01,Core,"api, ui",yes,https://example.com/spec,ann
                B,,,,Web,ui,no,,
                """);
        Path users = Files.writeString(tmp.resolve("u.csv"), "source,email,full_name\nann,ann@example.com,Ann\n");
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", csv.toString(), "--mapping", mapping.toString(), "--users", users.toString(),
                "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        JsonNode fields = Json.MAPPER.readTree(out.resolve("custom_fields_0.json").toFile());
        assertEquals(8, fields.size());
        assertEquals("Code reviewer", fields.get(7).get("name").asText());
        assertEquals("Core", fields.get(3).get("options").get(0).get("value").asText());
        assertEquals(2, fields.get(4).get("options").size());
        JsonNode a = Json.MAPPER.readTree(out.resolve("cards_0.json").toFile()).get(0).get("properties");
        assertEquals("hello", a.get(0).get("value").asText());
        assertEquals(1.5, a.get(1).get("value").asDouble());
        assertEquals("2024-05-01", a.get(2).get("value").asText());
        assertEquals("[\"cf-4-opt-1\"]", a.get(3).get("value").toString());
        assertEquals("[\"cf-5-opt-1\",\"cf-5-opt-2\"]", a.get(4).get("value").toString());
        // issue 14: the checkbox is a select with one option "Yes", the url a string — the import has neither type
        assertEquals("select", fields.get(5).get("type").asText());
        assertEquals("[{\"id\":\"cf-6-yes\",\"value\":\"Yes\",\"sort_order\":1.0}]",
                fields.get(5).get("options").toString());
        assertEquals("string", fields.get(6).get("type").asText());
        assertEquals("[\"cf-6-yes\"]", a.get(5).get("value").toString());
        assertEquals("https://example.com/spec", a.get(6).get("value").asText());
        assertEquals("[\"ann\"]", a.get(7).get("value").toString());
        JsonNode b = Json.MAPPER.readTree(out.resolve("cards_0.json").toFile()).get(1).get("properties");
        assertEquals(2, b.size(), "empty cells give no property, nor does 'no' in a checkbox: " + b);
        assertEquals(List.of("cf-4", "cf-5"), List.of(b.get(0).get("id").asText(), b.get(1).get("id").asText()));
        assertTrue(r.all().contains("field.checkbox-as-select"), r.all());
    }
}
