package io.kaitenimport.source.trello;

import io.kaitenimport.pipeline.Converter;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trello defaults: the sample, options, and a run through the real pipeline ({@link Converter}); read the package
 * back with {@link io.kaitenimport.source.PackageRun#records(Path, String)}.
 */
final class TrelloTesting {
    static final Path SAMPLE_DIR = Path.of("sample-exports/trello");
    static final Path SAMPLE = SAMPLE_DIR.resolve("garden-board.json");

    private TrelloTesting() {
    }

    static SourceOptions options(Path mapping, Path users, String space, Path attachments, String archivedLists) {
        TrelloOptions trello = new TrelloOptions();
        if (archivedLists != null) {
            trello.archivedLists(new TrelloOptions.ArchivedLists.Words().convert(archivedLists));
        }
        return SourceOptions.of(CommonOptions.defaults().withMapping(mapping).withUsers(users).withSpace(space)
                .withAttachments(attachments), trello);
    }

    static Converter.Outcome convert(Path input, SourceOptions options, Path output) throws IOException {
        return new Converter(new TrelloSourceAdapter(), options, 50_000, false).convert(List.of(input), output);
    }
}
