package io.kaitenimport.source.jira;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Loss;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Jira REST JSON ({@code --from jira}): /search and /search/jql results, single issues, and several files (or a
 * folder) merged into one package. Two passes over the inputs: the first indexes ids, keys, statuses, field shapes
 * and references; the second writes cards, comments, files and timers with references resolved. Only one issue is
 * in memory at a time, so memory grows with the number of issues, not with their text.
 */
public final class JiraSourceAdapter implements SourceAdapter {
    private static final Pattern ISSUES = Pattern.compile("\"issues\"\\s*:\\s*\\[");
    private static final Pattern FIELDS = Pattern.compile("\"fields\"\\s*:\\s*\\{");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"");

    @Override
    public String name() {
        return "jira";
    }

    @Override
    public String describe() {
        return "Jira JSON export";
    }

    @Override
    public List<Class<?>> optionTypes() {
        return List.of(JiraOptions.class);
    }

    /** Several search results (pages, projects) merge into one package. */
    @Override
    public boolean acceptsSeveral() {
        return true;
    }

    /** A folder stands for its {@code *.json} files, sorted by name. */
    @Override
    public List<Path> expand(Path argument) throws IOException {
        if (!Files.isDirectory(argument)) {
            return List.of(argument);
        }
        List<Path> json = jsonFiles(argument);
        if (json.isEmpty()) {
            throw new SourceException(Location.file(argument.toString()), "folder has no .json files");
        }
        return json;
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * A JSON object whose head has {@code "issues": [} and {@code "fields": {}, or an issue {@code "key"}; a folder
     * whose first {@code .json} file is one.
     */
    @Override
    public boolean detect(Path input, byte[] head) {
        if (Files.isDirectory(input)) {
            try {
                List<Path> json = jsonFiles(input);
                if (json.isEmpty()) {
                    return false;
                }
                try (InputStream in = Files.newInputStream(json.get(0))) {
                    return detect(json.get(0), in.readNBytes(64 * 1024));
                }
            } catch (IOException e) {
                return false;
            }
        }
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).stripLeading();
        }
        if (!s.startsWith("{") || !FIELDS.matcher(s).find()) {
            return false;
        }
        return ISSUES.matcher(s).find() || KEY.matcher(s).find();
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        JiraMapping mapping = JiraMapping.load(ctx.common().mapping());
        List<Path> inputs = ctx.inputs();
        int issues = JiraPipeline.convert(ctx, sink, mapping, inputs.get(0).getFileName().toString(),
                (index, catalog) -> {
                    Map<Long, Long> totals = new TreeMap<>();
                    for (int i = 0; i < inputs.size(); i++) {
                        IssueStream.Page page = IssueStream.read(inputs.get(i), i, index::index);
                        catalog.addNames(page.names(), Location.record(inputs.get(i).getFileName().toString(),
                                null, null, "/names"));
                        catalog.addSchema(page.schema());
                        pageChecks(page, inputs.get(i), totals, ctx);
                    }
                    missingPages(totals, ctx);
                },
                visitor -> {
                    for (int i = 0; i < inputs.size(); i++) {
                        IssueStream.read(inputs.get(i), i, visitor);
                    }
                });
        ctx.report().fact("jira issues", issues + " from " + inputs.size() + " file(s)");
    }

    private static void pageChecks(IssueStream.Page page, Path input, Map<Long, Long> totals, SourceContext ctx) {
        String name = input.getFileName().toString();
        if (Boolean.FALSE.equals(page.isLast()) || page.nextPageToken() != null) {
            ctx.issue(IssueCode.SOURCE_STRUCTURE, Location.file(name), "this is one page of a /search/jql result"
                    + " (isLast is false or a nextPageToken is given); give every page as an input");
        }
        if (page.total() != null && !page.single()) {
            totals.merge(page.total(), page.issues(), Long::sum);
        }
    }

    /**
     * /search pages carry their query's total; the pages of one search share it, so the issues of all files with the
     * same total should add up to it, and a shortfall means pages are missing.
     */
    private static void missingPages(Map<Long, Long> totals, SourceContext ctx) {
        for (Map.Entry<Long, Long> t : totals.entrySet()) {
            long missing = t.getKey() - t.getValue();
            if (missing > 0) {
                ctx.lost(Loss.of("jira search", "matched by the search but not in the export (missing pages)",
                        missing), IssueCode.SOURCE_STRUCTURE, Location.NONE, "a search matched " + t.getKey()
                        + " issues but its pages in the input hold " + t.getValue() + "; give every page as an input");
            }
        }
    }
}
