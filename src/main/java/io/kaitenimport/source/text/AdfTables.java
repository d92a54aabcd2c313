package io.kaitenimport.source.text;

import static io.kaitenimport.source.text.AdfNodes.MALFORMED;
import static io.kaitenimport.source.text.AdfNodes.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders ADF tables as GFM tables: one line per cell, header cells outside the first row in bold, column spans
 * padded with empty cells and spans counted as lost (GFM has neither).
 */
final class AdfTables {
    private static final int MAX_COLSPAN = 64;

    private final Losses losses;
    private final AdfBlocks blocks;

    AdfTables(Losses losses, AdfBlocks blocks) {
        this.losses = losses;
        this.blocks = blocks;
    }

    String table(JsonNode n, int depth) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : AdfNodes.children(n, losses)) {
            if (!"tableRow".equals(type(row))) {
                losses.add(MALFORMED);
            }
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : AdfNodes.children(row, losses)) {
                String cellType = type(cell);
                if (!"tableCell".equals(cellType) && !"tableHeader".equals(cellType)) {
                    losses.add(MALFORMED);
                }
                String text = cell(cell, depth);
                // header cells outside the first row (a header column) have no GFM equivalent: keep them bold
                if (!rows.isEmpty() && "tableHeader".equals(cellType) && !text.isEmpty()) {
                    text = "**" + text + "**";
                }
                cells.add(text);
                Long colspan = AdfNodes.longAttr(cell, "colspan");
                if (colspan != null && colspan > 1) {
                    losses.add("adf.table.colspan");
                    for (long k = 1; k < Math.min(colspan, MAX_COLSPAN); k++) {
                        cells.add("");
                    }
                }
                Long rowspan = AdfNodes.longAttr(cell, "rowspan");
                if (rowspan != null && rowspan > 1) {
                    losses.add("adf.table.rowspan");
                }
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            losses.add(MALFORMED);
            return "";
        }
        return Markdown.table(rows);
    }

    /** A GFM cell is one line: blocks are joined with {@code <br>}, code blocks become code spans. */
    private String cell(JsonNode cell, int depth) {
        List<String> pieces = new ArrayList<>();
        for (AdfBlocks.Part part : blocks.renderChildren(cell, depth)) {
            if ("codeBlock".equals(part.type())) {
                pieces.add(Markdown.codeSpan(unfence(part.markdown())));
            } else {
                pieces.add(Markdown.toSingleLine(part.markdown()));
            }
        }
        return String.join(Markdown.CELL_BREAK, pieces);
    }

    /** The body of a block produced by {@link Markdown#fencedCode}: everything between the fence lines. */
    private static String unfence(String fenced) {
        int first = fenced.indexOf('\n');
        int last = fenced.lastIndexOf('\n');
        return first < 0 || last <= first ? "" : fenced.substring(first + 1, last);
    }
}
