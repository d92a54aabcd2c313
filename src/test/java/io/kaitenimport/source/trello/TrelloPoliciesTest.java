package io.kaitenimport.source.trello;

import io.kaitenimport.source.PackageRun;
import static io.kaitenimport.source.trello.TrelloBadInputTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented choices that options and the mapping file switch. */
class TrelloPoliciesTest {
    private static final String ARCHIVED_LIST = "65e18bf0abc000000000000e";
    private static final String BACKLOG = "65e18b00abc000000000000a";
    private static final String CARD_IN_ARCHIVED_LIST = "65e1c340abc0000000000021";
    private static final String TOMATOES = "65e19910abc000000000001e";

    @TempDir
    Path tmp;

    private Converter.Outcome convert(SourceOptions options) throws IOException {
        return TrelloTesting.convert(TrelloTesting.SAMPLE, options, tmp.resolve("out"));
    }

    @Test
    void dropColumnMovesCardsOfArchivedListsIntoTheFirstColumnArchived() throws IOException {
        Converter.Outcome o = convert(TrelloTesting.options(null, null, null, null, "drop-column"));
        assertEquals(0, o.report().errors(), PackageRun.describe(o.report()));
        JsonNode columns = PackageRun.records(tmp.resolve("out"), "columns");
        assertEquals(4, columns.size());
        columns.forEach(c -> assertFalse(c.path("id").asText().equals(ARCHIVED_LIST)));
        JsonNode card = find(PackageRun.records(tmp.resolve("out"), "cards"), CARD_IN_ARCHIVED_LIST);
        assertEquals(BACKLOG, card.path("column_id").asText());
        assertTrue(card.path("archived").asBoolean());
        assertEquals(1, o.report().losses().count("trello list"));
        assertEquals(1, o.report().losses().count("trello card.idList"));
        assertEquals(0, o.report().losses().count("trello list.closed"));
    }

    @Test
    void keepIsTheDefault() throws IOException {
        convert(TrelloTesting.options(null, null, null, null, null));
        JsonNode card = find(PackageRun.records(tmp.resolve("out"), "cards"), CARD_IN_ARCHIVED_LIST);
        assertEquals(ARCHIVED_LIST, card.path("column_id").asText());
        assertTrue(card.path("archived").asBoolean());
    }

    @Test
    void mappingFileSettingsApply() throws IOException {
        Path mapping = tmp.resolve("trello.yaml");
        Files.writeString(mapping, """
                columns:
                  planting: 1
                  "Harvested": 2
                color_only_label: "Colour: {color}"
                due_complete_tag: ""
                responsible: none
                planned_end: none
                """);
        Converter.Outcome o = convert(TrelloTesting.options(mapping, TrelloTesting.SAMPLE_DIR.resolve("users.csv"),
                null, null, null));
        JsonNode columns = PackageRun.records(tmp.resolve("out"), "columns");
        assertEquals(1, find(columns, "65e18b3cabc000000000000b").path("type").asInt());
        assertEquals(2, find(columns, "65e18bb4abc000000000000d").path("type").asInt());
        JsonNode card = find(PackageRun.records(tmp.resolve("out"), "cards"), TOMATOES);
        assertEquals("[{\"name\":\"Vegetables\"},{\"name\":\"Colour: red\"},{\"name\":\"Colour: sky\"}]",
                card.path("tags").toString());
        assertTrue(card.path("responsible_id").isMissingNode());
        assertTrue(card.path("planned_end").isMissingNode());
        assertNotNull(card.path("planned_start").path("value").textValue());
        assertEquals(1, o.report().losses().count("trello card.dueComplete"));
    }

    @Test
    void unknownMappingKeyNamesFileLineAndKey() throws IOException {
        Path mapping = tmp.resolve("trello.yaml");
        Files.writeString(mapping, "columns:\n  Done: 3\ndue_complete: x\n");
        SourceException e = assertThrows(SourceException.class,
                () -> convert(TrelloTesting.options(mapping, null, null, null, null)));
        assertTrue(e.getMessage().contains("'due_complete'"), e.getMessage());
        // Jackson's YAML parser places the error at the token after the key's value (here line 4), not the key.
        assertNotNull(e.location().line());
        assertTrue(e.location().file().endsWith("trello.yaml"));
    }

    @Test
    void badColumnTypeInMappingIsAnError() throws IOException {
        Path mapping = tmp.resolve("trello.yaml");
        Files.writeString(mapping, "columns:\n  Done: 4\n");
        SourceException e = assertThrows(SourceException.class,
                () -> convert(TrelloTesting.options(mapping, null, null, null, null)));
        assertEquals("columns.Done", e.location().field());
    }

    @Test
    void withoutAttachmentsFolderUploadsBecomeLinksAndAreCounted() throws IOException {
        Converter.Outcome o = convert(TrelloTesting.options(null, null, null, null, null));
        assertEquals(2, o.report().losses().count(TrelloAttachments.NOT_PACKAGED));
        assertFalse(Files.exists(tmp.resolve("out/files_0.json")));
        JsonNode card = find(PackageRun.records(tmp.resolve("out"), "cards"), TOMATOES);
        assertEquals(5, card.path("links").size(), "own link, link attachment, two uploads, card link");
    }
}
