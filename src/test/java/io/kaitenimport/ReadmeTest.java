package io.kaitenimport;

import io.kaitenimport.issue.IssueCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README is part of the product: its issue-code table is the catalog itself. After changing {@link IssueCode},
 * run {@code mvn test -Dtest=ReadmeTest -Dreadme.update=true} to rewrite the table, and review the diff.
 */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern TABLE = Pattern.compile("(?s)(\\| code \\| severity \\| title \\| meaning \\|\\n)(.*?)(\\n\\n)");

    static String table() {
        StringBuilder sb = new StringBuilder("|---|---|---|---|");
        for (IssueCode c : IssueCode.values()) {
            sb.append("\n| `").append(c.code()).append("` | ").append(c.severity().label()).append(" | ")
                    .append(c.title()).append(" | ").append(c.description().replace("|", "/")).append(" |");
        }
        return sb.toString();
    }

    @Test
    void issueCodeTableIsTheCatalog() throws Exception {
        String readme = Files.readString(README);
        Matcher m = TABLE.matcher(readme);
        assertTrue(m.find(), "README has no issue-code table");
        if (Boolean.getBoolean("readme.update")) {
            readme = readme.substring(0, m.start(2)) + table() + readme.substring(m.end(2));
            Files.writeString(README, readme);
            m = TABLE.matcher(readme);
            assertTrue(m.find());
        }
        assertEquals(table(), m.group(2), "README issue table is out of date; rerun with -Dreadme.update=true");
    }

    @Test
    void theTwoCommandsAreThere() throws Exception {
        String readme = Files.readString(README);
        assertTrue(readme.contains("./kaiten-import convert sample-exports/csv/tasks-en.csv"));
        assertTrue(readme.contains("mvn -B verify"));
        assertTrue(Files.exists(Path.of("sample-exports/csv/tasks-en.csv")));
    }
}
