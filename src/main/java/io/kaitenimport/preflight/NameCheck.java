package io.kaitenimport.preflight;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.ReportSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Titles and names the import does not map but may duplicate: spaces and boards (a collision is a warning — the
 * seed does not say whether Kaiten merges or creates a second one), card types and tags the target lacks.
 */
final class NameCheck {
    private NameCheck() {
    }

    static void spacesAndBoards(PackageFacts pkg, TargetSnapshot target, Report report) {
        List<List<String>> rows = new ArrayList<>();
        boolean keys = false;
        for (PackageFacts.Rec<PackageFacts.SpaceRow> rec : pkg.spaces()) {
            PackageFacts.SpaceRow s = rec.value();
            keys |= s.key() != null;
            List<String> hits = new ArrayList<>();
            for (TargetSnapshot.Space t : target.spaces()) {
                if (same(t.title(), s.title())) {
                    hits.add(t.id() + (t.archived() ? " (archived)" : ""));
                }
            }
            if (!hits.isEmpty()) {
                report.add(IssueCode.TARGET_TITLE_COLLISION, rec.at(s.id()), "space '" + s.title()
                        + "': the target already has a space with this title (id " + String.join(", ", hits)
                        + "); the import creates another one");
            }
            rows.add(List.of("space", s.id(), String.valueOf(s.title()), hits.isEmpty() ? "new" : "title exists",
                    String.join(", ", hits)));
        }
        for (PackageFacts.Rec<PackageFacts.BoardRow> rec : pkg.boards()) {
            PackageFacts.BoardRow b = rec.value();
            List<String> hits = new ArrayList<>();
            for (TargetSnapshot.Space t : target.spaces()) {
                for (TargetSnapshot.Board tb : t.boards()) {
                    if (same(tb.title(), b.title())) {
                        hits.add(tb.id() + " in space '" + t.title() + "'" + (t.archived() ? " (archived)" : ""));
                    }
                }
            }
            if (!hits.isEmpty()) {
                report.add(IssueCode.TARGET_TITLE_COLLISION, rec.at(b.id()), "board '" + b.title()
                        + "': the target already has a board with this title (" + String.join("; ", hits)
                        + "); the import creates another one");
            }
            rows.add(List.of("board", b.id(), String.valueOf(b.title()), hits.isEmpty() ? "new" : "title exists",
                    String.join("; ", hits)));
        }
        if (keys) {
            report.add(IssueCode.TARGET_UNCHECKED, Location.NONE, "space keys cannot be checked: GET /api/v1/spaces "
                    + "does not return them");
        }
        report.section(new ReportSection("Target: spaces and boards",
                List.of("kind", "package id", "title", "decision", "existing in target"), rows));
    }

    static void cardTypes(PackageFacts pkg, TargetSnapshot target, Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Long> e : pkg.typeNames().entrySet()) {
            Decision d = decide(e.getKey(), target.cardTypes(), "missing");
            if (!d.exists()) {
                report.add(IssueCode.TARGET_CARD_TYPE, Location.NONE, "card type '" + e.getKey() + "' ("
                        + e.getValue() + " card(s)): " + d.text() + " in the target; what the import does with it "
                        + "is not documented");
            }
            rows.add(List.of(e.getKey(), String.valueOf(e.getValue()), d.text()));
        }
        report.section(new ReportSection("Target: card types", List.of("type_name", "cards", "in target"), rows));
    }

    static void tags(PackageFacts pkg, TargetSnapshot target, Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Long> e : pkg.tags().entrySet()) {
            Decision d = decide(e.getKey(), target.tags(), "new");
            if (!d.exists()) {
                report.add(IssueCode.TARGET_TAG, Location.NONE, "tag '" + e.getKey() + "' (" + e.getValue()
                        + " card(s)): " + d.text() + " in the target");
            }
            rows.add(List.of(e.getKey(), String.valueOf(e.getValue()), d.text()));
        }
        report.section(new ReportSection("Target: tags", List.of("tag", "cards", "in target"), rows));
    }

    private record Decision(String text, boolean exists) {
    }

    /**
     * How a package name meets the target's: the same name (surrounding spaces aside; a live one preferred over an
     * archived one) exists or is archived; otherwise a name differing only in case is pointed out, or {@code absent}.
     */
    private static Decision decide(String name, List<? extends TargetSnapshot.Named> target, String absent) {
        TargetSnapshot.Named exact = null;
        TargetSnapshot.Named folded = null;
        for (TargetSnapshot.Named t : target) {
            if (t.name() != null && t.name().strip().equals(name.strip())) {
                exact = exact == null || exact.archived() ? t : exact;
            } else if (folded == null && same(t.name(), name)) {
                folded = t;
            }
        }
        if (exact != null) {
            return exact.archived() ? new Decision("archived (" + exact.id() + ")", false)
                    : new Decision("exists (" + exact.id() + ")", true);
        }
        return new Decision(folded != null ? absent + " (case differs from " + folded.id() + " '" + folded.name() + "')"
                : absent, false);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
