package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.source.SourceContext;

/**
 * Resolves the reference cells the first pass kept (parent, blocks, blocked by, related) against every card id,
 * key and alias. A reference to nothing, to its own row, or closing a parent cycle is reported, counted as lost
 * and dropped.
 */
final class References {
    private References() {
    }

    /** Adds every reference that resolves to {@code relations}. */
    static void resolve(RowIndex index, RowFields fields, CellRules cells, SourceContext ctx, Relations relations) {
        for (RowIndex.RawRef r : index.rawRefs) {
            String from = index.cardId(r.ordinal());
            for (String ref : cells.split(r.text(), true)) {
                String target = index.resolve(ref);
                Location where = fields.at(r.line(), r.column());
                if (target == null) {
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, r.field().key() + " '" + ref
                            + "' matches no id/key or row number in this export; link dropped");
                    ctx.losses().lost(fields.lossField(r.column()), "refers to an item outside the export", where);
                } else if (target.equals(from)) {
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "row refers to itself; link dropped");
                    ctx.losses().lost(fields.lossField(r.column()), "refers to its own row", where);
                } else if (!relations.add(r.field(), from, target)) {
                    ctx.issue(IssueCode.SOURCE_REF_UNRESOLVED, where, "parent '" + ref + "' would make a parent/child"
                            + " cycle; this link is dropped");
                    ctx.losses().lost(fields.lossField(r.column()), "parent link that would close a cycle", where);
                }
            }
        }
        index.rawRefs.clear();
    }
}
