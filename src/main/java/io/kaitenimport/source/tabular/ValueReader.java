package io.kaitenimport.source.tabular;

import io.kaitenimport.mapping.DateParser;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Dates;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceException;
import io.kaitenimport.validate.IssueCode;
import io.kaitenimport.validate.Location;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of cells. A value that does not parse stops the run with its position (the default), or
 * with {@code --lenient-values} is left empty, reported and counted as lost.
 */
final class ValueReader {
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(?:[.,]\\d+)?$");
    private static final Pattern DURATION = Pattern.compile(
            "^(?:(\\d+(?:[.,]\\d+)?)\\s*(?:w|н))?\\s*(?:(\\d+(?:[.,]\\d+)?)\\s*(?:d|д))?\\s*"
                    + "(?:(\\d+(?:[.,]\\d+)?)\\s*(?:h|ч))?\\s*(?:(\\d+(?:[.,]\\d+)?)\\s*(?:m|м))?$");

    private final DateParser dates;
    private final ZoneId zone;
    private final SourceContext ctx;
    private final String file;
    private final boolean lenient;

    ValueReader(DateParser dates, SourceContext ctx, String file) {
        this.dates = dates;
        this.zone = ctx.options().zone();
        this.ctx = ctx;
        this.file = file;
        this.lenient = ctx.options().lenientValues();
    }

    /** A card date: typed Excel dates directly, text through the date parser. */
    Optional<CardDate> cardDate(Cell c, Location where) {
        if (c.value() instanceof LocalDateTime dt) {
            return Optional.of(dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? CardDate.dateOnly(dt.toLocalDate().toString())
                    : CardDate.dateTime(Dates.iso(dt.atZone(zone).toInstant())));
        }
        if (c.value() instanceof LocalDate d) {
            return Optional.of(CardDate.dateOnly(d.toString()));
        }
        if (c.text().isBlank()) {
            return Optional.empty();
        }
        Optional<DateParser.ParsedDate> p = dates.parse(c.text());
        if (p.isEmpty()) {
            bad(where, dates.describeFailure(c.text().strip()), "date");
            return Optional.empty();
        }
        DateParser.ParsedDate d = p.get();
        return Optional.of(d.timePresent() ? CardDate.dateTime(d.toIsoUtc(zone)) : CardDate.dateOnly(d.toIsoDate()));
    }

    /** A point in time (created): a date alone means midnight in the source zone. */
    Optional<String> instant(Cell c, Location where) {
        return cardDate(c, where).map(cd -> Boolean.TRUE.equals(cd.timePresent()) ? cd.value()
                : Dates.iso(LocalDate.parse(cd.value()).atStartOfDay(zone).toInstant()));
    }

    /** A date custom-property value: {@code YYYY-MM-DD}. */
    Optional<String> isoDate(Cell c, Location where) {
        return cardDate(c, where).map(cd -> cd.value().length() > 10 ? cd.value().substring(0, 10) : cd.value());
    }

    Optional<Double> number(Cell c, Location where) {
        if (c.value() instanceof Double d) {
            return Optional.of(d);
        }
        String t = c.text().strip().replace('\u00A0', ' ').replace(" ", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (NUMBER.matcher(t).matches()) {
            return Optional.of(Double.parseDouble(t.replace(',', '.')));
        }
        bad(where, "'" + c.text().strip() + "' is not a number", "number");
        return Optional.empty();
    }

    /** Hours of work: a number of hours, or a duration like {@code 1d 4h}, {@code 2h 30m}, {@code 3ч}. */
    Optional<Double> hours(Cell c, Location where, double hoursPerDay) {
        if (c.value() instanceof Double d) {
            return Optional.of(d);
        }
        String t = c.text().strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (NUMBER.matcher(t).matches()) {
            return Optional.of(Double.parseDouble(t.replace(',', '.')));
        }
        Matcher m = DURATION.matcher(t);
        if (m.matches() && !t.isBlank()) {
            double h = part(m, 1) * 5 * hoursPerDay + part(m, 2) * hoursPerDay + part(m, 3) + part(m, 4) / 60.0;
            return Optional.of(Math.round(h * 100) / 100.0);
        }
        bad(where, "'" + c.text().strip() + "' is not a number of hours or a duration like '1d 4h'", "estimate");
        return Optional.empty();
    }

    private static double part(Matcher m, int g) {
        return m.group(g) == null ? 0 : Double.parseDouble(m.group(g).replace(',', '.'));
    }

    private void bad(Location where, String message, String kind) {
        if (!lenient) {
            throw new SourceException(where, message + " (use --lenient-values to leave such values empty)");
        }
        ctx.issue(IssueCode.SOURCE_VALUE_INVALID, where, message + "; left empty");
        ctx.losses().lost(file + " column '" + where.field() + "'", "unreadable " + kind + " value left empty", where);
    }
}
