package io.kaitenimport.report;

import io.kaitenimport.issue.Report;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI systems that render test results: one test case per issue code of the catalog, failing with
 * one {@code <failure>} line per error issue; warnings go to {@code system-out}. A clean package is all green.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(Report r, OutputStream out) throws IOException {
        Map<IssueCode, List<Issue>> byCode = new LinkedHashMap<>();
        for (IssueCode c : IssueCode.values()) {
            byCode.put(c, new ArrayList<>());
        }
        for (Issue i : r.issues()) {
            byCode.get(i.code()).add(i);
        }
        long failures = byCode.values().stream().filter(l -> l.stream().anyMatch(i -> i.severity() == Severity.ERROR))
                .count();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "kaiten-import " + r.command());
            w.writeAttribute("tests", String.valueOf(byCode.size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeCharacters("\n");
            for (Map.Entry<IssueCode, List<Issue>> e : byCode.entrySet()) {
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "kaiten-import." + e.getKey().code().replaceFirst("\\..*", ""));
                w.writeAttribute("name", e.getKey().code() + " — " + e.getKey().title());
                StringBuilder errors = new StringBuilder();
                StringBuilder others = new StringBuilder();
                long total = r.issueCounts().getOrDefault(e.getKey(), 0L);
                for (Issue i : e.getValue()) {
                    (i.severity() == Severity.ERROR ? errors : others).append(i).append('\n');
                }
                if (total > e.getValue().size()) {
                    (errors.length() > 0 ? errors : others).append("… ").append(total - e.getValue().size())
                            .append(" more\n");
                }
                if (errors.length() > 0) {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", total + " × " + e.getKey().title());
                    w.writeAttribute("type", e.getKey().code());
                    w.writeCharacters(errors.toString());
                    w.writeEndElement();
                }
                if (others.length() > 0) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(others.toString());
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
}
