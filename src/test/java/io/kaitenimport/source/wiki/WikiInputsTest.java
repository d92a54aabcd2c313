package io.kaitenimport.source.wiki;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zips (Notion multi-part, hostile, broken), odd bytes and cyclic trees: located one-liners, never a crash. */
class WikiInputsTest {
    private static final String ID1 = "0123456789abcdef0123456789abcdef";
    private static final String ID2 = "fedcba9876543210fedcba9876543210";
    private static final String ID3 = "00112233445566778899aabbccddeeff";

    @TempDir
    Path tmp;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void notionMultiPartZipWithSameNamedFilesAndPercentNames() throws Exception {
        Path part1 = tmp.resolve("Export-x-Part-1.zip");
        Map<String, byte[]> p1 = new LinkedHashMap<>();
        p1.put("Team " + ID1 + ".md", b("# Team\n\nCreated: April 21, 2022 8:45 PM\n\n"
                + "See [Plan](Team%20" + ID1 + "/Plan%20" + ID2 + ".md) and [100%](Team%20" + ID1 + "/100%25.md)\n\n"
                + "![Untitled](Team%20" + ID1 + "/Untitled.png)\n"));
        p1.put("Team " + ID1 + "/Untitled.png", b("png-1"));
        p1.put("__MACOSX/._Team " + ID1 + ".md", b("junk"));
        WikiZips.zip(part1, p1);
        Path part2 = tmp.resolve("Export-x-Part-2.zip");
        Map<String, byte[]> p2 = new LinkedHashMap<>();
        p2.put("Team " + ID1 + "/Plan " + ID2 + ".md", b("# Plan\n\n![Untitled](Plan%20" + ID2 + "/Untitled.png)\n"));
        p2.put("Team " + ID1 + "/Plan " + ID2 + "/Untitled.png", b("png-2"));
        p2.put("Team " + ID1 + "/100%.md", b("# 100%\n\nliterally named with a percent sign\n"));
        p2.put("Tasks " + ID3 + ".csv", b("Name,Status\nWrite,Done\n"));
        p2.put("Tasks " + ID3 + "/Write " + ID3.replace('0', '1') + ".md", b("# Write\n\nStatus: Done\n"));
        WikiZips.zip(part2, p2);
        Path outer = tmp.resolve("notion.zip");
        WikiZips.zip(outer, Map.of("Export-x-Part-1.zip", Files.readAllBytes(part1),
                "Export-x-Part-2.zip", Files.readAllBytes(part2)));
        Path out = tmp.resolve("pkg");
        Cli.Run r = Cli.run("convert", outer.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("source:        notion"), r.out());
        String docs = Files.readString(out.resolve("documents_0.json"));
        // Team, Plan, 100%, Tasks (the database as a table) and its row page Write
        assertEquals(5, docs.split("\"title\"").length - 1, docs);
        assertTrue(docs.contains("\"created\" : \"2022-04-21T20:45:00.000Z\""), docs);
        String files = Files.readString(out.resolve("document_files_0.json"));
        assertEquals(2, files.split("\"document_id\"").length - 1, files);
        // both binaries are called Untitled.png; each keeps its own bytes
        assertTrue(Files.readString(out.resolve("files/" + ID1 + "-" + WikiRun.hash("Team " + ID1 + "/Untitled.png")
                .substring(0, 10) + "/Untitled.png")).equals("png-1"));
        String team = Files.readString(out.resolve("documents/" + ID1 + "/Team.md"));
        assertTrue(team.contains("[Plan](kaiten-import://document/" + ID2 + ")"), team);
        assertTrue(team.contains("(kaiten-import://document/doc-"), team);
        assertFalse(team.startsWith("# Team"), team);
        String tasks = Files.readString(out.resolve("documents/" + ID3 + "/Tasks.md"));
        assertTrue(tasks.contains("| Name | Status |") && tasks.contains("[Write](kaiten-import://document/"), tasks);
    }

