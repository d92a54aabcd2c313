package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.Board;
import io.kaitenimport.model.Comment;
import io.kaitenimport.model.Space;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --from trello}: a Trello board JSON export ("Print, export and share → Export as JSON"), or the JSON of
 * a single card, → one board with its lists as columns, cards, comments, custom fields and attachments. See
 * {@code mappings/trello.yaml} for the settings and the README for the policies.
 */
public final class TrelloSourceAdapter implements SourceAdapter {
    /** Keys only Trello writes; one of them in the head of a JSON object is enough. */
    private static final Pattern TRELLO_KEYS = Pattern.compile(
            "\"(idBoard|labelNames|idList|idShort|shortLink|idMemberCreator)\"\\s*:");

    @Override
    public String describe() {
        return "Trello board export";
    }

    @Override
    public List<Class<?>> optionTypes() {
        return List.of(TrelloOptions.class);
    }

    @Override
    public String name() {
        return "trello";
    }

    @Override
    public boolean detect(Path input, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start >= text.length() || text.charAt(start) != '{') {
            return false;
        }
        return TRELLO_KEYS.matcher(text).find() || text.contains("\"prefs\"") && text.contains("\"lists\"");
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        String policy = ctx.options(TrelloOptions.class).archivedLists().word();
        Path attachments = ctx.common().attachmentsDir();
        if (attachments != null && !Files.isDirectory(attachments)) {
            throw new SourceException(Location.file(attachments.toString()), "--attachments folder not found");
        }
        TrelloMapping mapping = TrelloMapping.load(ctx.common().mapping());
        try (TrelloExport export = TrelloExport.read(ctx.input())) {
            convert(ctx, sink, export, mapping, policy);
        }
    }

    /**
     * Passes over the file: the streaming read (small parts kept, big arrays indexed by offset), the cards (ids),
     * the actions (people, per-card indexes), the checklists (per-card index), then the cards again, each joined
     * with what belongs to it, and last the comments (by date) and the actions nothing carried.
     */
    private static void convert(SourceContext ctx, ModelSink sink, TrelloExport export, TrelloMapping mapping,
                                String policy) throws IOException {
        TrelloAttachments.Names names = TrelloAttachments.looksUpFiles(ctx, sink) ? new TrelloAttachments.Names()
                : null;
        TrelloCardIds cardIds = new TrelloCardIds(export, names);
        TrelloPeople people = new TrelloPeople(ctx, export);
        TrelloActions actions = new TrelloActions(export, cardIds, a -> {
            people.rememberAction(a);
            if (names != null) {
                names.countAction(cardIds, a);
            }
        });
        String boardId = board(ctx, sink, export, people, actions);
        TrelloColumns columns = TrelloColumns.emit(ctx, sink, export, cardIds, actions, mapping, policy, boardId);
        TrelloCustomFields fields = TrelloCustomFields.emit(ctx, sink, export);

        TrelloLabels labels = new TrelloLabels(ctx, export, mapping);
        TrelloChecklists checklists = new TrelloChecklists(ctx, export, people, actions, cardIds);
        TrelloCards cards = new TrelloCards(ctx, sink, export, mapping, people, actions, columns, labels, checklists,
                fields, new TrelloAttachments(ctx, sink, people, cardIds, names));
        // Card ids already seen, as ordinals of cardIds: a repeated id is skipped.
        BitSet seen = new BitSet();
        for (int i = 0; i < export.cards.size(); i++) {
            String id = TrelloExport.text(export.cards.get(i), "id");
            int ordinal = cardIds.find(id);
            if (id == null || seen.get(ordinal)) {
                Location at = export.card(i, id);
                ctx.lost(Loss.of("trello card", id == null ? "card without an id" : "repeated card id"),
                        IssueCode.SOURCE_STRUCTURE, at, id == null ? "card without id; skipped"
                        : "card id '" + id + "' appears twice; the repeat is skipped");
                continue;
            }
            seen.set(ordinal);
            cards.convert(i);
        }
        comments(ctx, sink, export, people, actions);
        checklists.reportOrphans();
        labels.reportLosses(export);
        actions.reportUnused(ctx);
    }

    /** The board (and the space above it when --space is given); returns the board id. */
    private static String board(SourceContext ctx, ModelSink sink, TrelloExport export, TrelloPeople people,
                                TrelloActions actions) throws IOException {
        JsonNode root = export.root;
        String id = TrelloExport.text(root, export.singleCard ? "idBoard" : "id");
        id = id == null ? "trello-board" : id;
        String spaceId = null;
        if (ctx.common().spaceTitle() != null && !ctx.common().spaceTitle().isBlank()) {
            spaceId = id + "-space";
            sink.accept(Space.of(spaceId, TrelloNames.fit(ctx, ctx.common().spaceTitle(), "Trello",
                    TrelloNames.MAX_NAME, "--space", Location.NONE)));
        }
        Location where = export.at("");
        TrelloActions.Action creation = actions.boardCreation(id);
        actions.use(creation);
        JsonNode createBoard = creation == null ? null : creation.node();
        String created = createBoard == null ? null : TrelloValues.date(TrelloExport.text(createBoard, "date"));
        created = created != null ? created : TrelloValues.idTime(id);
        String name;
        String author = null;
        if (export.singleCard) {
            name = actions.boardName(id);
            name = name != null ? name : "Trello board " + id;
        } else {
            name = TrelloExport.text(root, "name");
            author = createBoard != null ? people.author(createBoard, "trello board.idMemberCreator", where)
                    : people.resolve(TrelloExport.text(root, "idMemberCreator"), "trello board.idMemberCreator", where);
            people.resolveMembers(export);
            TrelloKeys.lostBoardKeys(ctx, root, where);
        }
        String title = TrelloNames.fit(ctx, name, "Trello board", TrelloNames.MAX_NAME, "trello board.name", where);
        if (export.singleCard) {
            ctx.issue(IssueCode.SOURCE_RULE, where, "single-card export: written as board '" + title
                    + "' holding the card in one column named after its list");
        }
        sink.accept(new Board(id, title, author, created, spaceId));
        return id;
    }

    /**
     * Comments live only in actions; written oldest first by date, then action id, then array position (Trello
     * writes actions newest first, but hand-edited or merged exports need not), split at Kaiten's 4096-character
     * limit.
     */
    private static void comments(SourceContext ctx, ModelSink sink, TrelloExport export, TrelloPeople people,
                                 TrelloActions actions) throws IOException {
        for (int i : actions.comments()) {
            JsonNode a = export.actions.get(i);
            String card = TrelloExport.text(a.path("data").get("card"), "id");
            String text = a.path("data").path("text").asText("");
            String type = TrelloExport.text(a, "type");
            TrelloActions.Action action = new TrelloActions.Action(i, a);
            actions.use(action);
            Location where = actions.location(action);
            String id = TrelloExport.text(a, "id");
            Comment c = new Comment(id != null ? id : card + "-comment-" + i, card, text,
                    people.eventAuthor(a, "trello action." + type + ".idMemberCreator", where),
                    people.authorName(a), TrelloValues.date(TrelloExport.text(a, "date")), null, "markdown");
            for (Comment part : TextLimits.splitComment(c, ctx, where)) {
                sink.accept(part);
            }
        }
    }
}
