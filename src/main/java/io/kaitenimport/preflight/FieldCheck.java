package io.kaitenimport.preflight;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.ReportSection;
import io.kaitenimport.model.Entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Custom fields → {@code properties_mapping}: a package field reuses the one active property with the same name
 * (trimmed, whitespace-collapsed, case-insensitive) and a compatible type; {@code --property-map} forces or
 * overrides. Without a mapping Kaiten creates a duplicate of the field (seed L9383), so every decision is shown.
 */
final class FieldCheck {
    private FieldCheck() {
    }

    /** The select properties whose options the run must read: those a package select field may map to. */
    static boolean needsOptions(PackageFacts pkg, PropertyMap map, TargetSnapshot.Property p) {
        if (!"select".equals(p.type())) {
            return false;
        }
        if (map.entries().values().stream().anyMatch(e -> e.kaitenId() == p.id())
                || pkg.mappings().getOrDefault(Entity.PROPERTIES_MAPPING, Map.of()).containsValue(p.id())) {
            return true;
        }
        return pkg.fields().stream().anyMatch(f -> PropertyTypes.isSelect(f.value().type())
                && PropertyTypes.normalize(f.value().name()).equals(PropertyTypes.normalize(p.name())));
    }

    /** @return the properties_mapping to write: external field id → Kaiten property id */
    static Map<String, Long> run(PackageFacts pkg, TargetSnapshot target, PropertyMap map, Report report) {
        Map<Long, TargetSnapshot.Property> byId = new HashMap<>();
        Map<String, List<TargetSnapshot.Property>> byName = new HashMap<>();
        for (TargetSnapshot.Property p : target.properties()) {
            byId.put(p.id(), p);
            byName.computeIfAbsent(PropertyTypes.normalize(p.name()), k -> new ArrayList<>()).add(p);
        }
        Map<String, PropertyMap.Entry> forced = resolveMap(pkg, map, byId, report);
        Map<String, Long> mapping = new TreeMap<>();
        Map<String, Long> existing = pkg.mappings().getOrDefault(Entity.PROPERTIES_MAPPING, Map.of());
        existing.forEach((k, v) -> {
            if (!byId.containsKey(v)) {
                report.add(IssueCode.TARGET_PROPERTY_MAP, Location.file("properties_mapping").withField(k),
                        "the package maps '" + k + "' to Kaiten property " + v + ", which the company does not have");
            } else {
                mapping.put(k, v);
            }
        });
        List<List<String>> rows = new ArrayList<>();
        for (PackageFacts.Rec<PackageFacts.FieldRow> rec : pkg.fields()) {
            PackageFacts.FieldRow f = rec.value();
            Location at = rec.at(f.id());
            String label = "'" + f.name() + "' (" + f.type() + ")";
            String decision;
            TargetSnapshot.Property chosen = null;
            PropertyMap.Entry force = forced.get(f.id());
            if (force != null && byId.containsKey(force.kaitenId())) {
                chosen = byId.get(force.kaitenId());
                boolean ok = PropertyTypes.compatible(f.type(), chosen).orElse(false);
                decision = "mapped by --property-map" + (ok ? "" : ", types differ");
                report.add(IssueCode.TARGET_FIELD_MAPPED, at, label + " → Kaiten property " + chosen.id() + " '"
                        + chosen.name() + "' (" + PropertyTypes.describe(chosen) + "), forced by --property-map"
                        + (ok ? "" : "; the types differ"));
            } else if (force != null) {
                decision = "--property-map id unknown";
            } else if (existing.containsKey(f.id()) && byId.containsKey(existing.get(f.id()))) {
                chosen = byId.get(existing.get(f.id()));
                decision = "mapped (already in the package)";
            } else {
                List<TargetSnapshot.Property> same = byName.getOrDefault(PropertyTypes.normalize(f.name()), List.of());
                List<TargetSnapshot.Property> active = same.stream().filter(p -> PropertyTypes.active(p.condition()))
                        .toList();
                for (TargetSnapshot.Property p : same) {
                    if (!PropertyTypes.active(p.condition())) {
                        report.add(IssueCode.TARGET_FIELD_INACTIVE, at, label + ": Kaiten property " + p.id()
                                + " has this name but condition '" + p.condition() + "'; not used");
                    }
                }
                if (active.size() > 1) {
                    decision = "ambiguous: not mapped, will be created";
                    report.add(IssueCode.TARGET_FIELD_AMBIGUOUS, at, label + " matches " + active.size()
                            + " Kaiten properties (ids " + active.stream().map(p -> String.valueOf(p.id())).toList()
                            + "); nothing mapped — choose one with --property-map");
                } else if (active.isEmpty()) {
                    decision = "will be created";
                    report.add(IssueCode.TARGET_FIELD_NEW, at, label + ": no Kaiten property has this name; "
                            + "the import creates it");
                } else {
                    TargetSnapshot.Property p = active.get(0);
                    Optional<Boolean> ok = PropertyTypes.compatible(f.type(), p);
                    // A converted checkbox never maps onto a company checkbox: its values are option ids, which a
                    // checkbox cannot hold (and no import source documents checkbox values at all).
                    if (f.convertedCheckbox() && "checkbox".equals(p.type())) {
                        decision = "Kaiten checkbox: not mapped, the select will be created";
                        report.add(IssueCode.TARGET_FIELD_CHECKBOX, at, label + ": Kaiten property " + p.id() + " '"
                                + p.name() + "' is a checkbox, and this field is a checkbox written as a select with"
                                + " one option 'Yes' (Kaiten's import has no checkbox values), which cannot fill it;"
                                + " not mapped: the import creates the select '" + f.name() + "' beside it");
                    } else if (ok.isEmpty()) {
                        decision = "type unknown: not mapped, will be created";
                        report.add(IssueCode.TARGET_UNCHECKED, at, label + ": Kaiten property " + p.id()
                                + " has this name, but package type '" + f.type() + "' is not in the compatibility "
                                + "table; not mapped (use --property-map to force it)");
                    } else if (!ok.get()) {
                        decision = "type differs: " + f.type() + " vs " + PropertyTypes.describe(p);
                        report.add(IssueCode.TARGET_FIELD_TYPE, at, label + ": Kaiten property " + p.id() + " '"
                                + p.name() + "' has type " + PropertyTypes.describe(p) + ", package type is "
                                + f.type() + "; the import would create a second '" + f.name() + "'");
                    } else {
                        chosen = p;
                        decision = "mapped";
                        report.add(IssueCode.TARGET_FIELD_MAPPED, at, label + " → Kaiten property " + p.id() + " '"
                                + p.name() + "' (" + PropertyTypes.describe(p) + ")");
                    }
                }
            }
            String missing = "";
            if (chosen != null) {
                mapping.put(f.id(), chosen.id());
                missing = missingOptions(f, chosen, target, report, at, label);
            }
            rows.add(List.of(String.valueOf(f.id()), f.name() == null ? "" : f.name(), String.valueOf(f.type()),
                    decision, chosen == null ? "" : String.valueOf(chosen.id()),
                    chosen == null || chosen.name() == null ? "" : chosen.name(), missing));
        }
        report.section(new ReportSection("Target: custom fields (" + pkg.fields().size() + ")",
                List.of("package field", "name", "type", "decision", "Kaiten id", "Kaiten name",
                        "missing options"), rows));
        return mapping;
    }

