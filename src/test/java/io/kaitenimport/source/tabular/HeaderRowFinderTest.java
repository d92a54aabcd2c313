package io.kaitenimport.source.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderRowFinderTest {

    private static final List<String> TICKTICK_HEADER =
            List.of("Folder Name", "List Name", "Title", "Kind", "Status", "Created Time", "taskId", "parentId");

    @Test
    void tickTickLikePreambleIsSkipped() {
        List<List<String>> rows = List.of(
                List.of("Date: 2023-01-02+0000"),
                List.of("Version: 7.1"),
                List.of("Status: \n0 Normal\n1 Completed\n2 Archived"),
                TICKTICK_HEADER,
                List.of("Work", "Project Alpha", "Task one", "TEXT", "0", "2022-10-09T15:09:48+0000", "1", ""),
                List.of("Work", "Project Alpha", "Task two", "TEXT", "2", "2022-10-10T15:09:48+0000", "2", "1"));
        assertEquals(3, HeaderRowFinder.find(rows));
        assertEquals(3, HeaderRowFinder.find(rows, Set.of("title", "status")));
    }

    @Test
    void noPreamble() {
        List<List<String>> rows = List.of(
                List.of("Title", "Status", "Due"),
                List.of("Fix login", "Open", "29.05.2024"),
                List.of("Deploy", "Done", "01.06.2024"));
        assertEquals(0, HeaderRowFinder.find(rows));
    }

    @Test
    void keyValuePreambleWithNumbersIsNotAHeader() {
        List<List<String>> rows = List.of(
                List.of("Date:", "2023-01-02"),
                List.of("Version:", "7.1"),
                List.of("Title", "Due"),
                List.of("Fix login", "29.05.2024"),
                List.of("Deploy", "01.06.2024"));
        assertEquals(2, HeaderRowFinder.find(rows));
    }

    @Test
    void knownHeaderNamesBeatAnEarlierTextRow() {
        List<List<String>> rows = List.of(
                List.of("Report", "Sprint 5 tasks"),
                List.of("Title", "Due date"),
                List.of("Fix login", "2024-05-29"),
                List.of("Deploy", "2024-06-01"));
        assertEquals(0, HeaderRowFinder.find(rows));
        assertEquals(1, HeaderRowFinder.find(rows, Set.of("TITLE", " due date ")));
        assertEquals(1, HeaderRowFinder.find(rows, cell -> cell.equals("Title")));
    }

    @Test
    void paddedTitleRowOfASpreadsheetIsSkipped() {
        List<List<String>> rows = List.of(
                List.of("Tasks for May", "", "", ""),
                List.of("", "", "", ""),
                List.of("Task", "Start", "Finish", "Complete in %"),
                List.of("Design", "2024-05-01", "2024-05-10", "50"),
                List.of("Build", "2024-05-11", "2024-05-20", "0"));
        assertEquals(2, HeaderRowFinder.find(rows));
    }

    @Test
    void duplicateRowsAreNotAHeader() {
        List<List<String>> rows = List.of(
                List.of("x", "x", "x", "x", "x"),
                List.of("Summary", "Labels", "Labels", "Labels", "Status"),
                List.of("Fix", "ui", "", "", "Open"));
        assertEquals(1, HeaderRowFinder.find(rows));
    }

    @Test
    void headerOnlyFile() {
        assertEquals(1, HeaderRowFinder.find(List.of(List.of("2024", "7"), List.of("Title", "Due"))));
    }

    @Test
    void nothingBetterGivesZero() {
        assertEquals(0, HeaderRowFinder.find(List.of()));
        assertEquals(0, HeaderRowFinder.find(List.of(List.of("1", "2"), List.of("3", "4"))));
        assertEquals(0, HeaderRowFinder.find(List.of(List.of(""), List.of(""))));
    }
}
