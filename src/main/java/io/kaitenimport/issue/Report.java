package io.kaitenimport.issue;

import io.kaitenimport.model.Entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Everything a run found out: records per entity, issues, data losses and source facts. One model, rendered by
 * independent renderers (text, JSON, JUnit, SARIF, HTML). Issues beyond {@link #KEEP_PER_CODE} per code are
 * counted but not kept, so a broken multi-million-row export cannot exhaust memory through its report.
 */
public final class Report implements Consumer<Issue> {
    public static final int KEEP_PER_CODE = 1000;

    private final String command;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<Entity, Long> counts = new EnumMap<>(Entity.class);
    private final List<Issue> issues = new ArrayList<>();
    private final Map<IssueCode, Long> issueCounts = new TreeMap<>();
    private final Map<Severity, Long> severityCounts = new EnumMap<>(Severity.class);
    private final LossLedger losses = new LossLedger();
    private final List<ReportSection> sections = new ArrayList<>();
    private final BoardPreview preview = new BoardPreview();

    public Report(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }

    /** A fact about the run worth showing (input, source kind, output path, encoding …), in insertion order. */
    public void fact(String name, String value) {
        facts.put(name, value);
    }

    public Map<String, String> facts() {
        return Collections.unmodifiableMap(facts);
    }

    /**
     * Gives the facts added or changed since {@code before} (a copy of {@link #facts()} taken earlier) the name
     * {@code "<prefix> <name>"}, in place: one input of several gets its own encoding, dialect … lines.
     */
    public void scopeFacts(Map<String, String> before, String prefix) {
        Map<String, String> scoped = new LinkedHashMap<>();
        facts.forEach((k, v) -> scoped.put(v.equals(before.get(k)) || k.startsWith(prefix) ? k : prefix + " " + k, v));
        facts.clear();
        facts.putAll(scoped);
    }

    @Override
    public void accept(Issue issue) {
        long n = issueCounts.merge(issue.code(), 1L, Long::sum);
        severityCounts.merge(issue.severity(), 1L, Long::sum);
        if (n <= KEEP_PER_CODE) {
            issues.add(issue);
        }
    }

    public void add(IssueCode code, Location where, Object... args) {
        accept(Issue.of(code, where, args));
    }

    /**
     * Reports an issue and counts what it drops as lost, at the issue's position — the one step for "this value
     * is reported and does not reach the package".
     */
    public void lost(Issue issue, Loss loss) {
        accept(issue);
        losses.lost(loss.sourceField(), loss.reason(), loss.count(), issue.location());
    }

    public void count(Entity entity, long records) {
        counts.put(entity, records);
    }

    public Map<Entity, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    public List<Issue> issues() {
        return Collections.unmodifiableList(issues);
    }

    /** How many issues of each code were found, including those past the keep limit. */
    public Map<IssueCode, Long> issueCounts() {
        return Collections.unmodifiableMap(issueCounts);
    }

    public long count(Severity severity) {
        return severityCounts.getOrDefault(severity, 0L);
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public LossLedger losses() {
        return losses;
    }

    /** The boards as Kaiten will show them, fed by the package writer while converting (empty for validate). */
    public BoardPreview preview() {
        return preview;
    }

    /** The kept issues of one severity, in the order they were found. */
    public List<Issue> issuesOf(Severity severity) {
        List<Issue> out = new ArrayList<>();
        for (Issue i : issues) {
            if (i.severity() == severity) {
                out.add(i);
            }
        }
        return out;
    }

    /** Adds an extra table (pre-flight "Target" sections), shown after the issues in every renderer. */
    public void section(ReportSection section) {
        sections.add(section);
    }

    public List<ReportSection> sections() {
        return Collections.unmodifiableList(sections);
    }
}
