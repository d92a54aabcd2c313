package io.kaitenimport.draft;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;

/**
 * The {@code mapping} command's work: the mapping convert would use for an export, as commented YAML that convert
 * reads back unchanged ({@code --mapping}) — every header, what it feeds, its values, and proposals for the
 * headers nothing reads.
 */
public final class MappingDraft {
    private MappingDraft() {
    }

    public static String write(SourceAdapter adapter, SourceContext ctx) throws IOException {
        return switch (adapter.name()) {
            case "jira-csv" -> JiraCsvDraft.write(ctx);
            case "csv" -> TabularDraft.write(ctx, false);
            case "xlsx" -> TabularDraft.write(ctx, true);
            default -> throw new SourceException(Location.file(ctx.input().toString()), "is a " + adapter.describe()
                    + "; the mapping command proposes mappings for CSV and Excel exports (a " + adapter.name()
                    + " export is mapped by mappings/" + adapter.name() + ".yaml)");
        };
    }
}
