package io.kaitenimport.report;

import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kaitenimport.emit.Json;
import io.kaitenimport.model.Entity;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** The machine-readable report ({@code --report-json}): the same model as the text report, nothing more. */
public final class JsonReport {
    private JsonReport() {
    }

    public static void write(Report r, boolean written, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(Json.printer());
            g.writeStartObject();
            g.writeStringField("tool", "kaiten-import");
            g.writeStringField("command", r.command());
            g.writeObjectFieldStart("facts");
            for (Map.Entry<String, String> f : r.facts().entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
            g.writeBooleanField("package_written", written);
            g.writeObjectFieldStart("counts");
            for (Entity e : Entity.values()) {
                Long n = r.counts().get(e);
                if (n != null) {
                    g.writeNumberField(e.key(), n);
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.label() + "s", r.count(s));
            }
            g.writeNumberField("lost_values", r.losses().total());
            g.writeEndObject();
            g.writeObjectFieldStart("issue_counts");
            for (Map.Entry<IssueCode, Long> c : r.issueCounts().entrySet()) {
                g.writeNumberField(c.getKey().code(), c.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("issues");
            for (Issue i : r.issues()) {
                g.writeStartObject();
                g.writeStringField("code", i.code().code());
                g.writeStringField("severity", i.severity().label());
                g.writeStringField("title", i.code().title());
                g.writeStringField("message", i.message());
                writeLocation(g, i.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("data_loss");
            for (LossLedger.Entry e : r.losses().entries()) {
                g.writeStartObject();
                g.writeStringField("source_field", e.sourceField());
                g.writeStringField("reason", e.reason());
                g.writeNumberField("count", e.count());
                writeLocation(g, e.firstAt());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeSections(g, r);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** Extra tables (pre-flight "Target"), each row an object keyed by its snake_cased headings; absent when none. */
    private static void writeSections(JsonGenerator g, Report r) throws IOException {
        if (r.sections().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("sections");
        for (io.kaitenimport.issue.ReportSection s : r.sections()) {
            g.writeStartObject();
            g.writeStringField("title", s.title());
            g.writeArrayFieldStart("rows");
            for (java.util.List<String> row : s.rows()) {
                g.writeStartObject();
                for (int c = 0; c < s.columns().size(); c++) {
                    g.writeStringField(key(s.columns().get(c)), row.get(c));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A column heading as a JSON key: "Kaiten id" → kaiten_id. */
    private static String key(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static void writeLocation(JsonGenerator g, Location l) throws IOException {
        if (l == null || l.equals(Location.NONE)) {
            return;
        }
        g.writeObjectFieldStart("location");
        if (l.file() != null) g.writeStringField("file", l.file());
        if (l.line() != null) g.writeNumberField("line", l.line());
        if (l.column() != null) g.writeNumberField("column", l.column());
        if (l.field() != null) g.writeStringField("field", l.field());
        if (l.recordIndex() != null) g.writeNumberField("record_index", l.recordIndex());
        if (l.recordId() != null) g.writeStringField("record_id", l.recordId());
        if (l.pointer() != null) g.writeStringField("pointer", l.pointer());
        g.writeEndObject();
    }
}
