package io.kaitenimport.source.asana;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Comment;
import io.kaitenimport.model.CustomField;
import io.kaitenimport.model.FileAttachment;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.source.Users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Pass two: one card (with its comments and files) per task the index converts, written at once. */
final class AsanaCards {
    private static final int MAX_OPTION = 128;

    private final SourceContext ctx;
    private final ModelSink sink;
    private final AsanaIndex index;
    private final AsanaMapping mapping;
    private final String source;
    private long comments;

    AsanaCards(SourceContext ctx, ModelSink sink, AsanaIndex index, AsanaMapping mapping, String source) {
        this.ctx = ctx;
        this.sink = sink;
        this.index = index;
        this.mapping = mapping;
        this.source = source;
    }

    /** Custom fields with their options, Asana colours mapped to Kaiten's palette. */
    void fields() throws IOException {
        for (AsanaIndex.FieldDef f : index.fields().values()) {
            String name = f.name() == null || f.name().isBlank() ? "Field " + f.id() : f.name().strip();
            name = name.codePointCount(0, name.length()) > 128 ? name.substring(0, name.offsetByCodePoints(0, 127))
                    + "…" : name;
            String type = kaitenType(f.kind());
            if (type.equals("select") || type.equals("multi_select")) {
                List<CustomField.Option> options = new ArrayList<>();
                int i = 0;
                for (AsanaTask.Option o : f.options().values()) {
                    String value = o.name() == null || o.name().isBlank() ? o.id() : o.name().strip();
                    if (value.codePointCount(0, value.length()) > MAX_OPTION) {
                        value = value.substring(0, value.offsetByCodePoints(0, MAX_OPTION - 1)) + "…";
                        ctx.issue(IssueCode.SOURCE_TITLE, Location.NONE, "option of '" + name + "' cut to 128"
                                + " characters: " + value);
                    }
                    Integer color = AsanaColors.kaiten(o.color());
                    if (color == null && o.color() != null && !o.color().equals("none")) {
                        ctx.losses().lost("asana enum_option.color", "colour '" + o.color() + "' has no Kaiten"
                                + " equivalent", Location.NONE);
                    }
                    options.add(new CustomField.Option(o.id(), value, color, (double) ++i));
                }
                sink.accept(CustomField.select(f.id(), type, name, options));
            } else {
                if (!List.of("text", "number", "date", "people").contains(f.kind())) {
                    ctx.issue(IssueCode.SOURCE_RULE, Location.NONE, "custom field '" + name + "' of Asana type '"
                            + f.kind() + "' is written as text (its display value)");
                }
                FieldTypes.note(ctx, type, name, Location.NONE);
                sink.accept(CustomField.of(f.id(), type, name));
            }
        }
    }

    static String kaitenType(String kind) {
        return switch (kind) {
            case "number", "percent", "currency" -> "number";
            case "enum" -> "select";
            case "multi_enum" -> "multi_select";
            case "date" -> "date";
            case "people" -> "user";
            default -> "string";
        };
    }

