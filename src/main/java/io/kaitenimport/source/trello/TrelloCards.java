package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** One Trello card → one Kaiten card (plus its packaged files), written as soon as it is built. */
final class TrelloCards {
    private final SourceContext ctx;
    private final ModelSink sink;
    private final TrelloExport export;
    private final TrelloMapping mapping;
    private final TrelloPeople people;
    private final TrelloActions actions;
    private final TrelloColumns columns;
    private final TrelloLabels labels;
    private final TrelloChecklists checklists;
    private final TrelloCustomFields fields;
    private final TrelloAttachments attachments;

    TrelloCards(SourceContext ctx, ModelSink sink, TrelloExport export, TrelloMapping mapping, TrelloPeople people,
                TrelloActions actions, TrelloColumns columns, TrelloLabels labels, TrelloChecklists checklists,
                TrelloCustomFields fields, TrelloAttachments attachments) {
        this.ctx = ctx;
        this.sink = sink;
        this.export = export;
        this.mapping = mapping;
        this.people = people;
        this.actions = actions;
        this.columns = columns;
        this.labels = labels;
        this.checklists = checklists;
        this.fields = fields;
        this.attachments = attachments;
    }

    void convert(int i) throws IOException {
        JsonNode c = export.cards.get(i);
        String id = TrelloExport.text(c, "id");
        Location at = export.card(i, id);
        String ptr = export.cardPointer(i);
        TrelloColumns.Placement place = columns.placement(TrelloExport.text(c, "idList"));
        if (place.synthetic() && !export.singleCard) {
            ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, at.withPointer(ptr + "/idList"), "list '"
                    + TrelloExport.text(c, "idList") + "' is not in the export; the card goes into a column made for it");
        }
        if (place.dropped()) {
            ctx.losses().lost("trello card.idList", "the card's archived list was dropped (--archived-lists"
                    + " drop-column); the card is archived in the first column", at);
        }
        JsonNode idShort = c.get("idShort");
        boolean hasShort = idShort != null && idShort.canConvertToLong();
        JsonNode rawName = c.get("name");
        String name = rawName != null && rawName.isValueNode() ? TrelloExport.text(rawName)
                : TrelloExport.text(ctx, c, "name", "trello card.name", at);
        TextLimits.Title t = TextLimits.title(name, hasShort ? "Card #" + idShort.asLong() : "Untitled card", ctx, at);
        Card.Builder b = Card.builder(id, place.columnId(), t.title());
        b.key(hasShort ? "#" + idShort.asLong() : null);
        String desc = TrelloExport.text(ctx, c, "desc", "trello card.desc", at);
        b.description(TextLimits.description(t, desc), "markdown");
        b.archived(TrelloExport.flag(c, "closed") || place.archives());

