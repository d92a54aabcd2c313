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
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        TrelloExport export = TrelloExport.read(ctx.input());
        TrelloPeople people = new TrelloPeople(ctx, export);
        TrelloActions actions = new TrelloActions(export);
        String boardId = board(ctx, sink, export, people, actions);
        TrelloColumns columns = TrelloColumns.emit(ctx, sink, export, actions, mapping, policy, boardId);
        TrelloCustomFields fields = TrelloCustomFields.emit(ctx, sink, export);

        Set<String> cardIds = new HashSet<>();
        Map<String, String> byShortLink = new HashMap<>();
        for (JsonNode c : export.cards) {
            String id = TrelloExport.text(c, "id");
            if (id != null) {
                cardIds.add(id);
                String shortLink = TrelloExport.text(c, "shortLink");
                if (shortLink != null) {
                    byShortLink.put(shortLink, id);
                }
            }
        }
        TrelloLabels labels = new TrelloLabels(ctx, export, mapping);
        TrelloChecklists checklists = new TrelloChecklists(ctx, export, people, actions);
        TrelloCards cards = new TrelloCards(ctx, sink, export, mapping, people, actions, columns, labels, checklists,
                fields, new TrelloAttachments(ctx, sink, people, byShortLink, TrelloAttachments.countNames(export)));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < export.cards.size(); i++) {
            String id = TrelloExport.text(export.cards.get(i), "id");
            if (id == null || !seen.add(id)) {
                Location at = export.card(i, id);
                ctx.issue(IssueCode.SOURCE_STRUCTURE, at, id == null ? "card without id; skipped"
                        : "card id '" + id + "' appears twice; the repeat is skipped");
                ctx.losses().lost("trello card", id == null ? "card without an id" : "repeated card id", at);
                continue;
            }
            cards.convert(i);
        }
        comments(ctx, sink, export, people, actions, cardIds);
        checklists.reportOrphans(cardIds);
        labels.reportLosses(export);
        actions.reportUnused(ctx, cardIds);
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
        JsonNode createBoard = actions.boardCreation(id);
        actions.use(createBoard);
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
                                 TrelloActions actions, Set<String> cardIds) throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < export.actions.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> TrelloActions.when(export.actions.get(i)))
                .thenComparing(i -> TrelloExport.text(export.actions.get(i), "id"),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(i -> i));
        for (int i : order) {
            JsonNode a = export.actions.get(i);
            String card = TrelloExport.text(a.path("data").get("card"), "id");
            String text = a.path("data").path("text").asText("");
            String type = TrelloExport.text(a, "type");
            if (type == null || !TrelloActions.COMMENT.contains(type) || !cardIds.contains(card) || text.isBlank()) {
                continue; // not carried: reportUnused counts it
            }
            actions.use(a);
            Location where = actions.location(a);
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
