package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.FileAttachment;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.kaitenimport.compact.IdTable;
import io.kaitenimport.compact.IntArray;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card attachments. Uploaded files are packaged from --attachments DIR when their binary is there; otherwise the
 * card gets a link to the Trello URL (which needs a Trello login) and the missing binary is reported and counted.
 * Link attachments become card links, and a link to another card of the board also relates the two cards.
 * Binaries are looked up by attachment id first; a bare {@code DIR/<name>} is used only when no other attachment
 * of the export has that name, so two "image.png" uploads never both get the same file.
 */
final class TrelloAttachments {
    /** Link attachments that disappear entirely (the test of counts relies on this name). */
    static final String LOST = "trello card.attachments";
    /** Uploads that are only linked, not packaged. */
    static final String NOT_PACKAGED = "trello card.attachments.isUpload";
    private static final Pattern CARD_URL = Pattern.compile("https?://trello\\.com/c/([A-Za-z0-9]+)");
    private static final Pattern UPLOAD_URL = Pattern.compile(
            "https?://(trello\\.com/1/cards/[^/]+/attachments/|trello-attachments\\.s3\\.amazonaws\\.com/).*");

    private final SourceContext ctx;
    private final ModelSink sink;
    private final TrelloPeople people;
    private final TrelloCardIds cards;
    /** How many attachments of the export carry each file name (null when no binary is looked up). */
    private final Names nameCounts;

    TrelloAttachments(SourceContext ctx, ModelSink sink, TrelloPeople people, TrelloCardIds cards, Names nameCounts) {
        this.ctx = ctx;
        this.sink = sink;
        this.people = people;
        this.cards = cards;
        this.nameCounts = nameCounts;
    }

    /** Whether binaries are looked up at all: only then do attachment names need counting. */
    static boolean looksUpFiles(SourceContext ctx, ModelSink sink) {
        return ctx.common().attachmentsDir() != null && sink.storesFiles();
    }

    /**
     * Counts the file names of every attachment the export holds: the cards' {@code attachments} (fed by
     * {@link TrelloCardIds}), and the addAttachmentToCard actions that stand in for them in a single-card export
     * (fed by {@link #countAction}). An attachment whose {@code fileName} and {@code name} agree counts once.
     * Names and attachment ids live in compact tables: a board can hold hundreds of thousands of attachments.
     */
    static final class Names {
        private final IdTable names = new IdTable();
        private final IntArray counts = new IntArray();
        private final IdTable seen = new IdTable();

        /** Counts one attachment object. */
        void count(JsonNode a) {
            String fileName = TrelloExport.text(a, "fileName");
            String name = TrelloExport.text(a, "name");
            add(fileName);
            if (name != null && !name.equals(fileName)) {
                add(name);
            }
        }

        private void add(String n) {
            if (n == null) {
                return;
            }
            int k = names.intern(n);
            counts.ensureSize(k + 1, 0);
            counts.set(k, counts.get(k) + 1);
        }

        /** Once the cards are known: counts the attachment an action adds to a card without an attachments key. */
        void countAction(TrelloCardIds cards, JsonNode action) {
            JsonNode a = action.path("data").path("attachment");
            String id = TrelloExport.text(a, "id");
            if ("addAttachmentToCard".equals(TrelloExport.text(action, "type"))
                    && cards.withoutAttachments(TrelloExport.text(action.path("data").get("card"), "id"))
                    && (id == null || firstTime(id))) {
                count(a);
            }
        }

        private boolean firstTime(String id) {
            int before = seen.size();
            seen.intern(id);
            return seen.size() > before;
        }

        int get(String name) {
            int k = name == null ? -1 : names.find(name);
            return k < 0 ? 0 : counts.get(k);
        }
    }

    /** An attachment object and its JSON pointer. */
    record Item(JsonNode node, String pointer) {
    }

    /**
     * The card's attachments; a single-card export has none inline, so its addAttachmentToCard actions stand in.
     * Either way the actions that added them are marked used: the attachments carry them.
     */
    static List<Item> of(SourceContext ctx, JsonNode card, String cardId, Location cardAt, TrelloActions actions) {
        List<Item> list = new ArrayList<>();
        if (card.has("attachments")) {
            JsonNode all = TrelloExport.elements(ctx, card, "attachments", LOST, cardAt);
            Set<String> ids = new HashSet<>();
            for (int j = 0; j < all.size(); j++) {
                list.add(new Item(all.get(j), cardAt.pointer() + "/attachments/" + j));
                ids.add(TrelloExport.text(all.get(j), "id"));
            }
            actions.useAttachmentActions(cardId, ids);
            return list;
        }
        for (TrelloActions.Action a : actions.addedAttachments(cardId)) {
            actions.use(a);
            list.add(new Item(a.node().path("data").path("attachment"),
                    actions.location(a).pointer() + "/data/attachment"));
        }
        return list;
    }

