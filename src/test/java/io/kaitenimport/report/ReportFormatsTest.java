package io.kaitenimport.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import io.kaitenimport.issue.IssueCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report format carries the same issues, with positions, from one run. */
class ReportFormatsTest {
    @TempDir
    Path tmp;

    /** A package with one dangling reference and an unknown field: two errors at known places. */
    private Path brokenPackage() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(p.resolve("meta-data.json"), """
                {"entities":["boards","columns","cards"],"entities_paths_map":{"boards":["./b.json"],
                "columns":["./c.json"],"cards":["./k.json"]}}""");
        Files.writeString(p.resolve("b.json"), "[{\"id\":\"b1\",\"title\":\"Board <1>\"}]");
        Files.writeString(p.resolve("c.json"), "[{\"id\":\"c1\",\"title\":\"Todo\",\"board_id\":\"b1\",\"type\":1}]");
        Files.writeString(p.resolve("k.json"), "[{\"id\":\"k1\",\"title\":\"A\",\"column_id\":\"c9\"}]");
        return p;
    }

    @Test
    void jsonJunitSarifHtmlAgree() throws Exception {
        Path pkg = brokenPackage();
        Path json = tmp.resolve("r.json");
        Path junit = tmp.resolve("r.xml");
        Path sarif = tmp.resolve("r.sarif");
        Path html = tmp.resolve("r.html");
        Cli.Run r = Cli.run("validate", pkg.toString(), "--report-json", json.toString(), "--report-junit",
                junit.toString(), "--report-sarif", sarif.toString(), "--report-html", html.toString());
        assertEquals(1, r.exit(), r.all());

        JsonNode j = Json.MAPPER.readTree(json.toFile());
        assertEquals(1, j.get("summary").get("errors").asInt(), j.toString());
        JsonNode issue = j.get("issues").get(0);
        assertEquals("ref.unresolved", issue.get("code").asText());
        assertEquals("k.json", issue.get("location").get("file").asText());
        assertEquals("/column_id", issue.get("location").get("pointer").asText());

        Document x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = x.getDocumentElement();
        // One case per check that ran: package structure, the schema of each entity, references.
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList failures = x.getElementsByTagName("failure");
        Element failed = (Element) failures.item(0).getParentNode();
        assertEquals("references between records", failed.getAttribute("name"));
        assertTrue(failures.item(0).getTextContent().contains("ref.unresolved"));

        JsonNode s = Json.MAPPER.readTree(sarif.toFile());
        assertEquals("2.1.0", s.get("version").asText());
        JsonNode run = s.get("runs").get(0);
        assertEquals(IssueCode.values().length + 1, run.get("tool").get("driver").get("rules").size());
        JsonNode result = run.get("results").get(0);
        assertEquals("ref.unresolved", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        assertEquals("k.json", result.get("locations").get(0).get("physicalLocation").get("artifactLocation")
                .get("uri").asText());

        String page = Files.readString(html);
        assertTrue(page.contains("ref.unresolved"));
        assertFalse(page.contains("<script src") || page.contains("<link"), "one offline file");
    }

    @Test
    void htmlEscapesSourceText() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", io.kaitenimport.report.html.Html.esc("<b> & \"x\" 'y'"));
    }
}
