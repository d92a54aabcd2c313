package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.CardTimer;
import io.kaitenimport.model.Dates;
import io.kaitenimport.model.FileAttachment;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Pass 2: one issue → its card, then its comments, files and timers, with references resolved by pass 1. */
final class IssueConverter {
    private final SourceContext ctx;
    private final JiraMapping mapping;
    private final IssueIndex index;
    private final BoardPlan boards;
    private final Relations relations;
    private final ModelSink sink;
    private final JiraText text;
    private final PropertyWriter properties;
    private final WorkItems work;
    private final SystemFields systemFields;
    private final History history;
    private final JiraDates dates;
    private final Malformed malformed;

    IssueConverter(SourceContext ctx, JiraMapping mapping, IssueIndex index, BoardPlan boards, FieldCatalog catalog,
                   Relations relations, ModelSink sink) {
        this.ctx = ctx;
        this.mapping = mapping;
        this.index = index;
        this.boards = boards;
        this.relations = relations;
        this.sink = sink;
        this.malformed = new Malformed(ctx);
        this.text = new JiraText(ctx, malformed);
        this.properties = new PropertyWriter(ctx, catalog, mapping, text);
        this.work = new WorkItems(ctx, text, sink, new JiraDates(ctx), malformed, index.attachmentNames());
        this.systemFields = new SystemFields(ctx);
        this.dates = new JiraDates(ctx);
        this.history = new History(ctx, boards, dates, malformed);
    }

    void convert(JsonNode issue, IssueStream.Position pos) throws IOException {
        IssueIndex.Entry entry = index.entryAt(issue, pos);
        if (entry == null) {
            return;
        }
        String id = JiraIssues.idOf(issue);
        JsonNode f = issue.get("fields");
        JsonNode status = f.path("status");
        String column = boards.columnOf(entry.boardId(), JiraIssues.text(status.get("id")),
                JiraIssues.text(status.get("name")));
        String fallback = entry.key() != null ? entry.key() : id;
        Location summaryAt = pos.at(id, "/fields/summary");
        TextLimits.Title title = TextLimits.title(malformed.text(f.get("summary"), "jira fields.summary", summaryAt),
                fallback, ctx, summaryAt);
        Card.Builder card = Card.builder(id, column, title.title())
                .key(entry.key())
                .typeName(BoardPlan.firstText(malformed.object(f.get("issuetype"), "jira fields.issuetype",
                        pos.at(id, "/fields/issuetype")), "name"))
                .created(dates.iso(f.get("created"), "jira fields.created", pos.at(id, "/fields/created")));
        String description = text.markdown(f.get("description"), "description", pos.at(id, "/fields/description"));
        card.description(TextLimits.description(title, description), "markdown");
        people(f, card, pos, id);
        CardDate due = dates.cardDate(f.get("duedate"), "jira fields.duedate", pos.at(id, "/fields/duedate"));
        card.dueDate(due);
        JsonNode labels = malformed.array(f.get("labels"), "jira fields.labels", pos.at(id, "/fields/labels"));
        for (int i = 0; i < labels.size(); i++) {
            Location at = pos.at(id, "/fields/labels/" + i);
            tag(card, malformed.text(labels.get(i), "jira fields.labels", at), "jira fields.labels", at);
        }
        if (mapping.componentsAsTags()) {
            // a malformed components value is reported where it becomes a property
            for (JsonNode c : Malformed.elements(f.get("components"))) {
                tag(card, BoardPlan.firstText(c, "name"), "jira fields.components", pos.at(id, "/fields/components"));
            }
        }
        estimate(f.get("timeoriginalestimate"), card);
        PropertyWriter.Extras extras = new PropertyWriter.Extras();
        properties.apply(f, card, extras, pos, id);
        card.sizeText(extras.size);
        extras.tags.forEach((t, field) -> tag(card, t, field, pos.at(id, "/fields")));
        planned(extras, due, card, pos.at(id, "/fields"));
        relate(entry.ordinal(), card);
        String base = JiraIssues.baseUrl(issue);
        if (base != null && entry.key() != null) {
            card.addLink(Card.Link.of(base + "/browse/" + entry.key(), entry.key()));
        }
        history.moves(issue, entry.boardId(), id, card, pos);
        List<CardTimer> timers = work.timers(f, id, pos);
        timers.forEach(t -> card.addMember(t.authorId()));
        List<FileAttachment> files = work.files(f, id, card, pos);
        systemFields.count(f, pos, id);
        sink.accept(card.build());
        work.comments(f, id, pos);
        for (FileAttachment file : files) {
            sink.accept(file);
        }
        for (CardTimer t : timers) {
            sink.accept(t);
        }
    }

    /** Owner: reporter, else creator; responsible and first member: assignee. */
    private void people(JsonNode f, Card.Builder card, IssueStream.Position pos, String id) {
        String owner = person(f, "reporter", pos, id);
        if (owner == null) {
            owner = person(f, "creator", pos, id);
        }
        card.ownerId(owner);
        String assignee = person(f, "assignee", pos, id);
        card.responsibleId(assignee);
        card.addMember(assignee);
    }

    private String person(JsonNode f, String field, IssueStream.Position pos, String id) {
        Location at = pos.at(id, "/fields/" + field);
        return ctx.users().resolve(malformed.person(f.get(field), "jira fields." + field, at), "jira fields." + field,
                at);
    }

    private void tag(Card.Builder card, String name, String field, Location at) {
        if (name == null || name.isBlank()) {
            return;
        }
        String t = name.strip();
        if (t.codePointCount(0, t.length()) > Card.Tag.MAX_NAME) {
            ctx.losses().lost(field, "tag cut to 128 characters", at);
            t = t.substring(0, t.offsetByCodePoints(0, Card.Tag.MAX_NAME - 1)) + "…";
        }
        card.addTag(t);
    }

    /** Jira estimates are seconds; the unit of estimate_workload is the mapping's estimate_unit (hours). */
    private void estimate(JsonNode seconds, Card.Builder card) {
        if (seconds != null && seconds.canConvertToLong() && seconds.asLong() >= 0) {
            BigDecimal v = BigDecimal.valueOf(seconds.asLong())
                    .divide(BigDecimal.valueOf(mapping.secondsPerEstimateUnit()), 4, RoundingMode.HALF_UP);
            card.estimateWorkload(v.doubleValue());
        }
    }

    /**
     * A planned start without an explicit end ends on the due date; a start after the end is dropped (Kaiten's
     * timeline needs start ≤ end).
     */
    private void planned(PropertyWriter.Extras x, CardDate due, Card.Builder card, Location at) {
        CardDate start = x.plannedStart;
        CardDate end = x.plannedEnd != null ? x.plannedEnd : start != null ? due : null;
        if (start != null && end != null && instant(start).isAfter(instant(end))) {
            ctx.losses().lost("jira planned start", "start is after the end; Kaiten's timeline needs start ≤ end", at);
            start = null;
            end = x.plannedEnd;
        }
        card.plannedStart(start).plannedEnd(end);
    }

    private static java.time.Instant instant(CardDate d) {
        return d.value().length() == 10 ? java.time.LocalDate.parse(d.value()).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant() : Dates.parseInstant(d.value()).orElseThrow();
    }

    private void relate(int ordinal, Card.Builder card) {
        Relations.Rel r = relations.of(ordinal);
        r.parents.forEach(card::addParent);
        r.children.forEach(card::addChild);
        r.blocks.forEach(card::addBlocks);
        r.blockedBy.forEach(card::addBlockedBy);
        r.related.forEach(card::addRelated);
        r.outside.forEach(card::addLink);
    }
}
