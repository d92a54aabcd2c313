package io.kaitenimport.validate;

import io.kaitenimport.issue.Location;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;

import io.kaitenimport.issue.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Holds a validation's issues until the end, then hands them to the report in one fixed order (package, then file,
 * record, pointer) so that the same package always gives the same report whatever order the rules ran in.
 * Per code only the first {@link Report#KEEP_PER_CODE} in that order are kept; the rest are only counted, so a
 * package with millions of broken records cannot exhaust memory through its issues.
 */
final class IssueCollector implements Consumer<Issue> {
    static final Comparator<Issue> ORDER = Comparator
            .comparing((Issue i) -> i.location().file(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(i -> i.location().recordIndex(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(i -> i.location().pointer(), Comparator.nullsFirst(IssueCollector::comparePointers))
            .thenComparing(Issue::code)
            .thenComparing(Issue::message);

    /** The report stores no more than this per code, which is what makes counting the rest enough. */
    private final int keep = Report.KEEP_PER_CODE;
    private final Map<IssueCode, PriorityQueue<Issue>> kept = new EnumMap<>(IssueCode.class);
    private final Map<IssueCode, Long> dropped = new EnumMap<>(IssueCode.class);
    private final Map<IssueCode, Issue> droppedExample = new EnumMap<>(IssueCode.class);

    @Override
    public void accept(Issue issue) {
        // A max-heap per code: when full, the issue that sorts last is the one to drop.
        PriorityQueue<Issue> heap = kept.computeIfAbsent(issue.code(), c -> new PriorityQueue<>(ORDER.reversed()));
        heap.add(issue);
        if (heap.size() > keep) {
            droppedExample.put(issue.code(), heap.poll());
            dropped.merge(issue.code(), 1L, Long::sum);
        }
    }

    void add(IssueCode code, Location where, Object... args) {
        accept(Issue.of(code, where, args));
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** Everything kept, in report order. */
    List<Issue> sorted() {
        List<Issue> all = new ArrayList<>();
        kept.values().forEach(all::addAll);
        all.sort(ORDER);
        return all;
    }

    /** Sends the issues to the report, then the dropped ones as counts only (the report keeps no more per code). */
    void flushTo(Consumer<Issue> report) {
        sorted().forEach(report);
        for (Map.Entry<IssueCode, Long> d : dropped.entrySet()) {
            Issue example = droppedExample.get(d.getKey());
            for (long i = 0; i < d.getValue(); i++) {
                report.accept(example);
            }
        }
        kept.clear();
        dropped.clear();
        droppedExample.clear();
    }

    /** Pointer order with array indexes compared as numbers, so /ids/2 comes before /ids/10. */
    static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareSegments(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareSegments(String a, String b) {
        boolean an = !a.isEmpty() && a.length() < 10 && a.chars().allMatch(Character::isDigit);
        boolean bn = !b.isEmpty() && b.length() < 10 && b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
