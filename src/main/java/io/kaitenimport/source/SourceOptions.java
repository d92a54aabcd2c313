package io.kaitenimport.source;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What the user asked for on the command line, for every adapter. A null field means "not given": each adapter
 * applies its documented default.
 *
 * @param mapping          a YAML mapping file replacing the adapter's bundled default
 * @param usersFile        CSV with header {@code source,email,full_name}
 * @param unmappedUsers    what to do with people who have no email
 * @param encoding         forces the text encoding (csv)
 * @param legacyEncoding   used when bytes are not valid UTF-8 (csv); default windows-1251
 * @param dayOrder         date order for ambiguous dates: auto, day-first, month-first
 * @param zone             zone for source date-times without an offset
 * @param spaceTitle       creates a space with this title above the board(s)
 * @param attachmentsDir   folder with attachment binaries to package
 * @param sheet            xlsx sheet name or 1-based index
 * @param includeHidden    xlsx: also read hidden rows and sheets
 * @param boardPer         jira: one board per "project" or one for "all"
 * @param includeRestricted jira: keep comments with restricted visibility
 * @param archivedLists    trello: "keep" the column and archive its cards, or "drop-column"
 * @param lenientValues    tabular sources: a value that cannot be parsed (date, number) is left empty and reported
 *                         instead of stopping the run
 */
public record SourceOptions(
        Path mapping,
        Path usersFile,
        UnmappedUsers unmappedUsers,
        Charset encoding,
        Charset legacyEncoding,
        String dayOrder,
        ZoneId zone,
        String spaceTitle,
        Path attachmentsDir,
        String sheet,
        boolean includeHidden,
        String boardPer,
        boolean includeRestricted,
        String archivedLists,
        boolean lenientValues) {

    public enum UnmappedUsers { DROP, FAIL }

    public SourceOptions {
        unmappedUsers = unmappedUsers == null ? UnmappedUsers.DROP : unmappedUsers;
        legacyEncoding = legacyEncoding == null ? Charset.forName("windows-1251") : legacyEncoding;
        dayOrder = dayOrder == null ? "auto" : dayOrder;
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    public static SourceOptions defaults() {
        return new SourceOptions(null, null, null, null, null, null, null, null, null, null, false, null, false,
                null, false);
    }
}
