package io.kaitenimport.source;

import io.kaitenimport.model.Card;
import io.kaitenimport.model.Comment;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Template;

import java.util.ArrayList;
import java.util.List;

/** Fits source text into Kaiten's limits without losing any of it. */
public final class TextLimits {
    private static final Template EMPTY_TITLE = IssueCode.SOURCE_TITLE.template("empty title; using '{fallback}'");
    private static final Template LONG_TITLE = IssueCode.SOURCE_TITLE.template(
            "title has {length} characters (max 1024); cut, full title kept at the top of the description");
    private static final Template SPLIT = IssueCode.SOURCE_TEXT_SPLIT.template(
            "comment {id} has {length} characters; split into {parts} comments");

    private TextLimits() {
    }

    /** A card title and the text to put before the description when the title had to change. */
    public record Title(String title, String descriptionPrefix) {
    }

    /**
     * Titles are required and at most 1024 characters. An empty title becomes {@code fallback}; a long one is cut
     * at a word boundary with an ellipsis and the full title goes to the top of the description.
     */
    public static Title title(String raw, String fallback, SourceContext ctx, Location where) {
        String t = raw == null ? "" : raw.strip();
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            t = t.replaceAll("[\\r\\n]+", " ");
        }
        if (t.isEmpty()) {
            ctx.issue(EMPTY_TITLE, where, fallback);
            return new Title(fallback, null);
        }
        if (t.codePointCount(0, t.length()) <= Card.MAX_TITLE) {
            return new Title(t, null);
        }
        int cut = t.offsetByCodePoints(0, Card.MAX_TITLE - 1);
        int space = t.lastIndexOf(' ', cut);
        String shortTitle = (space > Card.MAX_TITLE / 2 ? t.substring(0, space) : t.substring(0, cut)) + "…";
        ctx.issue(LONG_TITLE, where, t.codePointCount(0, t.length()));
        return new Title(shortTitle, "**Full title:** " + t + "\n\n");
    }

    /** Prepends the full title (when cut) to a description. */
    public static String description(Title title, String description) {
        if (title.descriptionPrefix() == null) {
            return description;
        }
        return title.descriptionPrefix() + (description == null ? "" : description);
    }

    /**
     * Comments over 4096 characters are split into consecutive comments ({@code id}, {@code id-part2}, …) with a
     * "(part n/m)" marker, preferring paragraph then line then word boundaries.
     */
    public static List<Comment> splitComment(Comment c, SourceContext ctx, Location where) {
        if (c.text() == null || c.text().length() <= Comment.MAX_TEXT) {
            return List.of(c);
        }
        int budget = Comment.MAX_TEXT - 32;
        List<String> parts = new ArrayList<>();
        String rest = c.text();
        while (rest.length() > budget) {
            int cut = best(rest, budget);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        List<Comment> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String id = i == 0 ? c.id() : c.id() + "-part" + (i + 1);
            String text = parts.get(i) + "\n\n(part " + (i + 1) + "/" + parts.size() + ")";
            out.add(new Comment(id, c.cardId(), text, c.authorId(), c.authorName(), c.created(), c.parentId(),
                    c.type()));
        }
        ctx.issue(SPLIT, where, c.id(), c.text().length(), parts.size());
        return out;
    }

    private static int best(String s, int max) {
        for (String sep : new String[] {"\n\n", "\n", " "}) {
            int i = s.lastIndexOf(sep, max);
            if (i > max / 2) {
                return i;
            }
        }
        // Never split a surrogate pair.
        return Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
    }
}
