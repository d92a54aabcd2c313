package io.kaitenimport.source.csv;

import io.kaitenimport.source.tabular.HeaderRowFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared header finder on real CSV exports, read with this package's sniffers (skipped when absent). */
class RealHeaderRowsTest {
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "csv|vikunja__ticktick_export.csv|3",
        "csv|redmine__import_issues.csv|0",
        "csv|redmine__import_issues_utf8_with_bom.csv|0",
        "csv|redmine__import_iso8859-1.csv|0",
        "csv|cerega2014__youtrack-export-ru__Zadachi.csv|0",
        "csv|linear__plane-export_sample.csv|0",
        "jira-csv|bellali__agile-delivery-simulation__Jira.csv|0",
        "jira-csv|mitsusarkar__jira-cloud-project__Jira.csv|0",
    })
    void realExports(String folder, String name, int headerIndex) throws IOException {
        List<List<String>> rows = RealExports.records(RealExports.file(folder, name), 30);
        assertEquals(headerIndex, HeaderRowFinder.find(rows));
    }

    @Test
    void realTickTickHeaderRow() throws IOException {
        List<List<String>> rows = RealExports.records(RealExports.file("csv", "vikunja__ticktick_export.csv"), 30);
        List<String> header = rows.get(HeaderRowFinder.find(rows, Set.of("Title", "Due Date", "Tags")));
        assertEquals(24, header.size());
        assertEquals(List.of("Folder Name", "List Name", "Title"), header.subList(0, 3));
        assertEquals("parentId", header.get(23));
    }
}
