package io.kaitenimport.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: the issue catalog (plus {@value #LOSS_RULE}) as the tool's
 * rules, each issue a result. Source files are URIs relative to the working directory ({@code %SRCROOT%} in
 * {@code originalUriBaseIds}), package entries relative to the package ({@code PACKAGE}); regions where a line is
 * known; record index and JSON pointer as the logical location; every lost source field a {@code note}.
 */
public final class SarifReport {
    static final String LOSS_RULE = "data.loss";
    private static final String SRCROOT = "%SRCROOT%";
    private static final String PACKAGE = "PACKAGE";

    private SarifReport() {
    }

    public static void write(Report r, OutputStream out) throws IOException {
        write(r, Path.of("").toAbsolutePath(), out);
    }

    static void write(Report r, Path cwd, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(Json.printer());
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            tool(g);
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart(SRCROOT);
            g.writeStringField("uri", dirUri(cwd));
            g.writeObjectFieldStart("description");
            g.writeStringField("text", "the working directory of the run");
            g.writeEndObject();
            g.writeEndObject();
            String pkg = r.facts().getOrDefault("package", r.facts().get("output"));
            g.writeObjectFieldStart(PACKAGE);
            Path pkgPath = pkg == null ? null : cwd.resolve(pkg);
            if (pkgPath != null && Files.isDirectory(pkgPath)) {
                g.writeStringField("uri", dirUri(pkgPath));
            }
            g.writeObjectFieldStart("description");
            g.writeStringField("text", "entries inside the package" + (pkg == null ? "" : " " + pkg));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Issue i : r.issues()) {
                boolean source = i.code().code().startsWith("source.") || i.code().code().startsWith("option.");
                result(g, i.code().code(), level(i.severity()), i.message(), i.location(), source, cwd);
            }
            for (LossLedger.Entry e : LossRank.ranked(r.losses().entries())) {
                result(g, LOSS_RULE, "note", Numbers.n(e.count()) + " × " + e.sourceField() + " cannot be carried into "
                        + "Kaiten: " + e.reason() + " (" + LossRank.of(e).key() + ")", e.firstAt(), true, cwd);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void tool(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "kaiten-import");
        String v = SarifReport.class.getPackage().getImplementationVersion();
        g.writeStringField("version", v == null ? "0.0.0-dev" : v);
        g.writeStringField("informationUri", "https://github.com/kaiten-import/kaiten-import");
        g.writeArrayFieldStart("rules");
        for (IssueCode c : IssueCode.values()) {
            rule(g, c.code(), c.title(), c.description(), level(c.severity()));
        }
        rule(g, LOSS_RULE, "Data loss", "A source field whose values the package cannot carry; the count, the "
                + "reason and the first position are given. Nothing is dropped silently.", "note");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, String id, String title, String description, String level)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", title.replaceAll("[^A-Za-z0-9]+", " ").strip().replace(' ', '-'));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", title);
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", description);
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, String rule, String level, String message, Location l,
                               boolean sourceFile, Path cwd) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", rule);
        g.writeStringField("level", level);
        g.writeObjectFieldStart("message");
        g.writeStringField("text", message.isBlank() ? rule : message);
        g.writeEndObject();
        writeLocation(g, l, sourceFile, cwd);
        g.writeEndObject();
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static void writeLocation(JsonGenerator g, Location l, boolean sourceFile, Path cwd) throws IOException {
        String logical = logicalName(l);
        if (l.file() == null && logical.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (l.file() != null) {
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            Path p = Path.of(l.file());
            if (sourceFile && p.isAbsolute() && !p.normalize().startsWith(cwd)) {
                g.writeStringField("uri", p.normalize().toUri().toASCIIString());
            } else {
                String rel = p.isAbsolute() ? cwd.relativize(p.normalize()).toString() : l.file();
                g.writeStringField("uri", relativeUri(rel));
                g.writeStringField("uriBaseId", sourceFile ? SRCROOT : PACKAGE);
            }
            g.writeEndObject();
            if (l.line() != null && l.line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", l.line());
                if (l.column() != null && l.column() > 0) {
                    g.writeNumberField("startColumn", l.column());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        if (!logical.isEmpty()) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("fullyQualifiedName", logical);
            g.writeStringField("kind", l.pointer() != null ? "object" : "member");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    /** Record, field and JSON pointer, e.g. {@code #4 (id 17) /title}; empty when none is known. */
    private static String logicalName(Location l) {
        StringBuilder name = new StringBuilder();
        if (l.recordIndex() != null) {
            name.append('#').append(l.recordIndex());
        }
        if (l.recordId() != null) {
            name.append(" (id ").append(l.recordId()).append(')');
        }
        if (l.field() != null) {
            name.append(' ').append(l.field());
        }
        if (l.pointer() != null) {
            name.append(' ').append(l.pointer().isEmpty() ? "/" : l.pointer());
        }
        return name.toString().strip();
    }

    private static String relativeUri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.replace('\\', '/');
        }
    }

    private static String dirUri(Path dir) {
        String u = dir.toAbsolutePath().normalize().toUri().toASCIIString();
        return u.endsWith("/") ? u : u + "/";
    }
}
