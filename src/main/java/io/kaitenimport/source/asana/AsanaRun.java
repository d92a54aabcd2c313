package io.kaitenimport.source.asana;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.model.Board;
import io.kaitenimport.model.Column;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The conversion both Asana readers share: pass one indexes ids with a scratch report (so nothing is reported
 * twice), the plan decides boards and columns, pass two writes the records and reports.
 */
final class AsanaRun {
    /** Streams an export's tasks; called once per pass. */
    interface TaskReader {
        void read(SourceContext ctx, boolean report, AsanaJson.Handler handler) throws IOException;
    }

    private AsanaRun() {
    }

    static void run(SourceContext ctx, ModelSink sink, TaskReader reader, String label) throws IOException {
        AsanaMapping mapping = AsanaMapping.load(ctx.common().mapping());
        Path attachments = ctx.common().attachmentsDir();
        if (attachments != null && !Files.isDirectory(attachments)) {
            throw new SourceException(Location.file(attachments.toString()), "--attachments folder not found");
        }
        String file = ctx.input().getFileName().toString();
        Report scratch = new Report("scan");
        SourceContext quiet = new SourceContext(ctx.inputs(), SourceOptions.of(ctx.common()), scratch,
                Users.none(ctx.common().unmappedUsers(), scratch));
        AsanaIndex index = new AsanaIndex(file);
        reader.read(quiet, false, index::add);
        if (index.cardCount() == 0) {
            throw new SourceException(Location.file(file), "no Asana tasks in the export"
                    + (index.sectionRows() > 0 ? " (only section rows)" : ""));
        }
        index.plan(mapping, ctx);
        String spaceId = null;
        if (ctx.common().spaceTitle() != null && !ctx.common().spaceTitle().isBlank()) {
            spaceId = "asana-space";
            String title = ctx.common().spaceTitle().strip();
            sink.accept(Space.of(spaceId, title.length() > 128 ? title.substring(0, 127) + "…" : title));
        }
        for (AsanaColumns.BoardPlan b : index.boards().values()) {
            String title = b.title().strip();
            if (title.codePointCount(0, title.length()) > 128) {
                ctx.issue(IssueCode.SOURCE_TITLE, Location.NONE, "board title cut to 128 characters: " + title);
                title = title.substring(0, title.offsetByCodePoints(0, 127)) + "…";
            }
            sink.accept(new Board(b.id(), title, null, null, spaceId));
            for (Column c : b.columns()) {
                String t = c.title().strip();
                if (t.codePointCount(0, t.length()) > 128) {
                    ctx.issue(IssueCode.SOURCE_TITLE, Location.NONE, "column title cut to 128 characters: " + t);
                    t = t.substring(0, t.offsetByCodePoints(0, 127)) + "…";
                }
                sink.accept(new Column(c.id(), t, c.boardId(), c.sortOrder(), c.type(), c.created()));
            }
        }
        AsanaCards cards = new AsanaCards(ctx, sink, index, mapping, label);
        cards.fields();
        reader.read(ctx, true, cards::convert);
        ctx.report().fact("asana tasks", index.cardCount() + " cards on " + index.boards().size() + " board(s), "
                + cards.comments() + " comments, " + index.dependencyPairCount() + " dependencies");
        if (!index.storiesRead() && label.equals("asana")) {
            ctx.issue(IssueCode.SOURCE_STRUCTURE, Location.file(file), "the export has no stories, so no comments"
                    + " or history: Asana's project 'Export → JSON' leaves them out unless stories are expanded"
                    + " (export through the API with opt_expand=stories to carry them)");
        }
    }
}
