package io.kaitenimport;

import io.kaitenimport.validate.IssueCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README is part of the product: its issue-code table and commands must match the code. */
class ReadmeTest {
    @Test
    void everyIssueCodeIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (IssueCode c : IssueCode.values()) {
            assertTrue(readme.contains("`" + c.code() + "`"), "README lacks issue code " + c.code());
        }
    }

    @Test
    void theTwoCommandsAreThere() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("./kaiten-import convert sample-exports/csv/tasks-en.csv"));
        assertTrue(readme.contains("mvn -B verify"));
        assertTrue(Files.exists(Path.of("sample-exports/csv/tasks-en.csv")));
    }
}
