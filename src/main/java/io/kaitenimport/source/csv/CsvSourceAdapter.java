package io.kaitenimport.source.csv;

import io.kaitenimport.source.tabular.TabularOptions;
import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.mapping.MappingLoader;
import io.kaitenimport.mapping.TabularField;
import io.kaitenimport.mapping.TabularMapping;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.tabular.TabularConverter;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** CSV/TSV exports of any tracker or spreadsheet: one card per row, driven by {@code mappings/csv-default.yaml}. */
public final class CsvSourceAdapter implements SourceAdapter {
    public static final String DEFAULT_MAPPING = "csv-default.yaml";

    @Override
    public String describe() {
        return "CSV export";
    }

    @Override
    public List<Class<?>> optionTypes() {
        return List.of(CsvOptions.class, TabularOptions.class);
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean detect(Path input, byte[] head) {
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        return head.length > 0 && (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt"));
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        TabularMapping mapping = MappingLoader.load(ctx.common().mapping(), DEFAULT_MAPPING, TabularMapping.class);
        Set<String> known = knownHeaders(mapping);
        CsvRowSource rows = open(ctx, ctx.input(),
                h -> known.contains(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)));
        new TabularConverter(rows, mapping, ctx).convert(sink);
    }

    /**
     * The file as rows: charset sniffed (or --encoding), Excel's {@code sep=} line honoured, else the delimiter
     * sniffed, the header found below any preamble by {@code knownHeader}; the choices go to the report. Shared
     * by every CSV preset (generic, Jira CSV) and the mapping command.
     */
    public static CsvRowSource open(SourceContext ctx, Path file, java.util.function.Predicate<String> knownHeader)
            throws IOException {
        byte[] head = CharsetSniffer.readHead(file);
        if (head.length == 0) {
            throw new SourceException(Location.file(file.toString()), "file is empty");
        }
        CharsetSniffer.Sniffed cs = CharsetSniffer.sniff(head, ctx.options(CsvOptions.class).legacyEncoding());
        Charset charset = cs.charset();
        String why = cs.reason();
        int bom = cs.bomLength();
        if (ctx.options(CsvOptions.class).encoding() == null && !charset.name().startsWith("UTF")) {
            Charset latin = Charset.forName("windows-1252");
            if (!charset.equals(latin) && looksMisread(head, charset) && mixedScriptWords(head, latin) == 0) {
                why = why + "; but " + charset.name() + " makes words that mix Latin and Cyrillic letters, which "
                        + "windows-1252 does not, so windows-1252 is used (override with --encoding)";
                charset = latin;
            }
        }
        if (ctx.options(CsvOptions.class).encoding() != null) {
            charset = ctx.options(CsvOptions.class).encoding();
            why = "--encoding";
        }
        ctx.report().fact("encoding", charset.name() + " (" + why + ")");
        ctx.issue(IssueCode.SOURCE_ENCODING, Location.file(file.toString()), "read as " + charset.name() + ": " + why);
        String sample = new String(head, bom, head.length - bom, charset);
        // Excel writes a "sep=;" line to name the delimiter; honour it and keep it out of the table.
        java.util.regex.Matcher sep = java.util.regex.Pattern.compile("^sep=(.)\\r?\\n").matcher(sample);
        boolean sepLine = sep.find();
        DelimiterSniffer.Sniffed d = sepLine ? new DelimiterSniffer.Sniffed(sep.group(1).charAt(0), 1.0)
                : DelimiterSniffer.sniff(sample);
        String delim = d.delimiter() == '\t' ? "tab" : "'" + d.delimiter() + "'";
        CsvRowSource rows = new CsvRowSource(file, charset, bom, d.delimiter(), sepLine ? 1 : 0, knownHeader);
        ctx.report().fact("dialect", "delimiter " + delim + ", header on line " + rows.headerLine());
        ctx.issue(IssueCode.SOURCE_DIALECT, Location.file(file.toString()), String.format(Locale.ROOT,
                "delimiter %s (confidence %.2f), header on line %d", delim, d.confidence(), rows.headerLine()));
        return rows;
    }

    private static final java.util.regex.Pattern MIXED =
            java.util.regex.Pattern.compile("\\p{IsLatin}\\p{IsCyrillic}|\\p{IsCyrillic}\\p{IsLatin}");

    private static final java.util.regex.Pattern NON_ASCII_WORD = java.util.regex.Pattern.compile("\\S*[^\\x00-\\x7F]\\S*");

    /**
     * Words like "franзais" betray a Latin-1 file read as Cyrillic. A Russian file has such words too ("APIшка"),
     * so the switch needs most non-ASCII words to be mixed, not one.
     */
    static boolean looksMisread(byte[] head, Charset charset) {
        java.util.regex.Matcher w = NON_ASCII_WORD.matcher(new String(head, charset));
        int words = 0;
        int mixed = 0;
        while (w.find()) {
            words++;
            if (MIXED.matcher(w.group()).find()) {
                mixed++;
            }
        }
        return mixed > 0 && mixed * 2 > words;
    }

    /** Words mixing Latin and Cyrillic letters. */
    static int mixedScriptWords(byte[] head, Charset charset) {
        java.util.regex.Matcher m = MIXED.matcher(new String(head, charset));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The header names a mapping recognises, lower-cased, for finding the header row. */
    public static Set<String> knownHeaders(TabularMapping mapping) {
        Set<String> known = new HashSet<>();
        for (TabularField f : TabularField.values()) {
            for (String h : mapping.fields().of(f)) {
                known.add(h.toLowerCase(Locale.ROOT));
            }
        }
        mapping.customFields().forEach(c -> known.add(c.header().toLowerCase(Locale.ROOT)));
        return known;
    }
}
