package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.Report;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The row → card mapping on its own: a header, a mapping and rows in memory — no file, no first pass. */
class RowMapperTest {
    private static final TabularMapping MAPPING = TabularMapping.load(null)
            .withCustomFields(List.of(new TabularMapping.CustomFieldRule("Team", "select", null),
                    new TabularMapping.CustomFieldRule("Urgent", "checkbox", null)));
    private static final List<String> HEADER = List.of("Title", "Status", "Tags", "Due", "Archived", "Estimate",
            "Team", "Urgent", "Parent", "Remarks");

    private final Report report = new Report("convert");
    private final SourceContext ctx = new SourceContext(List.of(), SourceOptions.defaults(), report,
            Users.none(CommonOptions.UnmappedUsers.DROP, report));
    private final RowFields fields = new RowFields(HEADER, MAPPING, "tasks.csv");
    private final CellRules cells = new CellRules(MAPPING);
    private final Relations relations = new Relations();
    private final RowMapper mapper = new RowMapper(fields, cells, ctx,
            new ValueReader(new DateParser(DateParser.DayOrder.DAY_FIRST, ZoneId.of("UTC")), ctx, "tasks.csv"),
            new CardTargets(Map.of(new ColumnKey("tasks", "Doing"), "col-2"),
                    Map.of(MAPPING.customFields().get(0), "cf-1", MAPPING.customFields().get(1), "cf-2"),
                    Map.of(MAPPING.customFields().get(0), Map.of("Core", "cf-1-opt-1")), relations));

    private static Row row(long line, String... cells) {
        return new Row(line, Arrays.stream(cells).map(Cell::text).toList());
    }

    @Test
    void mapsEveryMappedCellOfARow() {
        relations.add(TabularField.PARENT, "A-1", "A-0");
        Card card = mapper.map(row(2, "Fix login", "Doing", "auth, ui", "31.01.2024", "yes", "1d 4h", "Core", "no",
                "A-0", "kept nowhere"), "A-1").build();
        assertEquals("A-1", card.id());
        assertEquals("col-2", card.columnId(), "board defaults to the file name, column to the status");
        assertEquals("Fix login", card.title());
        assertEquals(List.of(new Card.Tag("auth"), new Card.Tag("ui")), card.tags());
        assertEquals(CardDate.dateOnly("2024-01-31"), card.dueDate());
        assertEquals(Boolean.TRUE, card.archived());
        assertEquals(12.0, card.estimateWorkload(), "1d 4h at 8 h a day");
        assertEquals(List.of(new Card.Property("cf-1", List.of("cf-1-opt-1"))), card.properties(),
                "a select value by its option id; 'no' in a checkbox is no value (its select 'Yes' stays empty)");
        Card checked = mapper.map(row(3, "Ship it", "Doing", "", "", "", "", "", "yes"), "A-2").build();
        assertEquals(List.of(new Card.Property("cf-2", List.of("cf-2-yes"))), checked.properties(),
                "a checked checkbox is the one option 'Yes' of its select");
        assertEquals(List.of("A-0"), card.parentCardIds());
        assertEquals(1, report.losses().count("tasks.csv column 'Remarks'"), "an unmapped non-blank cell is lost");
    }

    @Test
    void blankCellsLeaveFieldsEmptyAndLoseNothing() {
        Card card = mapper.map(row(3, "Only a title"), "row-1").build();
        assertEquals("Only a title", card.title());
        assertNull(card.columnId(), "no column for an unknown board/status in these targets");
        assertTrue(card.tags().isEmpty() && card.properties().isEmpty() && card.parentCardIds().isEmpty());
        assertNull(card.archived());
        assertTrue(report.losses().isEmpty(), report.losses().entries().toString());
    }

    @Test
    void aSingleSelectKeepsTheFirstOfSeveralValuesAndCountsTheRest() {
        Card card = mapper.map(row(4, "T", "Doing", "", "", "", "", "Core\nCore\nWeb"), "x").build();
        assertEquals(List.of(new Card.Property("cf-1", List.of("cf-1-opt-1"))), card.properties(),
                "'Web' is not an option of these targets, repeats collapse");
        assertTrue(report.losses().isEmpty());
    }
}
