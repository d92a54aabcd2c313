package io.kaitenimport.source.jiracsv;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.csv.CharsetSniffer;
import io.kaitenimport.source.csv.CsvOptions;
import io.kaitenimport.source.csv.CsvRowSource;
import io.kaitenimport.source.csv.CsvSourceAdapter;
import io.kaitenimport.source.jira.JiraMapping;
import io.kaitenimport.source.jira.JiraOptions;
import io.kaitenimport.source.jira.JiraPipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's "Export Excel CSV (all fields / current fields)" ({@code --from jira-csv}, detected by its header): read
 * like any CSV (charset, delimiter, quoted multi-line cells), columns taken by index, and converted by the Jira
 * pipeline with {@code mappings/jira.yaml}, so cards, columns, people, relations, comments, timers, files and
 * custom fields follow the Jira JSON adapter's conventions.
 */
public final class JiraCsvSourceAdapter implements SourceAdapter {
    private static final Pattern SITE = Pattern.compile(
            "(https?://[A-Za-z0-9.-]+(?::\\d+)?(?:/jira)?)/(?:rest/api/\\d+/attachment|secure/attachment|browse)/");
    private static final Pattern CSV_LINE = Pattern.compile("[,;\t]");

    @Override
    public String name() {
        return "jira-csv";
    }

    @Override
    public String describe() {
        return "Jira CSV export";
    }

    @Override
    public List<Class<?>> optionTypes() {
        return List.of(CsvOptions.class, JiraOptions.class);
    }

    /** A CSV whose first line names Jira's identity columns: Issue key, Issue id, Summary and Status. */
    @Override
    public boolean detect(Path input, byte[] head) {
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (head.length == 0 || !(n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv"))) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        if (!CSV_LINE.matcher(first).find()) {
            return false;
        }
        List<String> cells = List.of(first.replace("\"", "").strip().split("[,;\t]"));
        return JiraCsvColumns.isJiraHeader(cells);
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        Path file = ctx.input();
        JiraMapping mapping = JiraMapping.load(ctx.common().mapping());
        CsvRowSource rows = CsvSourceAdapter.open(ctx, file, h -> {
            String l = h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            return l.equals("issue key") || l.equals("issue id") || l.equals("summary");
        });
        if (!JiraCsvColumns.isJiraHeader(rows.header())) {
            throw new SourceException(Location.cell(file.toString(), rows.headerLine(), null, null),
                    "not a Jira CSV export: the header has no 'Issue key', 'Issue id', 'Summary' and 'Status' "
                            + "columns (convert it with --from csv)");
        }
        JiraCsvColumns columns = new JiraCsvColumns(rows.header());
        String site = site(file);
        if (site == null) {
            ctx.issue(IssueCode.SOURCE_RULE, Location.file(file.toString()), "no Jira site URL in the file (from "
                    + "attachment URLs); cards get no browse link");
        }
        JiraCsvIssues issues = new JiraCsvIssues(ctx, rows, columns, site);
        int n = JiraPipeline.run(ctx, sink, mapping, issues, file.toString());
        ctx.report().fact("jira issues", n + " from " + file.getFileName() + " (CSV, " + rows.header().size()
                + " columns)");
    }

    /** The site base URL from the first attachment or browse URL near the top of the file, or null. */
    private static String site(Path file) throws IOException {
        byte[] head = CharsetSniffer.readHead(file);
        Matcher m = SITE.matcher(new String(head, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }
}
