package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.mapping.MappingLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularMappingTest {

    private static TabularMapping parse(String yaml) throws IOException {
        return MappingLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yaml",
                TabularMapping.class);
    }

    @Test
    void bundledDefaultLoadsWithSectionsAsTags() {
        TabularMapping m = TabularMapping.load(null);
        assertEquals(TabularMapping.Sections.TAG, m.sections());
        assertTrue(m.fields().of(TabularField.SECTION).contains("section"));
    }

    @Test
    void optionsAreTextOrValueWithColour() throws IOException {
        TabularMapping m = parse("""
                sections: column
                custom_fields:
                  - {header: Severity, type: select, options: [Low, {value: High, color: 1}]}
                """);
        assertEquals(TabularMapping.Sections.COLUMN, m.sections());
        assertEquals(List.of(new TabularMapping.OptionRule("Low", null), new TabularMapping.OptionRule("High", 1)),
                m.customFields().get(0).options());
    }

    @Test
    void badValuesNameTheProblem() {
        SourceException colour = assertThrows(SourceException.class, () -> parse("""
                custom_fields:
                  - {header: S, type: select, options: [{value: High, color: 18}]}
                """));
        assertTrue(colour.getMessage().contains("colours are 1–17"), colour.getMessage());
        SourceException sections = assertThrows(SourceException.class, () -> parse("sections: lanes\n"));
        assertTrue(sections.getMessage().contains("lanes"), sections.getMessage());
        SourceException type = assertThrows(SourceException.class, () -> parse("""
                custom_fields:
                  - {header: S, type: text}
                """));
        assertTrue(type.getMessage().contains("use one of"), type.getMessage());
    }
}
