package io.kaitenimport.source.tabular;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Template;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.source.SourceContext;

/**
 * Resolves the reference cells the first pass kept (parent, blocks, blocked by, related) against every card id,
 * key and alias. A reference to nothing, to its own row, or closing a parent cycle is reported, counted as lost
 * and dropped.
 */
final class References {
    private static final Template NOT_FOUND = IssueCode.SOURCE_REF_UNRESOLVED.template(
            "{field} '{ref}' matches no id/key or row number in this export; link dropped");
    private static final Template SELF = IssueCode.SOURCE_REF_UNRESOLVED.template("row refers to itself; link dropped");
    private static final Template CYCLE = IssueCode.SOURCE_REF_UNRESOLVED.template(
            "parent '{ref}' would make a parent/child cycle; this link is dropped");

    private References() {
    }

    /** Adds every reference that resolves to {@code relations}. */
    static void resolve(RowIndex index, RowFields fields, CellRules cells, SourceContext ctx, Relations relations) {
        RawRefs refs = index.rawRefs;
        for (int i = 0; i < refs.size(); i++) {
            RawRefs.Ref r = refs.get(i);
            for (String ref : cells.split(r.text(), true)) {
                int target = index.cardOf(ref);
                Location where = fields.at(r.line(), r.column());
                if (target < 0) {
                    ctx.lost(Loss.of(fields.lossField(r.column()), "refers to an item outside the export"), NOT_FOUND,
                            where, r.field().key(), ref);
                } else if (target == r.card()) {
                    ctx.lost(Loss.of(fields.lossField(r.column()), "refers to its own row"), SELF, where);
                } else if (!relations.add(r.field(), r.card(), target)) {
                    ctx.lost(Loss.of(fields.lossField(r.column()), "parent link that would close a cycle"), CYCLE,
                            where, ref);
                }
            }
        }
        index.rawRefs = new RawRefs();
    }
}
