package io.kaitenimport.source.tabular;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Template;
import io.kaitenimport.mapping.MappingLoader;
import io.kaitenimport.mapping.Suggest;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.model.Card;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.util.List;

/**
 * Turns a table (CSV or sheet) into boards, columns, cards and custom fields: one card per row, driven by a
 * {@link TabularMapping}. Spring Batch's reader / line mapper / field-set mapper is the model: a {@link RowSource}
 * streams rows, {@link CellRules} and {@link RowFields} read cells through the mapping, and {@link RowMapper} maps
 * a row to a card. This class only coordinates the two passes: the first ({@link RowIndex}) collects ids, keys,
 * statuses, boards, select values and date shapes; then {@link TableStructure} emits boards, columns and fields,
 * {@link References} resolves relations, and the second pass maps and emits each card. Memory grows with the
 * number of rows' ids, not with the text in them.
 */
public final class TabularConverter {
    private static final Template TITLE_GUESSED = IssueCode.SOURCE_TITLE_GUESSED.template("no known title header;"
            + " card titles come from '{column}', {why} — name the title column under fields.title in a --mapping"
            + " file to choose another");
    private static final Template COLUMNS_USED = IssueCode.SOURCE_RULE.template("columns used: {columns}");
    private static final Template SECTIONS_WENT_TO = IssueCode.SOURCE_RULE.template("row sections went to: {target}"
            + " (set sections: tag|board|column|skip in a --mapping file to change)");
    private static final Template DATE_ORDER = IssueCode.SOURCE_RULE.template(
            "ambiguous numeric dates read as {order} ({why})");

    private final RowSource source;
    private final TabularMapping mapping;
    private final SourceContext ctx;
    private final String file;
    private final TabularExtension extension;
    private final CellRules cells;
    private final RowFields fields;

    public TabularConverter(RowSource source, TabularMapping mapping, SourceContext ctx) {
        this(source, mapping, ctx, TabularExtension.NONE);
    }

    public TabularConverter(RowSource source, TabularMapping mapping, SourceContext ctx, TabularExtension extension) {
        this.source = source;
        this.mapping = mapping;
        this.ctx = ctx;
        this.file = source.name();
        this.extension = extension;
        this.cells = new CellRules(mapping);
        this.fields = new RowFields(source.header(), mapping, file);
    }

    public void convert(ModelSink sink) throws IOException {
        HeaderMap headers = fields.headers;
        for (MappingLoader.WrittenHeader h : MappingLoader.writtenHeaders(ctx.common().mapping())) {
            if (!headers.present(h.header())) {
                ctx.issue(IssueCode.MAPPING_HEADER_UNKNOWN, h.at(), h.header(), file,
                        Suggest.didYouMean(h.header(), source.header()));
            }
        }
        if (!headers.has(TabularField.TITLE)) {
            TitleGuess.Choice guess = TitleGuess.choose(source, headers);
            if (guess == null) {
                throw new SourceException(Location.cell(file, source.headerLine(), null, null),
                        "no title column: none of " + mapping.fields().of(TabularField.TITLE) + " is in the header "
                                + source.header() + "; map one under fields.title in a --mapping file");
            }
            int col = guess.column();
            headers.assign(TabularField.TITLE, col);
            ctx.issue(TITLE_GUESSED, fields.at(source.headerLine(), col), headers.name(col), guess.why());
        }
        ctx.issue(COLUMNS_USED, Location.cell(file, source.headerLine(), null, null), headers.describe());
        RowIndex index = new RowIndex(fields, cells, ctx);
        index.presetColumns(extension.presetColumns());
        index.collect(source);
        DateParser dates = dateParser(index.dateSamples);
        Relations relations = index.relations();
        CardTargets targets = TableStructure.emit(fields, index, ctx, relations, sink);
        References.resolve(index, fields, cells, ctx, relations);
        extension.cardsKnown(index::resolve);
        ValueReader values = new ValueReader(dates, ctx, file);
        RowMapper mapper = new RowMapper(fields, cells, ctx, values, targets);
        int[] ordinal = {0};
        source.forEachRow(raw -> {
            String id = index.cardId(++ordinal[0]);
            Card.Builder card = mapper.map(cells.clean(raw), id);
            extension.complete(id, card);
            sink.accept(card.build());
        });
        if (fields.sectionsSeen()) {
            ctx.issue(SECTIONS_WENT_TO, Location.file(file), mapping.sections().key());
        }
        extension.afterCards(sink, index::resolve, values);
    }

    private DateParser dateParser(List<String> dateSamples) {
        DateParser.DayOrder order;
        String why;
        switch (ctx.options(TabularOptions.class).dateOrder()) {
            case DAY_FIRST -> { order = DateParser.DayOrder.DAY_FIRST; why = "--date-order day-first"; }
            case MONTH_FIRST -> { order = DateParser.DayOrder.MONTH_FIRST; why = "--date-order month-first"; }
            default -> {
                order = DateParser.decide(dateSamples);
                why = order == DateParser.DayOrder.UNKNOWN
                        ? (dateSamples.isEmpty() ? "no ambiguous dates" : "the data does not decide; day-first assumed"
                        + " (use --date-order month-first if wrong)")
                        : "decided from the data";
            }
        }
        DateParser p = new DateParser(order, ctx.common().zone());
        if (!dateSamples.isEmpty()) {
            ctx.issue(DATE_ORDER, Location.file(file),
                    p.dayOrder() == DateParser.DayOrder.MONTH_FIRST ? "month-first" : "day-first", why);
        }
        return p;
    }
}
