package io.kaitenimport.mapping;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.tabular.TabularField;
import io.kaitenimport.source.tabular.TabularMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void bundledDefaultLoads() {
        TabularMapping m = MappingLoader.load(null, "csv-default.yaml", TabularMapping.class);
        assertTrue(m.fields().of(TabularField.TITLE).contains("заголовок"));
        assertEquals(",", m.listSeparator());
    }

    @Test
    void userFileOverridesKeyByKey() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), """
                fields:
                  title: [Headline]
                columns:
                  Parked: 1
                list_separator: ";"
                """);
        TabularMapping m = MappingLoader.load(f, "csv-default.yaml", TabularMapping.class);
        assertEquals(List.of("Headline"), m.fields().of(TabularField.TITLE), "listed field replaced");
        assertTrue(m.fields().of(TabularField.DESCRIPTION).contains("description"), "other fields kept");
        assertEquals(1, m.columns().get("Parked"));
        assertEquals(1, m.columns().get("Unscheduled"), "default column rules kept");
        assertEquals(";", m.listSeparator());
    }

    @Test
    void typoIsReportedAtItsLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), "fields:\n  title: [A]\n  titel: [B]\n");
        SourceException e = assertThrows(SourceException.class,
                () -> MappingLoader.load(f, "csv-default.yaml", TabularMapping.class));
        assertEquals(3L, e.location().line());
        assertTrue(e.getMessage().contains("'titel'"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), "columns:\n  Done: many\n");
        SourceException e = assertThrows(SourceException.class,
                () -> MappingLoader.load(f, "csv-default.yaml", TabularMapping.class));
        assertTrue(e.describe().contains("m.yaml"), e.describe());
    }
}
