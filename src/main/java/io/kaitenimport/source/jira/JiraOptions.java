package io.kaitenimport.source.jira;

import io.kaitenimport.source.Choice;
import picocli.CommandLine.Option;

/** Jira: how issues are grouped into boards and which restricted items are kept. */
public final class JiraOptions {

    public enum BoardPer implements Choice {
        PROJECT("project"), ALL("all");

        private final String word;

        BoardPer(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        public static final class Words extends Choice.Words<BoardPer> {
            public Words() {
                super(BoardPer.class);
            }
        }
    }

    @Option(names = "--board-per", paramLabel = "WHAT", defaultValue = "project", converter = BoardPer.Words.class,
            completionCandidates = BoardPer.Words.class,
            description = "One board per project (default) or one board for all issues: ${COMPLETION-CANDIDATES}.")
    private BoardPer boardPer = BoardPer.PROJECT;

    @Option(names = "--include-restricted", description = "Keep comments and worklogs with restricted visibility.")
    private boolean includeRestricted;

    public BoardPer boardPer() {
        return boardPer;
    }

    public boolean includeRestricted() {
        return includeRestricted;
    }

    public JiraOptions boardPer(BoardPer per) {
        this.boardPer = per;
        return this;
    }

    public JiraOptions includeRestricted(boolean include) {
        this.includeRestricted = include;
        return this;
    }
}
