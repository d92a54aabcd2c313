package io.kaitenimport.source.tabular;

import io.kaitenimport.source.Choice;
import picocli.CommandLine.Option;

/** Options of every spreadsheet-like source (CSV, Excel): how values are read. */
public final class TabularOptions {

    /** How ambiguous numeric dates like 03/04/2024 are read. */
    public enum DateOrder implements Choice {
        AUTO("auto"), DAY_FIRST("day-first"), MONTH_FIRST("month-first");

        private final String word;

        DateOrder(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        public static final class Words extends Choice.Words<DateOrder> {
            public Words() {
                super(DateOrder.class);
            }
        }
    }

    @Option(names = "--date-order", paramLabel = "ORDER", defaultValue = "auto", converter = DateOrder.Words.class,
            completionCandidates = DateOrder.Words.class,
            description = "Ambiguous dates like 03/04/2024: ${COMPLETION-CANDIDATES} (auto decides from the data, "
                    + "else day-first).")
    private DateOrder dateOrder = DateOrder.AUTO;

    @Option(names = "--lenient-values",
            description = "Leave values that cannot be parsed (dates, numbers) empty and report them, instead of "
                    + "stopping with an error.")
    private boolean lenientValues;

    public DateOrder dateOrder() {
        return dateOrder;
    }

    public boolean lenientValues() {
        return lenientValues;
    }

    public TabularOptions dateOrder(DateOrder order) {
        this.dateOrder = order;
        return this;
    }

    public TabularOptions lenientValues(boolean lenient) {
        this.lenientValues = lenient;
        return this;
    }
}