    private static String missingOptions(PackageFacts.FieldRow f, TargetSnapshot.Property p, TargetSnapshot target,
                                         Report report, Location at, String label) {
        if (!PropertyTypes.isSelect(f.type()) || f.options().isEmpty()) {
            return "";
        }
        List<TargetSnapshot.SelectValue> values = target.optionsOf(p.id());
        if (values == null) {
            report.add(IssueCode.TARGET_UNCHECKED, at, label + ": the options of Kaiten property " + p.id()
                    + " were not read (not in the snapshot); options not compared");
            return "not compared";
        }
        java.util.Set<String> have = new java.util.HashSet<>();
        values.forEach(v -> have.add(v.value() == null ? "" : v.value().strip()));
        List<String> missing = f.options().stream().filter(o -> !have.contains(o.strip())).distinct().toList();
        if (!missing.isEmpty()) {
            report.add(IssueCode.TARGET_FIELD_OPTIONS, at, label + " → Kaiten property " + p.id() + " lacks "
                    + missing.size() + " of " + f.options().size() + " option(s): " + String.join(", ", missing)
                    + " (whether the import adds them is not documented)");
        }
        return String.join(", ", missing);
    }

    /** --property-map keys name a package field by id, else by name; unknown keys and ids are errors. */
    private static Map<String, PropertyMap.Entry> resolveMap(PackageFacts pkg, PropertyMap map,
                                                             Map<Long, TargetSnapshot.Property> byId, Report report) {
        Map<String, PropertyMap.Entry> forced = new HashMap<>();
        String file = map.file() == null ? "--property-map" : map.file().toString();
        map.entries().forEach((key, e) -> {
            Location at = Location.cell(file, e.line(), null, key);
            List<String> ids = pkg.fields().stream().map(PackageFacts.Rec::value)
                    .filter(f -> key.equals(f.id())).map(PackageFacts.FieldRow::id).toList();
            if (ids.isEmpty()) {
                ids = pkg.fields().stream().map(PackageFacts.Rec::value)
                        .filter(f -> PropertyTypes.normalize(key).equals(PropertyTypes.normalize(f.name())))
                        .map(PackageFacts.FieldRow::id).toList();
            }
            if (ids.isEmpty()) {
                report.add(IssueCode.TARGET_PROPERTY_MAP, at, "'" + key + "' is neither the id nor the name of a "
                        + "custom field of the package");
            }
            if (!byId.containsKey(e.kaitenId())) {
                report.add(IssueCode.TARGET_PROPERTY_MAP, at, "Kaiten property id " + e.kaitenId()
                        + " does not exist in the target company");
            }
            ids.forEach(id -> forced.put(id, e));
        });
        return forced;
    }
}
