package io.kaitenimport.report;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.LossLedger;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.Severity;
import io.kaitenimport.model.Entity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JUnit XML for CI systems that render test results: one test case per check that ran — the package structure,
 * the schema of each entity, the references between records, each source check of a conversion, and each source
 * field that lost values. Errors always fail their case; warnings and data loss fail when {@code --fail-on} names
 * them, otherwise they are listed in the case's {@code system-out}. Harmless losses (order, layout) never fail.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /** One test case: its class and name, the lines that fail it and the lines that only inform. */
    private record Case(String classname, String name, List<String> failures, List<String> notes) {
        Case(String classname, String name) {
            this(classname, name, new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void write(Report r, Set<FailOn> gate, OutputStream out) throws IOException {
        List<Case> cases = cases(r, gate);
        long failures = cases.stream().filter(c -> !c.failures().isEmpty()).count();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "kaiten-import " + r.command());
            w.writeAttribute("tests", String.valueOf(cases.size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeCharacters("\n");
            for (Case c : cases) {
                w.writeStartElement("testcase");
                w.writeAttribute("classname", c.classname());
                w.writeAttribute("name", c.name());
                if (!c.failures().isEmpty()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", c.failures().get(0));
                    w.writeCharacters(String.join("\n", c.failures()) + "\n");
                    w.writeEndElement();
                }
                if (!c.notes().isEmpty()) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(String.join("\n", c.notes()) + "\n");
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static List<Case> cases(Report r, Set<FailOn> gate) {
        boolean convert = "convert".equals(r.command());
        Map<String, Case> cases = new LinkedHashMap<>();
        if (convert) {
            cases.put("source", new Case("kaiten-import.source", "source: read " + r.facts().getOrDefault("input", "")));
            for (IssueCode c : IssueCode.values()) {
                if (c.severity() == Severity.WARNING && (c.code().startsWith("source.") || c.code().startsWith("option."))) {
                    cases.put(c.code(), new Case("kaiten-import.source", "source: " + c.title() + " (" + c.code() + ")"));
                }
            }
        }
        cases.put("package", new Case("kaiten-import.package", "package: structure and meta-data.json"));
        for (Entity e : Entity.values()) {
            if (r.counts().containsKey(e)) {
                cases.put("schema " + e.key(), new Case("kaiten-import.schema", "schema: " + e.key()));
            }
        }
        cases.put("references", new Case("kaiten-import.references", "references between records"));
        boolean warningsFail = gate.contains(FailOn.WARNING);
        for (Issue i : r.issues()) {
            Case c = cases.computeIfAbsent(caseKey(i, cases.keySet(), convert), k -> new Case("kaiten-import.schema",
                    "schema: " + k.substring(k.indexOf(' ') + 1)));
            boolean fails = i.severity() == Severity.ERROR || i.severity() == Severity.WARNING && warningsFail;
            (fails ? c.failures() : c.notes()).add(i.toString());
        }
        for (Map.Entry<IssueCode, Long> n : r.issueCounts().entrySet()) {
            long kept = r.issues().stream().filter(i -> i.code() == n.getKey()).count();
            if (n.getValue() > kept) {
                Issue any = r.issues().stream().filter(i -> i.code() == n.getKey()).findFirst().orElseThrow();
                Case c = cases.get(caseKey(any, cases.keySet(), convert));
                (c.failures().isEmpty() ? c.notes() : c.failures()).add("… " + Numbers.n(n.getValue() - kept)
                        + " more " + n.getKey().code());
            }
        }
        boolean lossFails = gate.contains(FailOn.LOSS);
        for (LossLedger.Entry e : LossRank.ranked(r.losses().entries())) {
            LossRank rank = LossRank.of(e);
            Case c = cases.computeIfAbsent("loss " + e.sourceField(), k -> new Case("kaiten-import.loss",
                    "data loss: " + e.sourceField()));
            String line = Numbers.n(e.count()) + " × " + e.sourceField() + " — " + e.reason()
                    + (e.firstAt().toString().isEmpty() ? "" : " (first at " + e.firstAt() + ")")
                    + (rank == LossRank.HARMLESS ? " [harmless: " + rank.meaning() + "]" : "");
            (lossFails && rank != LossRank.HARMLESS ? c.failures() : c.notes()).add(line);
        }
        return new ArrayList<>(cases.values());
    }

    /** Which check an issue belongs to. */
    private static String caseKey(Issue i, Set<String> known, boolean convert) {
        String code = i.code().code();
        if (code.startsWith("source.") || code.startsWith("option.")) {
            return known.contains(code) ? code : convert ? "source" : "package";
        }
        if (code.startsWith("schema.")) {
            String file = i.location().file() == null ? "" : i.location().file();
            String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            for (Entity e : Entity.values()) {
                if (name.startsWith(e.key() + "_") || name.equals(e.key() + ".json")) {
                    return "schema " + e.key();
                }
            }
            return "schema " + (name.isEmpty() ? "records" : name);
        }
        if (code.startsWith("id.") || code.startsWith("ref.") || code.startsWith("timer.") || code.startsWith("user.")
                || code.equals("file.path-missing")) {
            return "references";
        }
        return "package";
    }
}
