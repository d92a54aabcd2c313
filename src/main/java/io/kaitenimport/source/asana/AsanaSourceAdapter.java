package io.kaitenimport.source.asana;

import io.kaitenimport.emit.ModelSink;
import io.kaitenimport.source.SourceAdapter;
import io.kaitenimport.source.SourceContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code --from asana}: Asana JSON — the project's "Export → JSON" and API captures ({@code {"data": [task…]}},
 * one task) → a board per project, sections as columns, subtasks as child cards, stories as comments and column
 * moves. Settings in {@code mappings/asana.yaml}; policies in the README.
 */
public final class AsanaSourceAdapter implements SourceAdapter {
    /** Asana objects carry a {@code gid}, which neither Trello nor Jira writes. */
    private static final Pattern GID = Pattern.compile("\"gid\"\\s*:\\s*\"");
    /** Keys or values only Asana tasks have; one of them besides a gid is enough. */
    private static final Pattern ASANA = Pattern.compile("\"resource_type\"\\s*:\\s*\"(task|section|project|story)\""
            + "|\"(resource_subtype|memberships|html_notes|assignee_status|assignee_section|permalink_url)\"\\s*:"
            + "|app\\.asana\\.com");

    @Override
    public String name() {
        return "asana";
    }

    @Override
    public String describe() {
        return "Asana JSON export";
    }

    @Override
    public boolean detect(Path input, byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).stripLeading();
        }
        return (s.startsWith("{") || s.startsWith("[")) && GID.matcher(s).find() && ASANA.matcher(s).find();
    }

    @Override
    public void read(SourceContext ctx, ModelSink sink) throws IOException {
        AsanaRun.run(ctx, sink, (c, report, handler) -> AsanaJson.read(c.input(), c, report, handler), "asana");
    }
}
