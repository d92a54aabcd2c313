package io.kaitenimport.source.jira;

import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.PackageRun;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Path;

/** Jira defaults for the shared {@link PackageRun}: options with only the Jira parts, shards of 1000 records. */
final class JiraRun {
    /** Defaults, except that what people without an email authored goes to one placeholder user. */
    static final SourceOptions PLACEHOLDER = SourceOptions.of(CommonOptions.defaults()
            .withUnmappedUsers(CommonOptions.UnmappedUsers.placeholder("ghost@example.com")));

    private JiraRun() {
    }

    /** Options with only the Jira-relevant parts set; null/false means the default. */
    static SourceOptions options(Path mapping, String spaceTitle, Path attachments, String boardPer,
                                 boolean includeRestricted) {
        JiraOptions jira = new JiraOptions().includeRestricted(includeRestricted);
        if (boardPer != null) {
            jira.boardPer(new JiraOptions.BoardPer.Words().convert(boardPer));
        }
        return SourceOptions.of(CommonOptions.defaults().withMapping(mapping).withSpace(spaceTitle)
                .withAttachments(attachments), jira);
    }

    static PackageRun convert(Path out, SourceOptions options, Path... inputs) throws IOException {
        return withUsers(out, options, null, inputs);
    }

    static PackageRun withUsers(Path out, SourceOptions options, Path usersFile, Path... inputs) throws IOException {
        return PackageRun.convert(new JiraSourceAdapter(), options, usersFile, out, 1000, inputs);
    }
}
