package io.kaitenimport.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimiterSnifferTest {

    private static void assertSniffed(char delimiter, double confidence, String sample) {
        assertEquals(new DelimiterSniffer.Sniffed(delimiter, confidence), DelimiterSniffer.sniff(sample));
    }

    @Test
    void comma() {
        assertSniffed(',', 1.0, "Title,Status,Due\nFix login,Open,2024-05-29\nDeploy,Done,2024-06-01\n");
    }

    @Test
    void semicolon() {
        assertSniffed(';', 1.0, "Title;Status;Due\nFix login;Open;29.05.2024\nDeploy;Done;01.06.2024\n");
    }

    @Test
    void tab() {
        assertSniffed('\t', 1.0, "Title\tStatus\tDue\nFix login, then test\tOpen\t2024-05-29\nDeploy\tDone\t\n");
    }

    @Test
    void pipe() {
        assertSniffed('|', 1.0, "Title|Status|Due\nFix; login|Open|2024-05-29\nDeploy, now|Done|2024-06-01\n");
    }

    @Test
    void quotedFieldsHoldOtherDelimitersAndLineBreaks() {
        String sample = "Title;Description;Hours\n"
                + "\"Fix, login\";\"line one\nline two; with semicolon, and comma\";3\n"
                + "Deploy;\"say \"\"hi\"\"; then\r\nleave\";5\n"
                + "Test;plain;1\n";
        assertSniffed(';', 1.0, sample);
    }

    @Test
    void quotedCommaFileWithSemicolonsInside() {
        String sample = "a,b\n\"x;y;z\",\"p\nq;r\"\n\"1;2\",3\n";
        assertSniffed(',', 1.0, sample);
    }

    @Test
    void russianExcelSemicolonWithDecimalCommas() {
        assertSniffed(';', 1.0, "Задача;Оценка;Часы\nВход;1,5;2\nВыход;2,5;3,25\nОтчёт;4;0,5\n");
    }

    @Test
    void decimalCommaEverywhereStillPrefersTheWiderSplit() {
        // Every line has exactly one comma, so ',' is as consistent as ';' (2 vs 3 fields): width decides.
        assertSniffed(';', 1.0, "Название;Оценка, ч;Часы\nВход;1,5;2\nВыход;2,5;3\n");
    }

    @Test
    void singleColumnGivesCommaWithZeroConfidence() {
        assertSniffed(',', 0.0, "Title\nFix login\nDeploy\n");
    }

    @Test
    void emptySample() {
        assertSniffed(',', 0.0, "");
    }

    @Test
    void singleRecordHalvesConfidence() {
        assertSniffed(';', 0.5, "a;b;c");
    }

    @Test
    void confidenceIsShareOfRecordsWithModalWidth() {
        assertSniffed(',', 0.75, "a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n");
    }

    @Test
    void tiesGoToCommaThenSemicolonThenTabThenPipe() {
        assertSniffed(',', 1.0, "a,b;c\n1,2;3\n");
        assertSniffed(';', 1.0, "a;b\tc\n1;2\t3\n");
        assertSniffed('\t', 1.0, "a\tb|c\n1\t2|3\n");
    }

    @Test
    void quoteInsideAFieldDoesNotOpenQuoting() {
        assertSniffed(',', 1.0, "a,b\"c,d\n1,2,3\n");
    }

    @Test
    void unclosedQuoteAtTheEndIsIgnored() {
        assertSniffed(';', 0.5, "subject;description\nfoo;\"Unclosed quoted field");
    }

    @Test
    void crlfLineEndingsAndBlankLines() {
        assertSniffed(';', 1.0, "a;b\r\n\r\n1;2\r\n3;4\r\n");
    }

    @Test
    void byteOrderMarkCharacterIsIgnored() {
        assertSniffed(';', 1.0, "\uFEFF\"ID\";Title\n1;x\n");
    }

    @Test
    void onlyTheFirstFiftyRecordsCount() {
        String sample = "a;b\n".repeat(DelimiterSniffer.MAX_RECORDS) + "a,b,c\n".repeat(100);
        assertSniffed(';', 1.0, sample);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "csv|redmine__import_issues.csv|;|1.0",
        "csv|redmine__import_issues_utf8_with_bom.csv|;|1.0",
        "csv|redmine__import_iso8859-1.csv|;|1.0",
        "csv|redmine__unclosed_quoted_field.csv|;|0.5",
        "csv|vikunja__ticktick_export.csv|,|0.8",
        "csv|cerega2014__youtrack-export-ru__Zadachi.csv|,|1.0",
        "csv|linear__plane-export_sample.csv|,|1.0",
        "jira-csv|bellali__agile-delivery-simulation__Jira.csv|,|1.0",
        "jira-csv|mitsusarkar__jira-cloud-project__Jira.csv|,|1.0",
    })
    void realExports(String folder, String name, char delimiter, double confidence) throws IOException {
        Path file = RealExports.file(folder, name);
        assertEquals(new DelimiterSniffer.Sniffed(delimiter, confidence),
                DelimiterSniffer.sniff(RealExports.text(file)));
    }
}
