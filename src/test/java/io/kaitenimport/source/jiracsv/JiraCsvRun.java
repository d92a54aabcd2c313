package io.kaitenimport.source.jiracsv;

import io.kaitenimport.source.PackageRun;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Path;

/** Jira CSV defaults for the shared {@link PackageRun}: one input, shards of 1000 records. */
final class JiraCsvRun {
    private JiraCsvRun() {
    }

    static PackageRun convert(SourceAdapter adapter, Path out, SourceOptions options, Path usersFile, Path input)
            throws IOException {
        return PackageRun.convert(adapter, options, usersFile, out, 1000, input);
    }

    static PackageRun csv(Path out, SourceOptions options, Path usersFile, Path input) throws IOException {
        return convert(new JiraCsvSourceAdapter(), out, options, usersFile, input);
    }
}
