package io.kaitenimport.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.cli.Cli;
import io.kaitenimport.emit.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report as a browser shows it: Debian's {@code chromium --headless --dump-dom} renders the page (running
 * its script) and the test reads the resulting DOM. Skipped when chromium is not installed ({@code .ci/run} tries
 * to install it).
 */
class HtmlBrowserTest {
    private static final Path REAL_TRELLO = Path.of("../shared/real-exports/trello/marques-work__gocd-test-drive__trello.json");
    private static String chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    chromium = Path.of(dir, name).toString();
                    return;
                }
            }
        }
    }

    /** The DOM after the page loaded and its script ran. */
    private String render(Path html) throws Exception {
        assumeTrue(chromium != null, "chromium is not installed");
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        String dom = new String(out, StandardCharsets.UTF_8);
        assumeTrue(!dom.isBlank(), "chromium could not run here: " + Files.readString(tmp.resolve("chromium.log")));
        return dom;
    }

    private JsonNode convert(Path export, Path html) throws Exception {
        Path json = tmp.resolve("r.json");
        Cli.Run r = Cli.run("convert", export.toString(), "-o", tmp.resolve("out.zip").toString(), "-q",
                "--report-html", html.toString(), "--report-json", json.toString());
        assertEquals(0, r.exit(), r.all());
        return Json.MAPPER.readTree(json.toFile());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private void assertReadablePage(String dom, JsonNode report) {
        // Summary on top, in the order: arrive, lost, fix; then charts; then the boards.
        int summary = dom.indexOf("id=\"summary\"");
        int arrive = dom.indexOf("What will arrive");
        int lost = dom.indexOf("What is lost");
        int fix = dom.indexOf("What must be fixed");
        int charts = dom.indexOf("id=\"charts\"");
        int boards = dom.indexOf("id=\"boards\"");
        int issues = dom.indexOf("id=\"issues\"");
        assertTrue(summary > 0 && summary < arrive && arrive < lost && lost < fix && fix < charts && charts < boards
                && boards < issues, "section order");
        assertTrue(count(dom, "<svg") >= 2, "inline SVG charts");
        assertTrue(dom.contains("Records per entity"));
        assertTrue(!dom.contains("<script src") && !dom.contains("<link "), "one offline file");
        // The board preview: every column of the package, in a lane, with its card count.
        long columns = report.get("counts").get("columns").asLong();
        long cards = report.get("counts").get("cards").asLong();
        assertEquals(columns, count(dom, "class=\"lane type-"), "one lane per column");
        Matcher m = Pattern.compile("<span class=\"count\">([0-9,]+)</span>").matcher(dom);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1).replace(",", ""));
        }
        assertEquals(cards, sum, "lane counts add up to the cards in the package");
        assertTrue(count(dom, "class=\"card\"") > 0, "first cards are shown");
        // The script ran: the filter's count shows every issue, with thousands separators.
        long total = report.get("summary").get("errors").asLong() + report.get("summary").get("warnings").asLong()
                + report.get("summary").get("infos").asLong();
        assertTrue(dom.contains("— " + String.format(Locale.ROOT, "%,d", total) + " shown"), "filter count");
        assertTrue(dom.contains("<details class=\"group"), "issues grouped by code, collapsible");
    }

    @Test
    void realTrelloBoardShowsSummaryChartsAndBoard() throws Exception {
        assumeTrue(Files.isRegularFile(REAL_TRELLO), "real exports not available");
        Path html = tmp.resolve("real.html");
        JsonNode report = convert(REAL_TRELLO, html);
        String dom = render(html);
        assertReadablePage(dom, report);
        assertTrue(dom.contains("Test Drive"), "board title");
        assertTrue(dom.contains("people need an email"), "the fix for people without email is in the summary");
        assertTrue(dom.contains("harmless"), "harmless losses are set apart");
    }

    @Test
    void sampleBoardAndSeverityFilterWithoutScriptHelp() throws Exception {
        Path html = tmp.resolve("sample.html");
        JsonNode report = convert(Path.of("sample-exports/trello/garden-board.json"), html);
        assertReadablePage(render(html), report);

        // Unticking "notes" hides the note groups through CSS alone; the script only counts what is visible.
        String page = Files.readString(html).replace("id=\"show-info\" checked", "id=\"show-info\"");
        Path filtered = Files.writeString(tmp.resolve("filtered.html"), page);
        long shown = report.get("summary").get("errors").asLong() + report.get("summary").get("warnings").asLong();
        assertTrue(render(filtered).contains("— " + String.format(Locale.ROOT, "%,d", shown) + " shown"));
    }
}