        TrelloActions.Action creationAction = actions.creation(id);
        actions.use(creationAction);
        JsonNode creation = creationAction == null ? null : creationAction.node();
        String created = creation == null ? null : TrelloValues.date(TrelloExport.text(creation, "date"));
        b.created(created != null ? created : TrelloValues.idTime(id));
        b.ownerId(creation != null ? people.author(creation, "trello card.idMemberCreator", at)
                : people.resolve(TrelloExport.text(c, "idMemberCreator"), "trello card.idMemberCreator", at));
        JsonNode memberIds = TrelloExport.elements(ctx, c, "idMembers", "trello card.idMembers", at);
        for (int j = 0; j < memberIds.size(); j++) {
            Location where = at.withPointer(ptr + "/idMembers/" + j);
            String member = TrelloExport.text(memberIds.get(j));
            if (member == null) {
                ctx.lost(Loss.of("trello card.idMembers", "not a member id"), IssueCode.SOURCE_VALUE_INVALID, where,
                        "member id " + memberIds.get(j) + " is not an id");
                continue;
            }
            b.addMember(people.resolve(member, "trello card.idMembers", where));
        }
        if (mapping.responsibleFirstMember() && !b.memberIds().isEmpty()) {
            b.responsibleId(b.memberIds().get(0));
        }
        dates(c, b, at);
        labels.addTags(c, b, at);
        if (TrelloExport.flag(c, "dueComplete")) {
            if (mapping.dueCompleteTag().isEmpty()) {
                ctx.losses().lost("trello card.dueComplete", "Kaiten has no 'due date complete' flag", at);
            } else {
                b.addTag(mapping.dueCompleteTag());
            }
        }
        checklists.add(id, b);
        String own = TrelloExport.text(c, "shortUrl") != null ? TrelloExport.text(c, "shortUrl")
                : TrelloExport.text(c, "url");
        if (own != null) {
            b.addLink(Card.Link.of(own, "Trello card"));
        }
        List<TrelloAttachments.Item> list = TrelloAttachments.of(ctx, c, id, at, actions);
        attachments.add(id, list, b, at);
        int unseen = c.has("attachments") ? 0 : c.path("badges").path("attachments").asInt(0) - list.size();
        if (unseen > 0) {
            ctx.losses().lost("trello card.badges.attachments", "attachment not in the export (a single-card"
                    + " export lists only those its newest actions mention)", unseen, at);
        }
        fields.addProperties(ctx, c, b, at);
        history(id, b);
        int missing = c.path("badges").path("comments").asInt(0) - actions.commentCount(id);
        if (missing > 0) {
            ctx.losses().lost("trello card.badges.comments", "comment not in export (Trello keeps only the newest"
                    + " 1000 actions)", missing, at);
        }
        TrelloKeys.lostCardKeys(ctx, c, at);
        sink.accept(b.build());
    }

    /**
     * due → due_date; start → planned_start, with planned_end = due (mapping {@code planned_end: due}). A start after
     * the due date cannot be a timeline (Kaiten needs start ≤ end), so the pair is not written and only due_date
     * stays.
     */
    private void dates(JsonNode c, Card.Builder b, Location at) {
        String due = date(c, "due", at);
        String start = date(c, "start", at);
        if (due != null) {
            b.dueDate(CardDate.dateTime(due));
        }
        if (start == null) {
            return;
        }
        boolean withEnd = due != null && mapping.plannedEndFromDue();
        if (withEnd && Instant.parse(start).isAfter(Instant.parse(due))) {
            Location where = at.withPointer(at.pointer() + "/start");
            ctx.lost(Loss.of("trello card.start", "start is after the due date; Kaiten's timeline needs start ≤ end"),
                    IssueCode.SOURCE_VALUE_INVALID, where, "start " + start + " is after the due date " + due
                    + "; planned start/end not written (the due date is kept)");
            return;
        }
        b.plannedStart(CardDate.dateTime(start));
        if (withEnd) {
            b.plannedEnd(CardDate.dateTime(due));
        }
    }

    private String date(JsonNode c, String key, Location at) {
        String raw = TrelloExport.text(ctx, c, key, "trello card." + key, at);
        String iso = TrelloValues.date(raw);
        if (raw != null && iso == null) {
            Location where = at.withPointer(at.pointer() + "/" + key);
            ctx.lost(Loss.of("trello card." + key, "unreadable date"), IssueCode.SOURCE_VALUE_INVALID, where,
                    "unreadable date '" + raw + "'");
        }
        return iso;
    }

    /** List moves whose both lists are columns of the package; the others stay unused and are counted later. */
    private void history(String id, Card.Builder b) {
        for (TrelloActions.Action action : actions.moves(id)) {
            JsonNode move = action.node();
            JsonNode data = move.path("data");
            String from = TrelloExport.text(data.get("listBefore"), "id");
            String to = TrelloExport.text(data.get("listAfter"), "id");
            String when = TrelloValues.date(TrelloExport.text(move, "date"));
            if (from == null || to == null || when == null || !columns.isColumn(from) || !columns.isColumn(to)) {
                continue;
            }
            actions.use(action);
            Location where = actions.location(action);
            String author = people.eventAuthor(move, "trello action.updateCard.idMemberCreator", where);
            if (author == null) {
                // Kaiten requires an author on every history event (official cards schema).
                ctx.losses().lost("trello action.updateCard (list move)", "card history needs an author with an "
                        + "email (add them to --users, or --unmapped-users placeholder:EMAIL)", where);
                continue;
            }
            b.addHistory(Card.HistoryEntry.move(when, author, from, to));
        }
    }
}
