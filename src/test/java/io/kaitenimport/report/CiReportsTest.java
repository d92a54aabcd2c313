package io.kaitenimport.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JUnit with one test case per check (and per lost field) that fails by --fail-on, and SARIF that validates
 * against the published SARIF 2.1.0 schema and carries what GitHub code scanning needs.
 */
class CiReportsTest {
    @TempDir
    Path tmp;

    /** Sprint is unmapped (loss), bob has no email (warning + loss), line 3 has a bad date column (loss). */
    private Path csv() throws Exception {
        return Files.writeString(tmp.resolve("tasks.csv"),
                "ID,Title,Status,Assignee,Sprint\n1,Alpha,Done,bob,S1\n2,Beta,To do,,S2\n");
    }

    private Document junit(String... failOn) throws Exception {
        Path xml = tmp.resolve("junit-" + failOn.length + ".xml");
        List<String> args = new ArrayList<>(List.of("convert", csv().toString(), "-o", tmp.resolve("t.zip").toString(),
                "-q", "--report-junit", xml.toString()));
        for (String f : failOn) {
            args.add("--fail-on");
            args.add(f);
        }
        Cli.run(args.toArray(String[]::new));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    private static Element testCase(Document d, String name) {
        NodeList cases = d.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            names.add(e.getAttribute("name"));
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case '" + name + "' in " + names);
    }

    private static boolean fails(Element testCase) {
        return testCase.getElementsByTagName("failure").getLength() > 0;
    }

    @Test
    void junitHasACasePerCheckAndFailsWhatFailOnNames() throws Exception {
        Document plain = junit();
        Element schema = testCase(plain, "schema: cards");
        Element refs = testCase(plain, "references between records");
        Element people = testCase(plain, "source: Person without email (source.user-unmapped)");
        Element sprint = testCase(plain, "data loss: " + tmp.resolve("tasks.csv") + " column 'Sprint'");
        assertFalse(fails(schema) || fails(refs) || fails(people) || fails(sprint));
        assertTrue(people.getElementsByTagName("system-out").item(0).getTextContent().contains("'bob'"));
        assertEquals("0", plain.getDocumentElement().getAttribute("failures"));

        Document warn = junit("warning");
        assertTrue(fails(testCase(warn, "source: Person without email (source.user-unmapped)")));
        assertFalse(fails(testCase(warn, "data loss: " + tmp.resolve("tasks.csv") + " column 'Sprint'")));

        Document loss = junit("loss");
        assertTrue(fails(testCase(loss, "data loss: " + tmp.resolve("tasks.csv") + " column 'Sprint'")));
        assertFalse(fails(testCase(loss, "source: Person without email (source.user-unmapped)")));
        assertFalse(fails(testCase(loss, "schema: cards")));
    }

    @Test
    void sarifValidatesAgainstTheSchemaAndUsesRelativeUris() throws Exception {
        Path sarif = tmp.resolve("r.sarif");
        Path relative = Path.of("").toAbsolutePath().relativize(csv().toAbsolutePath());
        Cli.Run r = Cli.run("convert", relative.toString(), "-o", tmp.resolve("t.zip").toString(), "-q",
                "--report-sarif", sarif.toString());
        assertEquals(0, r.exit(), r.all());
        String text = Files.readString(sarif);
        assertSchemaValid(text);

        JsonNode run = Json.MAPPER.readTree(text).get("runs").get(0);
        assertFalse(run.get("tool").get("driver").get("version").asText().isEmpty());
        assertTrue(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText().startsWith("file:///"));
        assertTrue(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText().endsWith("/"));
        JsonNode person = null;
        JsonNode loss = null;
        for (JsonNode res : run.get("results")) {
            if (res.get("ruleId").asText().equals("source.user-unmapped")) {
                person = res;
            }
            if (res.get("ruleId").asText().equals("data.loss") && res.get("message").get("text").asText().contains("Sprint")) {
                loss = res;
            }
        }
        assertNotNull(person);
        JsonNode phys = person.get("locations").get(0).get("physicalLocation");
        assertEquals(relative.toString().replace('\\', '/'), phys.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", phys.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(2, phys.get("region").get("startLine").asInt());
        assertEquals(4, phys.get("region").get("startColumn").asInt());
        assertNotNull(loss, "data loss is reported as notes");
        assertEquals("note", loss.get("level").asText());
        for (JsonNode res : run.get("results")) {
            for (JsonNode l : res.path("locations")) {
                for (JsonNode ll : l.path("logicalLocations")) {
                    assertFalse(ll.get("fullyQualifiedName").asText().isBlank(), "no empty location names");
                }
            }
        }
    }

    @Test
    void sarifOfAPackageNamesEntriesRelativeToThePackage() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(p.resolve("meta-data.json"), """
                {"entities":["boards","columns","cards"],"entities_paths_map":{"boards":["./b.json"],
                "columns":["./c.json"],"cards":["./k.json"]}}""");
        Files.writeString(p.resolve("b.json"), "[{\"id\":\"b1\",\"title\":\"B\"}]");
        Files.writeString(p.resolve("c.json"), "[{\"id\":\"c1\",\"title\":\"Todo\",\"board_id\":\"b1\",\"type\":1}]");
        Files.writeString(p.resolve("k.json"), "[{\"id\":\"k1\",\"title\":\"A\",\"column_id\":\"c9\"}]");
        Path sarif = tmp.resolve("v.sarif");
        assertEquals(1, Cli.run("validate", p.toString(), "-q", "--report-sarif", sarif.toString()).exit());
        String text = Files.readString(sarif);
        assertSchemaValid(text);
        JsonNode run = Json.MAPPER.readTree(text).get("runs").get(0);
        JsonNode loc = run.get("results").get(0).get("locations").get(0);
        assertEquals("k.json", loc.get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals("PACKAGE", loc.get("physicalLocation").get("artifactLocation").get("uriBaseId").asText());
        assertTrue(run.get("originalUriBaseIds").get("PACKAGE").get("uri").asText().endsWith("/pkg/"));
        assertTrue(loc.get("logicalLocations").get(0).get("fullyQualifiedName").asText().contains("/column_id"));
    }

    @Test
    void theSchemaCheckCatchesBrokenSarif() {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertSchemaValid("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}"));
    }

    static void assertSchemaValid(String sarif) throws Exception {
        String schemaText;
        try (InputStream in = CiReportsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(schemaText, InputFormat.JSON);
        List<Error> errors = schema.validate(sarif, InputFormat.JSON);
        assertTrue(errors.isEmpty(), "SARIF does not match the 2.1.0 schema: " + errors);
    }
}