    void convert(AsanaTask t) throws IOException {
        if (!index.converts(t)) {
            return;
        }
        String id = t.gid();
        Location where = t.where();
        String board = index.boardOf(id);
        TextLimits.Title title = TextLimits.title(t.name(), "Untitled task", ctx, where);
        Card.Builder b = Card.builder(id, index.columnOf(id), title.title());
        b.description(TextLimits.description(title, t.notes()), "markdown");
        t.textLost().forEach((k, n) -> ctx.losses().lost("asana task.html_notes", "formatting Markdown cannot"
                + " hold (" + k + ")", n, where));
        b.created(t.createdAt());
        b.typeName(mapping.typeName(t.subtype()));
        if (t.subtype() != null && !List.of("default_task", "milestone", "approval").contains(t.subtype())
                && mapping.typeName(t.subtype()) == null) {
            ctx.losses().lost("asana task.resource_subtype", "'" + t.subtype() + "' has no card type in the mapping",
                    where);
        }
        b.ownerId(person(t.creator(), "task.created_by", where));
        b.responsibleId(person(t.assignee(), "task.assignee", where));
        for (Users.Person p : t.followers()) {
            b.addMember(person(p, "task.followers", where));
        }
        dates(t, b, where);
        for (String tag : t.tags()) {
            String name = tag.strip();
            if (name.codePointCount(0, name.length()) > Card.Tag.MAX_NAME) {
                ctx.losses().lost("asana task.tags", "tag name over 128 characters", where);
                continue;
            }
            b.addTag(name);
        }
        properties(t, b);
        String parent = index.parentOf(id);
        if (parent != null) {
            b.addParent(parent);
        }
        index.childrenOf(id).forEach(b::addChild);
        index.dependencies(id, true).forEach(b::addBlocks);
        index.dependencies(id, false).forEach(b::addBlockedBy);
        if (t.permalink() != null) {
            b.addLink(new Card.Link(t.permalink(), "Asana", null));
        }
        if (t.completed()) {
            if (!mapping.completedToDone()) {
                ctx.losses().lost("asana task.completed", "Kaiten has no completed flag (mapping keeps completed"
                        + " tasks in their section)", where);
            }
            if (mapping.completedToDone() && !t.memberships().isEmpty() && t.memberships().get(0).sectionId() != null
                    && !index.columnOf(id).equals(t.memberships().get(0).sectionId())) {
                ctx.losses().lost("asana task.memberships.section", "completed task placed in the done column: its"
                        + " section is not kept (mapping completed: keep-section keeps it)", where);
            }
            if (t.completedAt() != null) {
                ctx.losses().lost("asana task.completed_at", "Kaiten keeps no completion date", where);
            }
        }
        for (int i = 1; i < t.memberships().size(); i++) {
            AsanaTask.Membership m = t.memberships().get(i);
            ctx.issue(IssueCode.SOURCE_RULE, where, "task is also in project '" + (m.projectName() == null
                    ? m.projectId() : m.projectName()) + "'; one card is made, in its first project");
            ctx.losses().lost("asana task.memberships", "task in several projects: only the first one's board"
                    + " holds the card", where);
        }
        if (t.likes() > 0) {
            ctx.losses().lost("asana task.likes", "Kaiten has no likes on cards", t.likes(), where);
        }
        List<Comment> out = stories(t, b, board);
        attachments(t, b);
        sink.accept(b.build());
        for (Comment c : out) {
            sink.accept(c);
        }
    }

    private void dates(AsanaTask t, Card.Builder b, Location where) {
        CardDate due = t.due();
        CardDate start = t.start();
        if (due != null) {
            b.dueDate(due);
        }
        if (start != null) {
            if (due != null && start.value().substring(0, 10).compareTo(due.value().substring(0, 10)) > 0) {
                ctx.issue(IssueCode.SOURCE_VALUE_INVALID, where, "start " + start.value() + " is after the due date "
                        + due.value() + "; the card keeps its due date only");
                ctx.losses().lost("asana task.start_on", "start after the due date", where);
                return;
            }
            b.plannedStart(start);
            if (due != null) {
                b.plannedEnd(due);
            }
        }
    }

    private void properties(AsanaTask t, Card.Builder b) {
        for (AsanaTask.CustomValue v : t.customValues()) {
            if (v.isEmpty()) {
                continue;
            }
            String field = "asana custom field " + (v.fieldName() == null ? v.fieldId() : v.fieldName());
            Object value = switch (kaitenType(index.fields().get(v.fieldId()).kind())) {
                case "number" -> v.number();
                case "select", "multi_select" -> v.options().stream().map(AsanaTask.Option::id).toList();
                case "date" -> v.date();
                case "user" -> {
                    List<String> ids = new ArrayList<>();
                    for (Users.Person p : v.people()) {
                        String u = ctx.users().resolve(p, field, v.where());
                        if (u != null && !ids.contains(u)) {
                            ids.add(u);
                        }
                    }
                    yield ids.isEmpty() ? null : ids;
                }
                default -> v.text() != null ? v.text() : v.number() != null ? String.valueOf(v.number()) : v.date();
            };
            if (value == null) {
                if (!"people".equals(v.kind())) {
                    ctx.losses().lost(field, "value does not fit the field's type", v.where());
                }
                continue;
            }
            b.addProperty(new Card.Property(v.fieldId(), value));
        }
    }

