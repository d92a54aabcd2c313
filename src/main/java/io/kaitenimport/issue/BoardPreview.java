package io.kaitenimport.issue;

import io.kaitenimport.model.Board;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.Column;
import io.kaitenimport.model.ImportRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each board will look like in Kaiten, collected while the package is written: columns in order with their
 * card counts and first card titles. Memory is bounded whatever the export's size: at most {@link #MAX_BOARDS}
 * boards, {@link #MAX_COLUMNS} columns in all and {@link #TITLES_PER_COLUMN} titles per column are kept; beyond
 * that only counts grow. Records may arrive in any order (cards before their columns), so cards are counted by
 * column id and joined when the preview is read.
 */
public final class BoardPreview implements Consumer<ImportRecord> {
    public static final int MAX_BOARDS = 20;
    public static final int MAX_COLUMNS = 400;
    public static final int TITLES_PER_COLUMN = 5;
    private static final int TITLE_CHARS = 80;

    private final Map<String, String> boards = new LinkedHashMap<>();
    private final Map<String, ColumnRow> columns = new LinkedHashMap<>();
    private final Map<String, Tally> cardsByColumn = new HashMap<>();
    private long boardsSeen;
    private long untracked;

    @Override
    public void accept(ImportRecord record) {
        if (record instanceof Board b) {
            boardsSeen++;
            if (boards.size() < MAX_BOARDS) {
                boards.put(b.id(), b.title());
            }
        } else if (record instanceof Column c) {
            if (columns.size() < MAX_COLUMNS) {
                columns.put(c.id(), new ColumnRow(c.id(), c.boardId(), c.title(), c.type(), c.sortOrder(),
                        columns.size()));
            }
        } else if (record instanceof Card k) {
            Tally t = cardsByColumn.get(k.columnId());
            if (t == null) {
                if (cardsByColumn.size() >= MAX_COLUMNS) {
                    untracked++;
                    return;
                }
                t = new Tally();
                cardsByColumn.put(k.columnId(), t);
            }
            t.count++;
            if (t.titles.size() < TITLES_PER_COLUMN) {
                t.titles.add(shorten(k.title() == null ? "" : k.title()));
            }
        }
    }

    public boolean isEmpty() {
        return boards.isEmpty();
    }

    /** Boards beyond {@link #MAX_BOARDS}: counted, not previewed. */
    public long boardsNotShown() {
        return Math.max(0, boardsSeen - boards.size());
    }

    /** The boards in the order they were written, each with its columns in Kaiten's order. */
    public List<BoardView> boards() {
        List<BoardView> out = new ArrayList<>();
        for (Map.Entry<String, String> b : boards.entrySet()) {
            List<ColumnView> cols = new ArrayList<>();
            columns.values().stream()
                    .filter(c -> b.getKey().equals(c.boardId()))
                    .sorted(Comparator.comparing((ColumnRow c) -> c.sortOrder() == null ? Double.MAX_VALUE : c.sortOrder())
                            .thenComparingInt(ColumnRow::seen))
                    .forEach(c -> {
                        Tally t = cardsByColumn.getOrDefault(c.id(), new Tally());
                        cols.add(new ColumnView(c.title(), c.type() == null ? 0 : c.type(), t.count,
                                List.copyOf(t.titles)));
                    });
            out.add(new BoardView(b.getValue(), cols));
        }
        return out;
    }

    /** Cards whose column could not be tracked (more than {@link #MAX_COLUMNS} columns). */
    public long untrackedCards() {
        return untracked;
    }

    private static String shorten(String title) {
        String oneLine = title.replaceAll("\\s+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= TITLE_CHARS ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, TITLE_CHARS - 1)) + "…";
    }

    public record BoardView(String title, List<ColumnView> columns) {
        public long cards() {
            return columns.stream().mapToLong(ColumnView::cards).sum();
        }
    }

    /** A column: title, type (1 queued, 2 in progress, 3 done), card count and the first card titles. */
    public record ColumnView(String title, int type, long cards, List<String> firstTitles) {
    }

    private record ColumnRow(String id, String boardId, String title, Integer type, Double sortOrder, int seen) {
    }

    private static final class Tally {
        long count;
        final List<String> titles = new ArrayList<>(TITLES_PER_COLUMN);
    }
}