    @Test
    void brokenZipIsOneLocatedLine() throws Exception {
        Path zip = tmp.resolve("wiki.zip");
        Files.write(zip, b("PK\u0003\u0004 this is not really a zip"));
        Cli.Run r = Cli.run("convert", "--from", "markdown", zip.toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(zip + ": not a readable zip archive"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void zipSlipEntryIsRefusedAtItsName() throws Exception {
        Path zip = tmp.resolve("evil.zip");
        WikiZips.zip(zip, Map.of("ok.md", b("# ok\n"), "../../escape.md", b("# no\n")));
        Cli.Run r = Cli.run("convert", "--from", "markdown", zip.toString(), "-o", tmp.resolve("o.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("[../../escape.md]"), r.err());
        assertTrue(r.err().contains("leaves the archive"), r.err());
        assertFalse(Files.exists(tmp.getParent().resolve("escape.md")));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheFileAndCounted() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        Files.write(dir.resolve("bad.md"), new byte[] {'#', ' ', 'x', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        Path json = tmp.resolve("r.json");
        Cli.Run r = Cli.run("convert", dir.toString(), "-o", tmp.resolve("o").toString(), "--report-json",
                json.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("bad.md: not UTF-8"), r.out());
        assertTrue(r.out().contains("markdown page text"), r.out());
    }

    @Test
    void symlinksInAnExportFolderAreNotFollowed() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "do not package");
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(dir.resolve("Page.md"), "# Page\n\n[s](secret.txt)\n");
        try {
            Files.createSymbolicLink(dir.resolve("secret.txt"), secret);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symlinks here");
        }
        Path out = tmp.resolve("o");
        Cli.Run r = Cli.run("convert", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertFalse(Files.exists(out.resolve("document_files_0.json")));
        assertTrue(r.out().contains("1 × markdown file reference"), r.out());
    }

    @Test
    void confluenceBreadcrumbCycleIsBrokenAndReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(dir.resolve("index.html"), "<html><body><a href=\"A_1.html\">A</a> <a href=\"B_2.html\">B</a>"
                + "</body></html>");
        Files.writeString(dir.resolve("A_1.html"), page("S : A", "B_2.html"));
        Files.writeString(dir.resolve("B_2.html"), page("S : B", "A_1.html"));
        Path out = tmp.resolve("o");
        Cli.Run r = Cli.run("convert", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("source:        confluence"), r.out());
        assertTrue(r.out().contains("breadcrumbs make a cycle"), r.out());
        String docs = Files.readString(out.resolve("documents_0.json"));
        assertTrue(docs.contains("\"title\" : \"A\"") && docs.contains("\"title\" : \"B\""), docs);
    }

    @Test
    void confluenceAttachmentsGetTheirRealNamesAndIconsAreNotContent() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("space"));
        Files.createDirectories(dir.resolve("attachments/1"));
        Files.createDirectories(dir.resolve("images/icons"));
        Files.write(dir.resolve("attachments/1/55.pdf"), b("pdf"));
        Files.write(dir.resolve("attachments/1/56.png"), b("png"));
        Files.write(dir.resolve("images/icons/bullet.png"), b("icon"));
        Files.writeString(dir.resolve("index.html"), "<html><head><title>Team</title></head><body>"
                + "<div id=\"main-content\"><table><tr><th>Name</th><td>Team Space</td></tr></table></div>"
                + "<a href=\"Home_1.html\">Home</a></body></html>");
        Files.writeString(dir.resolve("Home_1.html"), "<html><head><title>Team Space : Home</title></head><body>"
                + "<ol id=\"breadcrumbs\"><li><a href=\"index.html\">Team Space</a></li></ol>"
                + "<div class=\"page-metadata\">Created by Ann on 24.02.2015</div><div id=\"main-content\">"
                + "<p><img src=\"images/icons/bullet.png\"> See <a href=\"attachments/1/55.pdf\">Plan.pdf</a> and "
                + "<img src=\"attachments/1/56.png?width=300\" data-linked-resource-default-alias=\"Diagram.png\"></p>"
                + "</div></body></html>");
        Path out = tmp.resolve("o");
        Cli.Run r = Cli.run("convert", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(Files.readString(out.resolve("spaces_0.json")).contains("\"title\" : \"Team Space\""));
        String docs = Files.readString(out.resolve("documents_0.json"));
        assertTrue(docs.contains("\"title\" : \"Home\"") && docs.contains("\"created\" : \"2015-02-24T00:00:00.000Z\""),
                docs);
        String files = Files.readString(out.resolve("document_files_0.json"));
        assertTrue(files.contains("\"name\" : \"Plan.pdf\"") && files.contains("\"name\" : \"Diagram.png\""), files);
        assertEquals(2, files.split("\"document_id\"").length - 1, files);
        String body = Files.readString(out.resolve("documents/1/Home.md"));
        assertTrue(body.contains("[Plan.pdf](../../files/1-") && body.contains("/Plan.pdf)"), body);
        assertTrue(body.contains("![](../../files/1-") && !body.contains("icons"), body);
    }

    private static String page(String title, String parent) {
        return "<html><head><title>" + title + "</title></head><body><ol id=\"breadcrumbs\"><li><a href=\"index.html\">S"
                + "</a></li><li><a href=\"" + parent + "\">p</a></li></ol><div id=\"main-content\"><p>Text with "
                + "<a href=\"attachments/1/55.pdf\" data-linked-resource-default-alias=\"Plan.pdf\">Plan.pdf</a></p>"
                + "</div></body></html>";
    }

    @Test
    void aBoardAndAWikiGoIntoOnePackage() throws Exception {
        Path out = tmp.resolve("all");
        Cli.Run r = Cli.run("convert", "sample-exports/trello/garden-board.json", "sample-exports/wiki/handbook",
                "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("source:        trello + markdown"), r.out());
        assertTrue(r.out().contains("input 1:"), r.out());
        assertTrue(r.out().contains("input 2:"), r.out());
        String spaces = Files.readString(out.resolve("spaces_0.json"));
        assertEquals(2, spaces.split("\"id\"").length - 1, spaces);
        assertTrue(spaces.contains("\"title\" : \"garden-board\"") && spaces.contains("\"title\" : \"handbook\""),
                spaces);
        assertTrue(Files.readString(out.resolve("boards_0.json")).contains("\"space_id\" : \"i1-"));
        String docs = Files.readString(out.resolve("documents_0.json"));
        assertTrue(docs.contains("\"id\" : \"i2-doc-") && docs.contains("\"parent_entity_id\" : \"i2-space\""), docs);
        String body = Files.readString(out.resolve("documents/i2-doc-15d5eb798ad75fad/Handbook.md"));
        assertTrue(body.contains("kaiten-import://document/i2-doc-6f3d2d27b1fbe4ac"), body);
        assertTrue(body.contains("../../files/i2-doc-15d5eb798ad75fad-"), body);

        Path shared = tmp.resolve("shared");
        r = Cli.run("convert", "sample-exports/trello/garden-board.json", "sample-exports/wiki/handbook",
                "--space", "Everything", "-o", shared.toString());
        assertEquals(0, r.exit(), r.all());
        spaces = Files.readString(shared.resolve("spaces_0.json"));
        assertEquals(1, spaces.split("\"id\"").length - 1, spaces);
        String sid = spaces.replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
        assertTrue(Files.readString(shared.resolve("documents_0.json")).contains("\"parent_entity_id\" : \"" + sid
                + "\""));
        assertTrue(Files.readString(shared.resolve("boards_0.json")).contains("\"space_id\" : \"" + sid + "\""));
    }

    @Test
    void severalJiraFilesStayOneInputBesideAWiki() throws Exception {
        Path out = tmp.resolve("jw");
        Cli.Run r = Cli.run("convert", "sample-exports/jira/server-v2-search.json", "sample-exports/wiki/handbook",
                "sample-exports/jira/cloud-v3-search.json", "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("input 1:       sample-exports/jira/server-v2-search.json, "
                + "sample-exports/jira/cloud-v3-search.json (jira, ids i1-…)"), r.out());
        assertTrue(r.out().contains("input 2:       sample-exports/wiki/handbook (markdown, ids i2-…)"), r.out());
        assertFalse(r.out().contains("input 3"), r.out());
        String spaces = Files.readString(out.resolve("spaces_0.json"));
        assertEquals(2, spaces.split("\"id\"").length - 1, spaces);
    }

    @Test
    void aFolderOfJiraJsonWithAReadmeIsStillJira() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("jira-dump"));
        Files.copy(Path.of("sample-exports/jira/server-v2-search.json"), dir.resolve("page-1.json"));
        Files.writeString(dir.resolve("README.md"), "# How this dump was made\n");
        Cli.Run r = Cli.run("convert", dir.toString(), "-o", tmp.resolve("o").toString());
        assertTrue(r.out().contains("source:        jira"), r.all());
    }

    @Test
    void aFolderNameOverKaitensLimitIsCutReportedAndCounted() throws Exception {
        String longName = "Квартальные отчёты ".repeat(8).strip();
        Path dir = Files.createDirectories(tmp.resolve("kb"));
        Path folder;
        try {
            folder = Files.createDirectories(dir.resolve(longName.substring(0, 130)));
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("file system refuses the name");
            return;
        }
        Files.writeString(folder.resolve("Q1.md"), "# Q1\n");
        Path out = tmp.resolve("o");
        Cli.Run r = Cli.run("convert", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("folder title '") && r.out().contains("cut to 128 characters"), r.out());
        assertTrue(r.out().contains("1 × markdown folder title — longer than 128 characters"), r.out());
        assertTrue(Files.readString(out.resolve("folders_0.json")).contains(longName.substring(0, 128) + "\""));
    }
}