    void add(String cardId, List<Item> attachments, Card.Builder b, Location cardAt) throws IOException {
        for (int j = 0; j < attachments.size(); j++) {
            JsonNode a = attachments.get(j).node();
            Location where = cardAt.withPointer(attachments.get(j).pointer());
            String url = TrelloExport.text(a, "url");
            String name = TrelloExport.text(a, "name");
            String id = TrelloExport.text(a, "id");
            if (id == null) {
                id = cardId + "-attachment-" + (j + 1);
            }
            String created = TrelloValues.date(TrelloExport.text(a, "date"));
            if (created == null) {
                created = TrelloValues.idTime(id);
            }
            boolean upload = a.has("isUpload") ? TrelloExport.flag(a, "isUpload") : url != null
                    && UPLOAD_URL.matcher(url).matches();
            Lookup found = upload ? lookup(id, a) : Lookup.NONE;
            if (found.file() != null) {
                pack(cardId, id, a, created, found.file(), where);
                continue;
            }
            if (url == null) {
                ctx.losses().lost(LOST, "attachment without a URL", where);
                continue;
            }
            if (upload && found.sharedName() != null) {
                ctx.lost(Loss.of(NOT_PACKAGED, "uploaded file not packaged (several attachments share its name);"
                        + " linked"), IssueCode.SOURCE_ATTACHMENT, where, "several attachments are named '"
                        + found.sharedName() + "', so " + ctx.common().attachmentsDir().resolve(found.sharedName())
                        + " could be any of them; put each in " + ctx.common().attachmentsDir()
                        + "/<attachment id>/ (this one: " + id + "). The card links to its Trello URL instead"
                        + " (opening it needs a Trello login)");
            } else if (upload) {
                ctx.lost(Loss.of(NOT_PACKAGED, "uploaded file not packaged (no --attachments binary); linked"),
                        IssueCode.SOURCE_ATTACHMENT, where, "'" + name + "' is "
                        + (ctx.common().attachmentsDir() == null ? "not packaged (no --attachments folder given)"
                        : "not in the --attachments folder") + "; the card links to its Trello URL instead (opening"
                        + " it needs a Trello login)");
            }
            int before = b.links().size();
            b.addLink(new Card.Link(url, name == null || name.equals(url) ? null : name, created));
            if (b.links().size() == before) {
                ctx.losses().lost(LOST, "same URL as another link of the card", where);
            }
            Matcher m = CARD_URL.matcher(url);
            if (m.lookingAt()) {
                String other = cards.byShortLink(m.group(1));
                if (other != null && !other.equals(cardId)) {
                    b.addRelated(other);
                }
            }
        }
    }

    /** Where the binary of an upload is, or which shared name kept the bare {@code DIR/<name>} from being used. */
    record Lookup(Path file, String sharedName) {
        static final Lookup NONE = new Lookup(null, null);
    }

    /** Only when --attachments is given and the sink is a package that can hold binaries. */
    private Lookup lookup(String id, JsonNode a) throws IOException {
        Path dir = ctx.common().attachmentsDir();
        if (dir == null || !sink.storesFiles()) {
            return Lookup.NONE;
        }
        return find(dir, id, TrelloExport.text(a, "fileName"), TrelloExport.text(a, "name"), nameCounts);
    }

    private void pack(String cardId, String id, JsonNode a, String created, Path file, Location where)
            throws IOException {
        String fileName = TrelloExport.text(a, "fileName");
        String name = TrelloExport.text(a, "name");
        String shown = fileName != null ? fileName : name != null ? name : file.getFileName().toString();
        String path = sink.addFile(PackageWriter.FILES_DIR, id, shown, file);
        String author = ctx.users().author(people.person(TrelloExport.text(a, "idMember")), "trello card.attachments.idMember", where);
        // the size of the file actually packaged; the export's "bytes" may describe another version of it
        sink.accept(new FileAttachment(id, cardId, shown, author, created, Files.size(file), path, null, null, null,
                null));
    }

    /**
     * DIR/&lt;id&gt;/&lt;name&gt;, DIR/&lt;id&gt; (a file, or a folder holding one file), then DIR/&lt;name&gt; —
     * the bare name only when exactly one attachment of the export has it ({@code nameCounts}).
     */
    static Lookup find(Path dir, String id, String fileName, String name, Names nameCounts)
            throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String n : new String[] {fileName, name}) {
            candidates.add(inside(dir, id, n));
        }
        candidates.add(inside(dir, id));
        for (Path p : candidates) {
            if (p != null && Files.isRegularFile(p)) {
                return new Lookup(p, null);
            }
        }
        Path folder = inside(dir, id);
        if (folder != null && Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                List<Path> only = files.filter(Files::isRegularFile).limit(2).toList();
                if (only.size() == 1) {
                    return new Lookup(only.get(0), null);
                }
            }
        }
        String shared = null;
        for (String n : new String[] {fileName, name}) {
            Path p = inside(dir, n);
            if (p != null && Files.isRegularFile(p)) {
                if (nameCounts.get(n) <= 1) {
                    return new Lookup(p, null);
                }
                shared = shared == null ? n : shared;
            }
        }
        return new Lookup(null, shared);
    }

    /** A path under dir from untrusted names; null when a name is missing or would leave dir. */
    private static Path inside(Path dir, String... parts) {
        Path p = dir;
        for (String part : parts) {
            if (part == null || part.isBlank() || part.contains("/") || part.contains("\\") || part.equals("..")
                    || part.equals(".")) {
                return null;
            }
            p = p.resolve(part);
        }
        return p.normalize().startsWith(dir.normalize()) ? p : null;
    }
}
