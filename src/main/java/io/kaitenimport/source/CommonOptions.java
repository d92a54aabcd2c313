package io.kaitenimport.source;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Options every adapter may use. Adapter-specific options are separate typed classes (see
 * {@link SourceAdapter#optionTypes()}). A null field means "not given".
 *
 * @param mapping        a YAML mapping file whose keys override the adapter's bundled default
 * @param usersFile      CSV with header {@code source,email,full_name}
 * @param unmappedUsers  what to do with people who have no email
 * @param zone           zone of source date-times without an offset
 * @param spaceTitle     creates a space with this title above the board(s)
 * @param attachmentsDir folder with attachment binaries to package
 */
public record CommonOptions(Path mapping, Path usersFile, UnmappedUsers unmappedUsers, ZoneId zone, String spaceTitle,
                            Path attachmentsDir) {

    /** People without an email: drop their references (counted) or stop at the first one. */
    public enum UnmappedUsers implements Choice {
        DROP("drop"), FAIL("fail");

        private final String word;

        UnmappedUsers(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        public static final class Words extends Choice.Words<UnmappedUsers> {
            public Words() {
                super(UnmappedUsers.class);
            }
        }
    }

    public CommonOptions {
        unmappedUsers = unmappedUsers == null ? UnmappedUsers.DROP : unmappedUsers;
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    public static CommonOptions defaults() {
        return new CommonOptions(null, null, null, null, null, null);
    }

    public CommonOptions withMapping(Path file) {
        return new CommonOptions(file, usersFile, unmappedUsers, zone, spaceTitle, attachmentsDir);
    }

    public CommonOptions withUsers(Path file) {
        return new CommonOptions(mapping, file, unmappedUsers, zone, spaceTitle, attachmentsDir);
    }

    public CommonOptions withSpace(String title) {
        return new CommonOptions(mapping, usersFile, unmappedUsers, zone, title, attachmentsDir);
    }

    public CommonOptions withAttachments(Path dir) {
        return new CommonOptions(mapping, usersFile, unmappedUsers, zone, spaceTitle, dir);
    }
}
