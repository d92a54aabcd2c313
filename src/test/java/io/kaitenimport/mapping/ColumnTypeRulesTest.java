package io.kaitenimport.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnTypeRulesTest {
    @ParameterizedTest
    @CsvSource({"Done,3", "Closed,3", "Готово,3", "Выполнено,3", "Завершено,3", "Won't do,3",
            "Backlog,1", "To Do,1", "Open,1", "Очередь,1", "Новые,1", "Selected for Development,1",
            "In Progress,2", "В работе,2", "Review,2", "Doing,2",
            "Готово к тестированию,2", "Ready for QA,2", "Готово к разработке,1", "Ready for development,1"})
    void namedColumns(String name, int type) {
        assertEquals(Optional.of(type), ColumnTypeRules.byName(name));
    }

    @ParameterizedTest
    @CsvSource({"Frobnicating", "Waiting for vendor", "Not done", "Не готово"})
    void unknownNamesAreUndecided(String name) {
        assertEquals(Optional.empty(), ColumnTypeRules.byName(name));
        assertEquals(new ColumnTypeRules.Decision(2, "default"), ColumnTypeRules.decide(name, Map.of(), 2));
    }

    @org.junit.jupiter.api.Test
    void mappingFileWinsCaseInsensitively() {
        assertEquals(new ColumnTypeRules.Decision(3, "mapping file"),
                ColumnTypeRules.decide("backlog", Map.of("Backlog", 3), 2));
    }
}
