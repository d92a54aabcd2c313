package io.kaitenimport.source.tabular;

import io.kaitenimport.mapping.DateParser;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Dates;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

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
public final class ValueReader {
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(?:[.,]\\d+)?$");
    private static final Pattern DURATION = Pattern.compile(
            "^(?:(\\d+(?:[.,]\\d+)?)\\s*(?:w|н))?\\s*(?:(\\d+(?:[.,]\\d+)?)\\s*(?:d|д))?\\s*"
                    + "(?:(\\d+(?:[.,]\\d+)?)\\s*(?:h|ч))?\\s*(?:(\\d+(?:[.,]\\d+)?)\\s*(?:m|м))?$");

    private final DateParser dates;
    private final ZoneId zone;
    private final SourceContext ctx;
    private final String file;
    private final boolean lenient;

    public ValueReader(DateParser dates, SourceContext ctx, String file) {
        this.dates = dates;
        this.zone = ctx.common().zone();
        this.ctx = ctx;
        this.file = file;
        this.lenient = ctx.options(TabularOptions.class).lenientValues();
    }

    /** A card date: typed Excel dates directly, text through the date parser. */
    public Optional<CardDate> cardDate(Cell c, Location where) {
        if (c.value() instanceof LocalDateTime dt) {
            return Optional.of(dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? CardDate.dateOnly(dt.toLocalDate().toString())
                    : CardDate.dateTime(Dates.iso(dt.atZone(zone).toInstant())));
        }
        if (c.value() instanceof LocalDate d) {
            return Optional.of(CardDate.dateOnly(d.toString()));
        }
        return parsed(c, where).map(d -> d.timePresent() ? CardDate.dateTime(d.toIsoUtc(zone))
                : CardDate.dateOnly(d.toIsoDate()));
    }

    /** A point in time (created): a date alone means midnight in the source zone. */
    public Optional<String> instant(Cell c, Location where) {
        return cardDate(c, where).map(cd -> Boolean.TRUE.equals(cd.timePresent()) ? cd.value()
                : Dates.iso(LocalDate.parse(cd.value()).atStartOfDay(zone).toInstant()));
    }

    /**
     * A date custom-property value: {@code YYYY-MM-DD}, the calendar date where the value was written (a time with
     * an offset is first moved to {@code --time-zone}). A date field cannot hold the time of day, so a time is
     * counted as lost.
     */
    public Optional<String> isoDate(Cell c, Location where) {
        if (c.value() instanceof LocalDateTime dt) {
            if (!dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                timeLost(where);
            }
            return Optional.of(dt.toLocalDate().toString());
        }
        if (c.value() instanceof LocalDate d) {
            return Optional.of(d.toString());
        }
        Optional<DateParser.ParsedDate> p = parsed(c, where);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        DateParser.ParsedDate d = p.get();
        if (!d.timePresent()) {
            return Optional.of(d.toIsoDate());
        }
        timeLost(where);
        LocalDate local = d.offset() == null ? d.date()
                : d.date().atTime(d.time()).atOffset(d.offset()).atZoneSameInstant(zone).toLocalDate();
        return Optional.of(local.toString());
    }

    /** A text date through the parser; a value that does not parse is handled by the bad-value policy. */
    private Optional<DateParser.ParsedDate> parsed(Cell c, Location where) {
        if (c.text().isBlank()) {
            return Optional.empty();
        }
        Optional<DateParser.ParsedDate> p = dates.parse(c.text());
        if (p.isEmpty()) {
            bad(where, dates.describeFailure(c.text().strip()), "date");
        }
        return p;
    }

    private void timeLost(Location where) {
        ctx.losses().lost(file + " column '" + where.field() + "'", "time of day in a date field (the date is kept)",
                where);
    }

    public Optional<Double> number(Cell c, Location where) {
        if (c.value() instanceof Double d) {
            return Optional.of(d);
        }
        String t = c.text().strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> n = parseNumber(t);
        if (n.isEmpty()) {
            bad(where, "'" + t + "' is not a number" + (AMBIGUOUS.matcher(t).matches()
                    ? " that reads one way only (thousands separator or decimal comma?); write 1234 or 1.234" : ""),
                    "number");
        }
        return n;
    }

    private static final Pattern AMBIGUOUS = Pattern.compile("^[+-]?\\d{1,3},\\d{3}$");
    private static final Pattern GROUPED_COMMA = Pattern.compile("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
    private static final Pattern GROUPED_DOT = Pattern.compile("^[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?$");

    /**
     * Numbers as spreadsheets write them: {@code 1234.5}, {@code 1234,5}, {@code 1 234,5}, {@code 12,345.67},
     * {@code 12.345,67}. {@code 1,234} could be either a thousands group or a decimal comma, so it is refused
     * rather than guessed.
     */
    static Optional<Double> parseNumber(String text) {
        String t = text.replaceAll("(?<=\\d)[\\s\u00A0\u202F'’](?=\\d)", "");
        if (AMBIGUOUS.matcher(t).matches()) {
            return Optional.empty();
        }
        if (NUMBER.matcher(t).matches()) {
            return Optional.of(Double.parseDouble(t.replace(',', '.')));
        }
        if (GROUPED_COMMA.matcher(t).matches()) {
            return Optional.of(Double.parseDouble(t.replace(",", "")));
        }
        if (GROUPED_DOT.matcher(t).matches()) {
            return Optional.of(Double.parseDouble(t.replace(".", "").replace(',', '.')));
        }
        return Optional.empty();
    }

    /** Hours of work: a number of hours, or a duration like {@code 1d 4h}, {@code 2h 30m}, {@code 3ч}. */
    public Optional<Double> hours(Cell c, Location where, double hoursPerDay) {
        if (c.value() instanceof Double d) {
            return Optional.of(d);
        }
        String t = c.text().strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> plain = parseNumber(t);
        if (plain.isPresent()) {
            return plain;
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
