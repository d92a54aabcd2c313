package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardTimer;
import io.kaitenimport.model.Comment;
import io.kaitenimport.model.Dates;
import io.kaitenimport.model.FileAttachment;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.TextLimits;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pass 2: an issue's comments, worklogs (card timers) and attachments. Restricted comments and worklogs are
 * skipped unless {@code --include-restricted}; embedded lists shorter than their {@code total} are counted as lost.
 */
final class WorkItems {
    private final SourceContext ctx;
    private final JiraText text;
    private final ModelSink sink;
    private final JiraDates dates;
    private final Malformed malformed;
    private final Names names;

    /**
     * Pass 1: the attachment file names of the whole export, so that a binary is looked up by its bare name only
     * when no other attachment has that name. Names compare case-insensitively, as some file systems do.
     */
    static final class Names {
        /** Names (the table folds case); per name the ordinal of its first attachment's id, or -1 once shared. */
        private final IdTable names = new IdTable(true);
        private final IdTable attachmentIds = new IdTable();
        private final IntArray firstId = new IntArray();

        void add(String name, String attachmentId) {
            int ordinal = names.intern(name);
            if (ordinal == firstId.size()) {
                firstId.add(attachmentIds.intern(attachmentId));
            } else if (firstId.get(ordinal) >= 0 && !attachmentIds.get(firstId.get(ordinal)).equals(attachmentId)) {
                firstId.set(ordinal, -1);
            }
        }

        boolean shared(String name) {
            int ordinal = names.find(name);
            return ordinal >= 0 && firstId.get(ordinal) < 0;
        }
    }

    WorkItems(SourceContext ctx, JiraText text, ModelSink sink, JiraDates dates, Malformed malformed, Names names) {
        this.ctx = ctx;
        this.text = text;
        this.sink = sink;
        this.dates = dates;
        this.malformed = malformed;
        this.names = names;
    }

    /** The attachment id pass 2 uses: Jira's, else one made from the card and the attachment's place. */
    static String attachmentId(JsonNode attachment, String cardId, int index) {
        return Optional.ofNullable(JiraIssues.text(attachment.get("id"))).orElse(cardId + ":a" + index);
    }

    void comments(JsonNode fields, String cardId, IssueStream.Position pos) throws IOException {
        JsonNode c = malformed.object(fields.get("comment"), "jira fields.comment", pos.at(cardId, "/fields/comment"));
        if (c == null) {
            return;
        }
        JsonNode list = malformed.array(c.get("comments"), "jira fields.comment",
                pos.at(cardId, "/fields/comment/comments"));
        truncated(c, c.get("comments"), list, "jira fields.comment", "comment", cardId, pos);
        for (int i = 0; i < list.size(); i++) {
            JsonNode cm = list.get(i);
            Location at = pos.at(cardId, "/fields/comment/comments/" + i);
            if (!malformed.element(cm, "jira fields.comment", at) || restricted(cm, "jira fields.comment", at)) {
                continue;
            }
            String body = text.markdown(cm.get("body"), "comment.body", JiraIssues.below(at, "/body"));
            if (body == null) {
                if (cm.get("body") == null || !cm.get("body").isArray()) {
                    ctx.losses().lost("jira fields.comment", "empty comment body", at);
                }
                continue;
            }
            String id = Optional.ofNullable(JiraIssues.text(cm.get("id"))).orElse(cardId + ":c" + i);
            JsonNode author = malformed.object(cm.get("author"), "jira comment.author",
                    JiraIssues.below(at, "/author"));
            String authorId = ctx.users().author(JiraIssues.person(author), "jira comment.author", at);
            Comment comment = new Comment(id, cardId, body, authorId, BoardPlan.firstText(author, "displayName"),
                    dates.iso(cm.get("created"), "jira comment.created", at), null, "markdown");
            for (Comment part : TextLimits.splitComment(comment, ctx, at)) {
                sink.accept(part);
            }
        }
    }

    /** Timers for the issue's worklogs; their authors are returned as card members. */
    List<CardTimer> timers(JsonNode fields, String cardId, IssueStream.Position pos) {
        List<CardTimer> out = new ArrayList<>();
        JsonNode w = malformed.object(fields.get("worklog"), "jira fields.worklog", pos.at(cardId, "/fields/worklog"));
        if (w == null) {
            return out;
        }
        JsonNode list = malformed.array(w.get("worklogs"), "jira fields.worklog",
                pos.at(cardId, "/fields/worklog/worklogs"));
        truncated(w, w.get("worklogs"), list, "jira fields.worklog", "worklog", cardId, pos);
        for (int i = 0; i < list.size(); i++) {
            JsonNode wl = list.get(i);
            Location at = pos.at(cardId, "/fields/worklog/worklogs/" + i);
            if (!malformed.element(wl, "jira fields.worklog", at) || restricted(wl, "jira fields.worklog", at)) {
                continue;
            }
            Optional<Instant> started = Dates.parseInstant(JiraIssues.text(wl.get("started")));
            JsonNode secs = wl.get("timeSpentSeconds");
            if (started.isEmpty() || secs == null || !secs.canConvertToLong() || secs.asLong() < 0) {
                ctx.lost(Loss.of("jira fields.worklog", "no readable start or duration"),
                        IssueCode.SOURCE_VALUE_INVALID, at, "worklog has no readable 'started' or"
                        + " 'timeSpentSeconds'; dropped");
                continue;
            }
            String author = ctx.users().author(malformed.person(wl.get("author"), "jira worklog.author",
                    JiraIssues.below(at, "/author")), "jira worklog.author", at);
            if (author == null) {
                ctx.losses().lost("jira fields.worklog", "author is not a package user; card timers need one", at);
                continue;
            }
            String id = Optional.ofNullable(JiraIssues.text(wl.get("id"))).orElse(cardId + ":w" + i);
            out.add(new CardTimer(id, author, cardId, Dates.iso(started.get()),
                    Dates.iso(started.get().plusSeconds(secs.asLong())),
                    text.markdown(wl.get("comment"), "worklog.comment", at)));
        }
        return out;
    }

