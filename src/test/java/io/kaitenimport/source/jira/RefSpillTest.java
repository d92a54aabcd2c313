package io.kaitenimport.source.jira;

import io.kaitenimport.issue.Location;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relation references come back from memory or from the temp file exactly as written, in order. */
class RefSpillTest {
    private static List<Relations.Ref> refs() {
        List<Relations.Ref> out = new ArrayList<>();
        out.add(new Relations.Ref(Relations.Kind.LINK, 0, "10001", "P-1", "Blocks", true, "blocks", "issuelinks",
                "https://x.example.com/browse/P-1",
                Location.record("dump.json", 3L, "10000", "/issues/3/fields/issuelinks/0").withLine(40L, 5L)));
        // text the JSON parser can produce but UTF-8 cannot carry: a lone surrogate; nulls in every optional place
        out.add(new Relations.Ref(Relations.Kind.EPIC, 7, null, "P-\ud800", null, false, "epic", "customfield_1",
                null, new Location("rows.csv", 12L, null, "Custom field (Epic Link)", null, "P-7", null)));
        out.add(new Relations.Ref(Relations.Kind.SUBTASK, Integer.MAX_VALUE, "x".repeat(100_000), null, null, true,
                "sub-task", "subtasks", null, Location.NONE));
        for (int i = 0; i < 5_000; i++) {
            out.add(new Relations.Ref(Relations.Kind.PARENT, i, "id" + i, "K-" + i, null, true, "parent", "parent",
                    null, Location.record("dump.json", (long) i, "id" + i, "/issues/" + i + "/fields/parent")));
        }
        return out;
    }

    @Test
    void smallListsStayInMemory() throws IOException {
        try (RefSpill spill = new RefSpill()) {
            refs().forEach(spill::add);
            assertNull(spill.file());
            List<Relations.Ref> back = new ArrayList<>();
            spill.drain(back::add);
            assertEquals(refs(), back);
        }
    }

    @Test
    void bigListsGoToATempFileThatIsDeletedWhenRead() throws IOException {
        try (RefSpill spill = new RefSpill(1024)) {
            refs().forEach(spill::add);
            Path file = spill.file();
            assertTrue(Files.isRegularFile(file));
            List<Relations.Ref> back = new ArrayList<>();
            spill.drain(back::add);
            assertEquals(refs(), back);
            assertTrue(Files.notExists(file), "the temp file is gone once read");
            assertEquals(0, spill.size());
        }
    }

    @Test
    void closingUnreadDeletesTheFile() throws IOException {
        RefSpill spill = new RefSpill(0);
        refs().forEach(spill::add);
        Path file = spill.file();
        assertTrue(Files.isRegularFile(file));
        spill.close();
        assertTrue(Files.notExists(file));
    }
}
