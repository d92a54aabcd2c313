package io.kaitenimport.source;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.nio.file.Path;
import java.util.List;

/** What an adapter gets besides the sink: its inputs, the user's options, the report, and the people registry. */
public final class SourceContext {
    private final List<Path> inputs;
    private final SourceOptions options;
    private final Report report;
    private final Users users;

    public SourceContext(List<Path> inputs, SourceOptions options, Report report, Users users) {
        this.inputs = List.copyOf(inputs);
        this.options = options;
        this.report = report;
        this.users = users;
    }

    /** One file for most sources; adapters that accept several get them expanded (folders) and in order. */
    public List<Path> inputs() {
        return inputs;
    }

    public Path input() {
        return inputs.get(0);
    }

    /** Options every adapter may use: mapping file, users, time zone, space, attachments. */
    public CommonOptions common() {
        return options.common();
    }

    /** The adapter's typed options; defaults when the user gave none. */
    public <T> T options(Class<T> type) {
        return options.get(type);
    }

    public Report report() {
        return report;
    }

    public LossLedger losses() {
        return report.losses();
    }

    public Users users() {
        return users;
    }

    public void issue(IssueCode code, Location where, Object... args) {
        report.accept(Issue.of(code, where, args));
    }
}
