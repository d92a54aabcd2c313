package io.kaitenimport.report;

import io.kaitenimport.issue.Report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.io.IOException;
import java.io.OutputStream;

/**
 * SARIF 2.1.0 for code-scanning viewers: the issue catalog becomes the tool's rules, each issue a result with its
 * file and, where known, line and column; record index and JSON pointer go into the logical location.
 */
public final class SarifReport {
    private SarifReport() {
    }

    public static void write(Report r, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(Json.printer());
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "kaiten-import");
            g.writeStringField("informationUri", "https://github.com/kaiten-import/kaiten-import");
            g.writeArrayFieldStart("rules");
            for (IssueCode c : IssueCode.values()) {
                g.writeStartObject();
                g.writeStringField("id", c.code());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", c.title());
                g.writeEndObject();
                g.writeObjectFieldStart("fullDescription");
                g.writeStringField("text", c.description());
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", level(c.severity()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Issue i : r.issues()) {
                g.writeStartObject();
                g.writeStringField("ruleId", i.code().code());
                g.writeStringField("level", level(i.severity()));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", i.message());
                g.writeEndObject();
                writeLocation(g, i.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static String level(io.kaitenimport.issue.Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static void writeLocation(JsonGenerator g, Location l) throws IOException {
        if (l.file() == null && l.pointer() == null) {
            return;
        }
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (l.file() != null) {
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", l.file().replace('\\', '/'));
            g.writeEndObject();
            if (l.line() != null) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", l.line());
                if (l.column() != null) {
                    g.writeNumberField("startColumn", l.column());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        if (l.pointer() != null || l.recordIndex() != null || l.field() != null) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            StringBuilder name = new StringBuilder();
            if (l.recordIndex() != null) {
                name.append('#').append(l.recordIndex());
            }
            if (l.recordId() != null) {
                name.append(" (id ").append(l.recordId()).append(')');
            }
            if (l.field() != null) {
                name.append(name.length() > 0 ? " " : "").append(l.field());
            }
            if (l.pointer() != null) {
                name.append(name.length() > 0 ? " " : "").append(l.pointer());
            }
            g.writeStringField("fullyQualifiedName", name.toString().strip());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }
}
