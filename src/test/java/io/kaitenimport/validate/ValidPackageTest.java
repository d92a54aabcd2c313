package io.kaitenimport.validate;

import io.kaitenimport.model.Entity;
import io.kaitenimport.issue.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidPackageTest {
    @TempDir
    Path tmp;

    private static Map<Entity, Long> expectedCounts() {
        Map<Entity, Long> m = new EnumMap<>(Entity.class);
        m.put(Entity.USERS, 2L);
        m.put(Entity.SPACES, 1L);
        m.put(Entity.FOLDERS, 1L);
        m.put(Entity.BOARDS, 1L);
        m.put(Entity.COLUMNS, 2L);
        m.put(Entity.CUSTOM_FIELDS, 3L);
        m.put(Entity.CARDS, 2L);
        m.put(Entity.COMMENTS, 2L);
        m.put(Entity.FILES, 2L);
        m.put(Entity.CARD_TIMERS, 1L);
        m.put(Entity.DOCUMENTS, 1L);
        m.put(Entity.DOCUMENT_FILES, 1L);
        m.put(Entity.PROPERTIES_MAPPING, 1L);
        m.put(Entity.COLUMNS_MAPPING, 1L);
        return m;
    }

    @Test
    void directoryWithEveryEntityHasNoIssues() {
        Report report = Check.validate(TestPackage.valid().writeDir(tmp));
        Check.clean(report);
        assertEquals(expectedCounts(), report.counts());
    }

    @Test
    void zipWithEveryEntityHasNoIssues() {
        Report report = Check.validate(TestPackage.valid().writeZip(tmp.resolve("p.zip")));
        Check.clean(report);
        assertEquals(expectedCounts(), report.counts());
    }

    @Test
    void plainStringPathIsAccepted() {
        Path dir = TestPackage.empty()
                .entity("users", "[{\"id\": \"u1\", \"email\": \"a@example.com\"}]")
                .meta("{\"entities\": [\"users\"], \"entities_paths_map\": {\"users\": \"users_0.json\"}}")
                .writeDir(tmp);
        Report report = Check.validate(dir);
        Check.clean(report);
        assertEquals(Map.of(Entity.USERS, 1L), report.counts());
    }

    @Test
    void severalShardsOfOneEntityAreCountedTogether() {
        Path dir = TestPackage.empty()
                .file("users_0.json", "[{\"id\": \"u1\", \"email\": \"a@example.com\"}]")
                .file("users_1.json", "[{\"id\": \"u2\", \"email\": \"b@example.com\"}]")
                .meta("{\"entities\": [\"users\"], \"entities_paths_map\": "
                        + "{\"users\": [\"./users_0.json\", \"./users_1.json\"]}}")
                .writeDir(tmp);
        Report report = Check.validate(dir);
        Check.clean(report);
        assertEquals(Map.of(Entity.USERS, 2L), report.counts());
    }
}
