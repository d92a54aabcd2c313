package io.kaitenimport.preflight;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;

import java.util.List;
import java.util.Map;

/**
 * The analysis of a package against a {@link TargetSnapshot}: facts, the "Target" report sections and issues, and
 * the properties_mapping / columns_mapping to write. Pure: the same package and snapshot give the same result.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * @param packageBoard the package board whose columns go to --board (null: the package's only board)
     */
    public record Options(String packageBoard, PropertyMap propertyMap) {
    }

    /** external id → Kaiten id, for each mapping entity. */
    public record Mappings(Map<String, Long> properties, Map<String, Long> columns) {
    }

    /** Which select properties' options the live read must fetch for this package. */
    public static java.util.function.Predicate<TargetSnapshot.Property> optionsNeeded(PackageFacts pkg,
                                                                                   Options options) {
        return p -> FieldCheck.needsOptions(pkg, options.propertyMap(), p);
    }

    public static Mappings analyse(PackageFacts pkg, TargetSnapshot target, Options options, Report report) {
        report.fact("target", target.url());
        if (target.me() != null) {
            report.fact("token user", target.me().email() + " (id " + target.me().id() + ")");
        }
        report.fact("users from", target.usersFrom());
        if (target.board() != null) {
            report.fact("target board", String.valueOf(target.board()));
        }
        report.fact("requests", target.requests() + " (" + target.rateLimited() + " answered 429 and retried)");
        for (TargetSnapshot.Note n : target.notes()) {
            report.add(IssueCode.byCode(n.code()).orElse(IssueCode.TARGET_UNCHECKED), Location.NONE, n.message());
        }
        if (target.rateLimited() > 0) {
            report.add(IssueCode.TARGET_RATE_LIMITED, Location.NONE, target.rateLimited() + " of "
                    + target.requests() + " request(s) were answered 429 and retried after waiting");
        }
        List<String> conditions = target.properties().stream().map(TargetSnapshot.Property::condition)
                .filter(c -> !PropertyTypes.active(c)).distinct().sorted().toList();
        if (!conditions.isEmpty()) {
            report.add(IssueCode.TARGET_UNCHECKED, Location.NONE, "custom property conditions other than 'active' "
                    + "seen: " + conditions + "; such properties are not used for mapping");
        }
        UserCheck.run(pkg, target, report);
        Map<String, Long> properties = FieldCheck.run(pkg, target, options.propertyMap(), report);
        Map<String, Long> columns = Map.of();
        if (target.board() != null) {
            columns = ColumnCheck.run(pkg, target, packageBoard(pkg, options.packageBoard()), report);
        }
        NameCheck.spacesAndBoards(pkg, target, report);
        NameCheck.cardTypes(pkg, target, report);
        NameCheck.tags(pkg, target, report);
        return new Mappings(properties, columns);
    }

    /** The package board imported into --board: the one asked for (id or title), or the only one. */
    public static String packageBoard(PackageFacts pkg, String requested) {
        List<PackageFacts.BoardRow> boards = pkg.boards().stream().map(PackageFacts.Rec::value).toList();
        if (requested != null) {
            return boards.stream().filter(b -> requested.equals(b.id())).findFirst()
                    .or(() -> boards.stream().filter(b -> requested.equals(b.title())).findFirst())
                    .map(PackageFacts.BoardRow::id)
                    .orElseThrow(() -> new SourceException(Location.NONE, "--package-board '" + requested
                            + "' is neither the id nor the title of a board of the package: " + titles(boards)));
        }
        if (boards.size() != 1) {
            throw new SourceException(Location.NONE, "the package has " + boards.size() + " boards; say which one "
                    + "goes to --board with --package-board ID|TITLE" + (boards.isEmpty() ? "" : ": " + titles(boards)));
        }
        return boards.get(0).id();
    }

    private static String titles(List<PackageFacts.BoardRow> boards) {
        return String.join(", ", boards.stream().map(b -> b.id() + " '" + b.title() + "'").toList());
    }
}
