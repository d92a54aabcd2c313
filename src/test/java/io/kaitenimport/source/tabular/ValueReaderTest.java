package io.kaitenimport.source.tabular;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueReaderTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"42|42", "1.5|1.5", "1,5|1.5", "-3|-3", "1 234,5|1234.5", "1\u00A0234|1234",
            "12,345.67|12345.67", "12.345,67|12345.67", "1,234,567|1234567", "1.234|1.234"})
    void readsSpreadsheetNumbers(String text, double expected) {
        assertEquals(Optional.of(expected), ValueReader.parseNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,234", "12abc", "1..2", "1,2,3", ""})
    void refusesAmbiguousOrBrokenNumbers(String text) {
        assertEquals(Optional.empty(), ValueReader.parseNumber(text));
    }
}
