package io.kaitenimport.cli;

import io.kaitenimport.source.Choice;

/** {@code --progress}: when progress lines go to stderr. Shared by every long-running command. */
public enum Progress implements Choice {
    AUTO("auto"), ALWAYS("always"), NEVER("never");

    private final String word;

    Progress(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** Auto shows progress on a terminal only, unless -q: pipes, CI logs and tests stay clean. */
    boolean shown(boolean quiet) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> System.console() != null && !quiet;
        };
    }

    public static final class Words extends Choice.Words<Progress> {
        public Words() {
            super(Progress.class);
        }
    }
}