    private List<Comment> stories(AsanaTask t, Card.Builder b, String board) {
        List<Comment> out = new ArrayList<>();
        int i = 0;
        for (AsanaTask.Story s : t.stories()) {
            i++;
            if (s.likes() > 0) {
                ctx.losses().lost("asana story.likes", "Kaiten has no likes on comments", s.likes(), s.where());
            }
            switch (s.kind()) {
                case "comment" -> {
                    if (s.text() == null || s.text().isBlank()) {
                        ctx.losses().lost("asana story.comment", "empty comment", s.where());
                        continue;
                    }
                    s.textLost().forEach((k, n) -> ctx.losses().lost("asana story.html_text", "formatting"
                            + " Markdown cannot hold (" + k + ")", n, s.where()));
                    Users.Person a = s.author();
                    Comment c = new Comment(s.gid() != null ? s.gid() : t.gid() + "-comment-" + i, t.gid(),
                            s.text(), author(a, "story.created_by", s.where()),
                            a == null ? null : a.displayName(), s.created(), null, "markdown");
                    out.addAll(TextLimits.splitComment(c, ctx, s.where()));
                    comments++;
                }
                case "section_changed" -> {
                    String to = index.sectionColumn(board, s.newSectionId());
                    if (to == null || s.created() == null) {
                        ctx.losses().lost("asana story.section_changed", "section not on the card's board (or no"
                                + " date)", s.where());
                        continue;
                    }
                    String author = author(s.author(), "story.created_by", s.where());
                    if (author == null) {
                        // Kaiten requires an author on every history event (official cards schema).
                        ctx.losses().lost("asana story.section_changed", "card history needs an author with an"
                                + " email (add them to --users, or --unmapped-users placeholder:EMAIL)", s.where());
                        continue;
                    }
                    b.addHistory(Card.HistoryEntry.move(s.created(), author,
                            index.sectionColumn(board, s.oldSectionId()), to));
                }
                default -> ctx.losses().lost("asana story." + s.kind(), "system event; Kaiten keeps comments and"
                        + " column moves only", s.where());
            }
        }
        return out;
    }

    private void attachments(AsanaTask t, Card.Builder b) throws IOException {
        for (AsanaTask.Attachment a : t.attachments()) {
            String host = a.host() == null ? "asana" : a.host();
            String name = a.name() != null ? a.name() : a.gid() != null ? a.gid() : "attachment";
            if ((host.equals("gdrive") || host.equals("dropbox")) && a.url() != null && a.gid() != null) {
                sink.accept(new FileAttachment(a.gid(), t.gid(), name, null, a.created(), a.size(), null, true, host,
                        a.url(), null));
                continue;
            }
            Path file = local(a);
            if (file != null) {
                String path = sink.addFile(PackageWriter.FILES_DIR, a.gid(), name, file);
                sink.accept(new FileAttachment(a.gid(), t.gid(), name, null, a.created(), Files.size(file), path,
                        null, null, null, null));
                continue;
            }
            if (a.url() == null) {
                ctx.losses().lost("asana task.attachments", "attachment without a URL or local file", a.where());
                continue;
            }
            ctx.issue(IssueCode.SOURCE_ATTACHMENT, a.where(), "'" + name + "' is " + (ctx.common().attachmentsDir()
                    == null ? "not packaged (no --attachments folder given)" : "not in the --attachments folder")
                    + "; the card links to its URL instead");
            ctx.losses().lost("asana task.attachments", "file not packaged (no --attachments binary); linked",
                    a.where());
            b.addLink(new Card.Link(a.url(), name, a.created()));
        }
    }

    /** DIR/&lt;gid&gt;/&lt;name&gt;, or DIR/&lt;gid&gt; when it is a file; names from the export never leave DIR. */
    private Path local(AsanaTask.Attachment a) {
        Path dir = ctx.common().attachmentsDir();
        if (dir == null || a.gid() == null || !sink.storesFiles() || !safe(a.gid())) {
            return null;
        }
        Path byId = dir.resolve(a.gid());
        if (a.name() != null && safe(a.name()) && Files.isRegularFile(byId.resolve(a.name()))) {
            return byId.resolve(a.name());
        }
        return Files.isRegularFile(byId) ? byId : null;
    }

    private static boolean safe(String part) {
        return !part.isBlank() && !part.contains("/") && !part.contains("\\") && !part.equals("..")
                && !part.equals(".");
    }

    private String person(Users.Person p, String field, Location where) {
        return p == null ? null : ctx.users().resolve(p, source + " " + field, where);
    }

    /** Who wrote a comment or made a move: under --unmapped-users placeholder:EMAIL never null. */
    private String author(Users.Person p, String field, Location where) {
        return ctx.users().author(p, source + " " + field, where);
    }

    long comments() {
        return comments;
    }
}
