package io.kaitenimport.source;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

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

    /**
     * People without an email: drop their references (counted), stop at the first one, or attribute what they
     * authored (history, timers, comments, files) to one placeholder user with the given email.
     */
    public record UnmappedUsers(Mode mode, String placeholderEmail) {
        public enum Mode { DROP, FAIL, PLACEHOLDER }

        public static final UnmappedUsers DROP = new UnmappedUsers(Mode.DROP, null);
        public static final UnmappedUsers FAIL = new UnmappedUsers(Mode.FAIL, null);

        public static UnmappedUsers placeholder(String email) {
            return new UnmappedUsers(Mode.PLACEHOLDER, email);
        }

        /** {@code drop}, {@code fail} or {@code placeholder:EMAIL}. */
        public static final class Words implements ITypeConverter<UnmappedUsers>, Iterable<String> {
            @Override
            public UnmappedUsers convert(String value) {
                String v = value.strip();
                if (v.equalsIgnoreCase("drop")) {
                    return DROP;
                }
                if (v.equalsIgnoreCase("fail")) {
                    return FAIL;
                }
                if (v.regionMatches(true, 0, "placeholder:", 0, 12)) {
                    String email = v.substring(12).strip();
                    if (!Users.isEmail(email)) {
                        throw new TypeConversionException("'" + email + "' is not an email; write "
                                + "placeholder:someone@example.com");
                    }
                    return placeholder(email);
                }
                throw new TypeConversionException("'" + value + "' is not one of drop, fail, placeholder:EMAIL");
            }

            @Override
            public Iterator<String> iterator() {
                return List.of("drop", "fail", "placeholder:EMAIL").iterator();
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

    public CommonOptions withUnmappedUsers(UnmappedUsers policy) {
        return new CommonOptions(mapping, usersFile, policy, zone, spaceTitle, attachmentsDir);
    }

    public CommonOptions withAttachments(Path dir) {
        return new CommonOptions(mapping, usersFile, unmappedUsers, zone, spaceTitle, dir);
    }
}
