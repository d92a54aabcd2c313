package io.kaitenimport.mapping;

import io.kaitenimport.issue.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mapping mistake is one line at the user's line and column, in our words, with "did you mean". */
class MappingErrorsTest {
    @TempDir
    Path tmp;

    private SourceException fails(String yaml) throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), yaml);
        return assertThrows(SourceException.class, () -> MappingLoader.load(f, "csv-default.yaml", TabularMapping.class));
    }

    private static void oneLineNoJava(SourceException e) {
        String d = e.describe();
        assertFalse(d.contains("\n"), "one line: " + d);
        for (String java : List.of("java.", "Cannot construct", "TabularMapping", "$", "JsonToken", "instance of")) {
            assertFalse(d.contains(java), "no Java in: " + d);
        }
    }

    @Test
    void misspeltKeyAtItsLineWithSuggestionAndSortedKeys() throws Exception {
        SourceException e = fails("fields:\n  title: [A]\n  titel: [B]\n");
        assertEquals(3L, e.location().line());
        assertEquals(3L, e.location().column());
        assertTrue(e.getMessage().startsWith("unknown key 'titel' under fields; did you mean 'title'?"), e.getMessage());
        assertTrue(e.getMessage().contains("known keys here: aliases, archived, blocked_by, blocks,"), e.getMessage());
        oneLineNoJava(e);
        SourceException top = fails("colums:\n  Done: 3\n");
        assertTrue(top.getMessage().startsWith("unknown key 'colums'; did you mean 'columns'?"), top.getMessage());
        assertEquals(1L, top.location().line());
    }

    @Test
    void columnTypeIsCheckedAtTheYamlLine() throws Exception {
        SourceException e = fails("# my columns\ncolumns:\n  Review: 2\n  Done: 4\n");
        assertEquals(4L, e.location().line());
        assertEquals(9L, e.location().column());
        assertEquals(tmp.resolve("m.yaml") + ":4:9 [columns.Done]: column type must be 1 (queued), 2 (in progress) or 3"
                + " (done), not 4", e.describe());
    }

    @Test
    void wrongShapesInOurWords() throws Exception {
        SourceException map = fails("fields:\n  title:\n    a: b\n");
        assertEquals("fields.title: expected a list (e.g. [A, B]), found a set of 'key: value' lines", map.getMessage());
        assertEquals(2L, map.location().line());
        oneLineNoJava(map);
        SourceException number = fails("columns:\n  Done: many\n");
        assertEquals(2L, number.location().line());
        assertTrue(number.getMessage().endsWith("not many"), number.getMessage());
        oneLineNoJava(number);
        SourceException sections = fails("sections: tagz\n");
        assertTrue(sections.getMessage().contains("'tagz' is not one of tag, board, column, skip; did you mean 'tag'?"),
                sections.getMessage());
        oneLineNoJava(sections);
    }

    @Test
    void scalarWhereAListIsExpectedIsAListOfOne() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), "fields:\n  title: Name\n");
        TabularMapping m = MappingLoader.load(f, "csv-default.yaml", TabularMapping.class);
        assertEquals(List.of("Name"), m.fields().of(TabularField.TITLE));
    }

    @Test
    void customFieldTypeWithSuggestion() throws Exception {
        SourceException e = fails("custom_fields:\n  - header: Severity\n    type: selct\n");
        assertEquals(3L, e.location().line());
        assertTrue(e.getMessage().startsWith("custom field 'Severity': unknown type 'selct'; did you mean 'select'?"),
                e.getMessage());
        oneLineNoJava(e);
    }

    @Test
    void yamlSyntaxErrorIsOneLine() throws Exception {
        SourceException e = fails("fields:\n  title: [A\n  due: B\n");
        oneLineNoJava(e);
        assertTrue(e.getMessage().startsWith("not valid YAML: "), e.getMessage());
        assertTrue(e.location().line() != null, e.describe());
    }

    @Test
    void customFieldsMergeWithTheDefaultsByHeader() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), """
                custom_fields:
                  - {header: priority, type: string}
                  - {header: Sprint, type: select}
                """);
        TabularMapping m = MappingLoader.load(f, "csv-default.yaml", TabularMapping.class);
        List<String> headers = m.customFields().stream().map(r -> r.header() + ":" + r.type()).toList();
        assertEquals(List.of("priority:string", "Приоритет:select", "Sprint:select"), headers);
    }
}