    /**
     * Packages attachment binaries found in --attachments (their size is the packaged file's); the others become
     * card links to their URL.
     */
    List<FileAttachment> files(JsonNode fields, String cardId, Card.Builder card, IssueStream.Position pos)
            throws IOException {
        List<FileAttachment> out = new ArrayList<>();
        JsonNode list = malformed.array(fields.get("attachment"), "jira fields.attachment",
                pos.at(cardId, "/fields/attachment"));
        Path dir = ctx.common().attachmentsDir();
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            Location at = pos.at(cardId, "/fields/attachment/" + i);
            if (!malformed.element(a, "jira fields.attachment", at)) {
                continue;
            }
            String id = attachmentId(a, cardId, i);
            String filename = JiraIssues.text(a.get("filename"));
            String name = filename != null ? filename : "attachment-" + id;
            String created = dates.iso(a.get("created"), "jira attachment.created", at);
            boolean shared = filename != null && names.shared(filename);
            Path binary = dir == null ? null : find(dir, id, filename, !shared);
            if (binary != null && sink.storesFiles()) {
                String author = ctx.users().author(malformed.person(a.get("author"), "jira attachment.author",
                        JiraIssues.below(at, "/author")), "jira attachment.author", at);
                out.add(new FileAttachment(id, cardId, name, author, created, Files.size(binary),
                        sink.addFile(PackageWriter.FILES_DIR, id, name, binary), null, null, null, null));
                continue;
            }
            String url = JiraIssues.text(a.get("content"));
            if (url != null) {
                card.addLink(new Card.Link(url, name, created));
            }
            String why = (dir == null ? "no --attachments folder" : shared && find(dir, id, filename, true) != null
                    ? "several attachments are named '" + filename + "'; put them in " + dir + "/<attachment id>/"
                    : "binary not in the --attachments folder") + (url != null ? "; the card links to its URL"
                    : " and no URL");
            ctx.losses().lost("jira fields.attachment", why, at);
            ctx.issue(IssueCode.SOURCE_ATTACHMENT, at, "attachment " + id + " '" + name + "': " + why);
        }
        return out;
    }

    /**
     * {@code DIR/<id>/<filename>}, {@code DIR/<id>} (a file, or a folder holding one file: where the attachments
     * command puts a name it had to make safe or shorten), then, if {@code bare} (no other attachment has the
     * name), {@code DIR/<filename>}; never outside DIR.
     */
    static Path find(Path dir, String id, String filename, boolean bare) {
        Path root = dir.toAbsolutePath().normalize();
        List<String> candidates = new ArrayList<>();
        if (filename != null) {
            candidates.add(id + "/" + filename);
        }
        candidates.add(id);
        if (filename != null && bare) {
            candidates.add(filename);
        }
        for (String candidate : candidates) {
            Path p = root.resolve(candidate).normalize();
            if (p.startsWith(root) && !p.equals(root) && Files.isRegularFile(p)) {
                return p;
            }
            if (candidate.equals(id) && p.startsWith(root) && !p.equals(root) && Files.isDirectory(p)) {
                Path only = onlyFile(p);
                if (only != null) {
                    return only;
                }
            }
        }
        return null;
    }

    private static Path onlyFile(Path folder) {
        try (var files = Files.list(folder)) {
            List<Path> found = files.filter(Files::isRegularFile).limit(2).toList();
            return found.size() == 1 ? found.get(0) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean restricted(JsonNode item, String lossKey, Location at) {
        boolean hidden = !Shape.isEmpty(item.get("visibility"))
                || item.path("jsdPublic").isBoolean() && !item.get("jsdPublic").asBoolean();
        if (hidden && !ctx.options(JiraOptions.class).includeRestricted()) {
            ctx.losses().lost(lossKey, "restricted visibility (role, group or internal); --include-restricted"
                    + " keeps it", at);
            return true;
        }
        return false;
    }

    /** Counts what an embedded list's {@code total} says is missing; a malformed list is already counted. */
    private void truncated(JsonNode container, JsonNode raw, JsonNode list, String lossKey, String what,
                           String cardId, IssueStream.Position pos) {
        if (raw != null && !raw.isNull() && !raw.isArray()) {
            return;
        }
        long total = container.path("total").canConvertToLong() ? container.get("total").asLong() : list.size();
        if (total > list.size()) {
            ctx.losses().lost(lossKey, "not in the export (embedded list truncated; fetch /issue/{id}/" + what + ")",
                    total - list.size(), pos.at(cardId, "/fields/" + what));
        }
    }
}
