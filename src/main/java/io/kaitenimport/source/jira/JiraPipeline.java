package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Jira conversion for issues that do not come from REST JSON files: another reader (Jira CSV) streams issues
 * shaped like REST v2 issues, twice, and gets the same boards, columns, cards, relations, custom fields, comments,
 * timers, files and loss counting as the JSON adapter — so the two differ only where the other format lacks data.
 */
public final class JiraPipeline {
    private JiraPipeline() {
    }

    /** Issues as REST-shaped JSON objects. */
    public interface Source {
        /** Streams every issue; called for pass 1 (index) and then pass 2 (convert) with the same issues. */
        void issues(int pass, IssueStream.Visitor visitor) throws IOException;

        /** After pass 1: the {@code names} map (field id → name), or null. */
        JsonNode names();

        /** After pass 1: the {@code schema} map (field id → {type, custom}), or null. */
        JsonNode schema();

        /**
         * After pass 1: {@code {fieldId: [values…]}} for fields whose values the pass-1 issues left out because
         * their id was only known at its end (repeated CSV headers); observed as if read row by row.
         */
        default JsonNode lateValues() {
            return null;
        }
    }

    /** Converts; {@code file} names the input in messages. Returns the number of issues converted. */
    public static int run(SourceContext ctx, ModelSink sink, JiraMapping mapping, Source source, String file)
            throws IOException {
        return convert(ctx, sink, mapping, file, (index, catalog) -> {
            source.issues(1, index::index);
            catalog.addNames(source.names(), Location.file(file));
            catalog.addSchema(source.schema());
            if (source.lateValues() != null) {
                catalog.observe(source.lateValues(), new IssueStream.Position(file, 0, 0, "", 1, 1, p -> null), null);
            }
        }, visitor -> source.issues(2, visitor));
    }

    /** Pass 1: index every issue and tell the catalog what the input says about its fields. */
    interface FirstPass {
        void run(IssueIndex index, FieldCatalog catalog) throws IOException;
    }

    /** Pass 2: the same issues again, to be converted. */
    interface SecondPass {
        void run(IssueStream.Visitor visitor) throws IOException;
    }

    /** The two passes every Jira input goes through, whatever reads it (REST JSON files, CSV rows). */
    static int convert(SourceContext ctx, ModelSink sink, JiraMapping mapping, String file, FirstPass first,
                       SecondPass second) throws IOException {
        BoardPlan boards = new BoardPlan(ctx.options(JiraOptions.class).boardPer().word());
        FieldCatalog catalog = new FieldCatalog();
        try (Relations relations = new Relations()) {
            IssueIndex index = new IssueIndex(ctx, boards, catalog, relations);
            first.run(index, catalog);
            if (index.size() == 0) {
                throw new SourceException(Location.file(file), "no readable Jira issues in the input");
            }
            catalog.plan(mapping, ctx);
            Map<String, String> epicFields = new HashMap<>();
            for (String f : catalog.fieldsOf(FieldKind.EPIC_LINK)) {
                epicFields.put(f, catalog.planOf(f).lossKey());
            }
            relations.resolve(index, epicFields, ctx);
            boards.emit(sink, mapping, ctx);
            catalog.emit(sink, mapping, ctx);
            second.run(new IssueConverter(ctx, mapping, index, boards, catalog, relations, sink)::convert);
            return index.size();
        }
    }
}
