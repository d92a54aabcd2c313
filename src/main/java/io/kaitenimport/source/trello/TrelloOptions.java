package io.kaitenimport.source.trello;

import io.kaitenimport.source.Choice;
import picocli.CommandLine.Option;

/** Trello: what happens to archived lists. */
public final class TrelloOptions {

    public enum ArchivedLists implements Choice {
        KEEP("keep"), DROP_COLUMN("drop-column");

        private final String word;

        ArchivedLists(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        public static final class Words extends Choice.Words<ArchivedLists> {
            public Words() {
                super(ArchivedLists.class);
            }
        }
    }

    @Option(names = "--archived-lists", paramLabel = "POLICY", defaultValue = "keep",
            converter = ArchivedLists.Words.class, completionCandidates = ArchivedLists.Words.class,
            description = "Archived lists: keep (the column stays, its cards archived; default) or drop-column (the "
                    + "cards go, archived, to the first open column).")
    private ArchivedLists archivedLists = ArchivedLists.KEEP;

    public ArchivedLists archivedLists() {
        return archivedLists;
    }

    public TrelloOptions archivedLists(ArchivedLists policy) {
        this.archivedLists = policy;
        return this;
    }
}
