package io.kaitenimport.preflight;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.ReportSection;
import io.kaitenimport.model.Entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Columns → {@code columns_mapping}: each column of the package board imported into --board reuses the one
 * column or subcolumn there with the same trimmed title and the same type (1/2/3 in both, seed L9339 and L768).
 * A title match with another type, or a title used twice on the board, is reported and not mapped.
 */
final class ColumnCheck {
    private ColumnCheck() {
    }

    /**
     * @param packageBoard the package board whose columns go to --board (id), chosen by the caller
     * @return columns_mapping: external column id → Kaiten column id
     */
    static Map<String, Long> run(PackageFacts pkg, TargetSnapshot target, String packageBoard, Report report) {
        Map<String, List<TargetSnapshot.Col>> byTitle = new HashMap<>();
        Map<Long, TargetSnapshot.Col> byId = new HashMap<>();
        for (TargetSnapshot.Col c : target.columns()) {
            byTitle.computeIfAbsent(title(c.title()), k -> new ArrayList<>()).add(c);
            byId.put(c.id(), c);
        }
        Map<String, Long> mapping = new TreeMap<>();
        pkg.mappings().getOrDefault(Entity.COLUMNS_MAPPING, Map.of()).forEach((k, v) -> {
            if (byId.containsKey(v)) {
                mapping.put(k, v);
            } else {
                report.add(IssueCode.TARGET_COLUMN_CONFLICT, Location.file("columns_mapping").withField(k),
                        "the package maps column '" + k + "' to Kaiten column " + v + ", which board "
                                + target.board() + " does not have; entry dropped");
            }
        });
        Map<Long, List<String>> onto = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (PackageFacts.Rec<PackageFacts.ColumnRow> rec : pkg.columns()) {
            PackageFacts.ColumnRow c = rec.value();
            if (!packageBoard.equals(c.boardId())) {
                continue;
            }
            Location at = rec.at(c.id());
            String label = "column '" + c.title() + "' (type " + c.type() + ")";
            List<TargetSnapshot.Col> same = byTitle.getOrDefault(title(c.title()), List.of());
            List<TargetSnapshot.Col> typed = same.stream().filter(t -> c.type() != null && t.type() == c.type())
                    .toList();
            String decision;
            TargetSnapshot.Col chosen = null;
            if (mapping.containsKey(c.id())) {
                chosen = byId.get(mapping.get(c.id()));
                decision = "mapped (already in the package)";
            } else if (typed.size() == 1) {
                chosen = typed.get(0);
                decision = "mapped";
                report.add(IssueCode.TARGET_COLUMN_MAPPED, at, label + " → Kaiten " + describe(chosen));
            } else if (typed.size() > 1) {
                decision = "ambiguous: not mapped, will be created";
                report.add(IssueCode.TARGET_COLUMN_CONFLICT, at, label + ": board " + target.board() + " has "
                        + typed.size() + " columns with this title and type (ids " + ids(typed) + "); not mapped");
            } else if (!same.isEmpty()) {
                decision = "type differs: not mapped, will be created";
                report.add(IssueCode.TARGET_COLUMN_CONFLICT, at, label + ": board " + target.board()
                        + " has it with type " + same.stream().map(t -> String.valueOf(t.type())).distinct().toList()
                        + " (ids " + ids(same) + "); not mapped, the import creates another '" + c.title() + "'");
            } else {
                decision = "will be created";
                report.add(IssueCode.TARGET_COLUMN_NEW, at, label + ": board " + target.board()
                        + " has no column with this title; the import creates it");
            }
            if (chosen != null) {
                mapping.put(c.id(), chosen.id());
                onto.computeIfAbsent(chosen.id(), k -> new ArrayList<>()).add(c.id());
            }
            rows.add(List.of(c.id(), String.valueOf(c.title()), String.valueOf(c.type()), decision,
                    chosen == null ? "" : String.valueOf(chosen.id()), chosen == null ? "" : describe(chosen)));
        }
        onto.forEach((kaiten, cols) -> {
            if (cols.size() > 1) {
                report.add(IssueCode.TARGET_COLUMN_SHARED, Location.NONE, "package columns " + cols
                        + " all map onto Kaiten " + describe(byId.get(kaiten)));
            }
        });
        report.section(new ReportSection("Target: columns of package board " + packageBoard + " → Kaiten board "
                + target.board(), List.of("package column", "title", "type", "decision", "Kaiten id", "Kaiten column"), rows));
        return mapping;
    }

    private static String describe(TargetSnapshot.Col c) {
        return (c.parentId() == null ? "column " : "subcolumn ") + c.id() + " '" + c.title() + "'"
                + (c.parentId() == null ? "" : " of column " + c.parentId());
    }

    private static List<Long> ids(List<TargetSnapshot.Col> cols) {
        return cols.stream().map(TargetSnapshot.Col::id).toList();
    }

    private static String title(String t) {
        return t == null ? "" : t.strip();
    }
}
