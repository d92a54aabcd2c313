package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.tabular.Cell;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a cell's type attribute, style and raw value into a typed {@link Cell}: the text as Excel shows it (US
 * format) and the value. POI's sheet handler gets no styles table, so it hands number cells over unformatted and
 * each is formatted once here: the number format of a style is looked up once per style rather than per cell
 * (through POI's XML beans it was the largest cost of a big sheet), and number and date cells, whose values repeat
 * (story points, due dates), are formatted once per distinct value through a small cache. The text is what POI's
 * handler gave before.
 */
final class CellTypes {
    private static final Pattern SCIENTIFIC = Pattern.compile("-?[\\d.,]+E[+-]?\\d+");
    private static final int NUMBER_CACHE = 1 << 11;

    private final DataFormatter formatter = new DataFormatter(Locale.US);
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, NumberStyle> numberStyles = new HashMap<>();
    private final String[] cachedRaw = new String[NUMBER_CACHE];
    private final int[] cachedStyle = new int[NUMBER_CACHE];
    private final Cell[] cachedCell = new Cell[NUMBER_CACHE];

    /** A cell style's number format, and whether it shows a date. */
    private record NumberStyle(int index, String format, boolean date) {
        static final NumberStyle NONE = new NumberStyle(-1, null, false);
    }

    CellTypes(StylesTable styles, boolean date1904) {
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** The formatter POI's sheet handler uses for what it still formats (nothing numeric: it gets no styles). */
    DataFormatter formatter() {
        return formatter;
    }

    /**
     * The typed cell, or null for an error value (#N/A, #DIV/0!…).
     *
     * @param type the {@code t} attribute (null for a number)
     * @param style the {@code s} attribute, -1 when absent
     * @param raw the {@code <v>} content
     * @param handed what POI's handler made of the cell: the text of a string, boolean or formula cell, the raw
     *               value of a number cell
     */
    Cell typed(String type, int style, String raw, String handed) {
        String t = type == null ? "n" : type;
        switch (t) {
            case "e":
                return null;
            case "b":
                String r = raw.trim();
                return new Cell(lines(handed), r.equals("1") || r.equalsIgnoreCase("true"), null);
            case "s", "inlineStr", "str":
                return Cell.text(lines(handed));
            case "d":
                return isoDate(raw.trim(), style, handed);
            default:
                return raw.equals(handed) ? cachedNumber(style, raw) : number(style, raw, handed);
        }
    }

    private static String lines(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** What POI's handler shows for a number cell when it formats with the cell's style. */
    private String shown(int style, String n) {
        NumberStyle ns = numberStyle(style);
        if (ns.format != null && n != null && !n.isEmpty()) {
            try {
                return lines(formatter.formatRawCellContents(Double.parseDouble(n.trim()), ns.index, ns.format));
            } catch (Exception e) {
                return lines(n);
            }
        }
        return lines(n);
    }

    /** The style a number cell is formatted with, as POI's handler chooses it: the cell's, else the default one. */
    private NumberStyle numberStyle(int style) {
        NumberStyle ns = numberStyles.get(style);
        if (ns == null) {
            ns = lookUp(style);
            numberStyles.put(style, ns);
        }
        return ns;
    }

    private NumberStyle lookUp(int style) {
        XSSFCellStyle st = null;
        if (styles != null) {
            if (style >= 0) {
                st = styles.getStyleAt(style);
            } else if (styles.getNumCellStyles() > 0) {
                st = styles.getStyleAt(0);
            }
        }
        if (st == null) {
            return NumberStyle.NONE;
        }
        int idx = st.getDataFormat();
        String fmt = st.getDataFormatString();
        if (fmt == null) {
            fmt = BuiltinFormats.getBuiltinFormat(idx);
        }
        return new NumberStyle(idx, fmt, fmt != null && DateUtil.isADateFormat(idx, fmt));
    }

    private Cell number(int style, String raw, String handed) {
        double d;
        try {
            d = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return Cell.text(shown(style, handed));
        }
        NumberStyle ns = numberStyle(style);
        if (ns.format != null && ns.date) {
            // A bare time of day (value below one day) is not a date; keep what Excel shows.
            if (d >= 1 && DateUtil.isValidExcelDate(d)) {
                return date(ns, d);
            }
            if (d < 1 && d >= 0) {
                return Cell.text(shown(style, handed));
            }
        }
        return new Cell(plainDigits(shown(style, handed), d), d, null);
    }

    /**
     * Number and date cells by style and raw value: a sheet repeats them (story points, due dates), and formatting one
     * through POI costs more than the rest of reading the cell. Same input, same cell: the cache cannot change output.
     */
    private Cell cachedNumber(int style, String raw) {
        int slot = (raw.hashCode() * 31 + style) & (NUMBER_CACHE - 1);
        Cell c = cachedCell[slot];
        if (c != null && cachedStyle[slot] == style && raw.equals(cachedRaw[slot])) {
            return c;
        }
        c = number(style, raw, raw);
        cachedRaw[slot] = raw;
        cachedStyle[slot] = style;
        cachedCell[slot] = c;
        return c;
    }

    private Cell date(NumberStyle ns, double d) {
        LocalDateTime dt = DateUtil.getLocalDateTime(d, date1904, true);
        Object value = dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate() : dt;
        return new Cell(formatter.formatRawCellContents(d, ns.index, ns.format, date1904), value, null);
    }

    /**
     * Excel's "General" format shows long numbers as {@code 1.20786E+15}; ids of that size (Asana, Jira) would
     * then collide. An integral value keeps all its digits instead.
     */
    private static String plainDigits(String shown, double d) {
        if (shown != null && shown.indexOf('E') > 0 && SCIENTIFIC.matcher(shown).matches() && d == Math.rint(d)
                && Math.abs(d) < 1e17) {
            return new BigDecimal(d).toPlainString();
        }
        return shown;
    }

    /** Strict ISO cells ({@code t="d"}), rare but valid. */
    private Cell isoDate(String r, int style, String handed) {
        try {
            if (r.length() <= 10) {
                return new Cell(r, LocalDate.parse(r), null);
            }
            LocalDateTime dt = LocalDateTime.parse(r.endsWith("Z") ? r.substring(0, r.length() - 1) : r);
            return new Cell(r, dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate() : dt, null);
        } catch (DateTimeParseException e) {
            return Cell.text(shown(style, handed));
        }
    }
}
