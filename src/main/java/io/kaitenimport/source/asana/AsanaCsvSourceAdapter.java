package io.kaitenimport.source.asana;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.csv.CharsetSniffer;
import io.kaitenimport.source.csv.CsvOptions;
import io.kaitenimport.source.csv.CsvRowSource;
import io.kaitenimport.source.csv.DelimiterSniffer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --from asana-csv}: Asana's project CSV export, read with the shared CSV reader (encoding, BOM,
 * delimiter, header finding) and converted like the JSON: sections → columns, the {@code Parent task} name →
 * child cards, completed tasks → the done column, {@code Assignee Email} → users, dependency columns → blocks.
 */
public final class AsanaCsvSourceAdapter implements SourceAdapter {
    /** Headers every Asana CSV export starts with (the older one too); together no other tool writes them. */
    private static final Set<String> SIGNATURE = Set.of("task id", "created at", "completed at", "name", "projects");

    @Override
    public String name() {
        return "asana-csv";
    }

    @Override
    public String describe() {
        return "Asana CSV export";
    }

    @Override
    public List<Class<?>> optionTypes() {
        return List.of(CsvOptions.class);
    }

    @Override
    public boolean detect(Path input, byte[] head) {
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".csv") || head.length == 0) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).strip();
        Set<String> headers = Arrays.stream(first.split("[,;\\t]"))
                .map(h -> h.strip().replaceAll("^\"|\"$", "").strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return headers.containsAll(SIGNATURE);
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        Path file = ctx.input();
        byte[] head = CharsetSniffer.readHead(file);
        if (head.length == 0) {
            throw new SourceException(Location.file(file.toString()), "file is empty");
        }
        CsvOptions options = ctx.options(CsvOptions.class);
        CharsetSniffer.Sniffed cs = CharsetSniffer.sniff(head, options.legacyEncoding());
        Charset charset = options.encoding() != null ? options.encoding() : cs.charset();
        String why = options.encoding() != null ? "--encoding" : cs.reason();
        ctx.report().fact("encoding", charset.name() + " (" + why + ")");
        String sample = new String(head, cs.bomLength(), head.length - cs.bomLength(), charset);
        char delimiter = DelimiterSniffer.sniff(sample).delimiter();
        CsvRowSource rows = new CsvRowSource(file, charset, cs.bomLength(), delimiter, 0,
                h -> AsanaCsv.STANDARD.contains(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)));
        ctx.issue(IssueCode.SOURCE_DIALECT, Location.file(file.toString()), "read as " + charset.name() + " ("
                + why + "), delimiter '" + delimiter + "', header on line " + rows.headerLine());
        AsanaCsv csv = new AsanaCsv(rows, AsanaMapping.load(ctx.common().mapping()), ctx);
        AsanaRun.run(ctx, sink, csv::read, "asana csv");
    }
}
