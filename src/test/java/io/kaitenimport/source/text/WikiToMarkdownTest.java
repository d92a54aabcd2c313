package io.kaitenimport.source.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WikiToMarkdownTest {

    private static Map<String, Integer> lost(String... entries) {
        Map<String, Integer> m = new TreeMap<>();
        for (String e : entries) {
            int eq = e.lastIndexOf('=');
            m.put(e.substring(0, eq), Integer.parseInt(e.substring(eq + 1)));
        }
        return m;
    }

    private static void assertMd(String expected, String wiki, String... lostEntries) {
        TextConversion c = WikiToMarkdown.convert(wiki);
        assertAll(
                () -> assertEquals(expected, c.markdown()),
                () -> assertEquals(lost(lostEntries), c.lost()));
    }

    // ---- headings and inline formatting ----------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1,#", "2,##", "3,###", "4,####", "5,#####", "6,######"})
    void heading(int level, String hashes) {
        assertMd(hashes + " Title **bold**", "h" + level + ". Title *bold*");
    }

    @Test
    void emptyHeadingIsDropped() {
        assertMd("a", "h1.\na");
    }

    @Test
    void headingTrailingHashIsEscaped() {
        assertMd("## Issue \\#", "h2. Issue #");
    }

    @Test
    void bold() {
        assertMd("a **bold** b", "a *bold* b");
    }

    @Test
    void italic() {
        assertMd("an *italic* word", "an _italic_ word");
    }

    @Test
    void strike() {
        assertMd("~~gone~~ now", "-gone- now");
    }

    @Test
    void underlineKeepsTextAndIsLost() {
        assertMd("an under word", "an +under+ word", "wiki.underline=1");
    }

    @Test
    void monospace() {
        assertMd("run `ls *.txt` now", "run {{ls *.txt}} now");
    }

    @Test
    void superscriptAndSubscriptKeepTextAndAreLost() {
        assertMd("E = mc 2 and H 2 O", "E = mc ^2^ and H ~2~ O", "wiki.subscript=1", "wiki.superscript=1");
    }

    @Test
    void citation() {
        assertMd("*Someone famous*", "??Someone famous??");
    }

    @Test
    void nestedFormatting() {
        assertMd("**bold *and italic***", "*bold _and italic_*");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "snake_case_name|snake_case_name",
        "a-b-c|a-b-c",
        "2*3*4|2\\*3\\*4",
        "well-known -thing|well-known -thing",
        "C++ rocks|C++ rocks",
        "x^2^|x^2^",
        "Really??|Really??",
        "~/home/x|\\~/home/x",
    })
    void markersInsideWordsDoNotFormat(String wiki, String expected) {
        assertMd(expected, wiki);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a * not bold*|a \\* not bold\\*",
        "*not bold *|\\*not bold \\*",
        "_a_b|\\_a_b",
        "x - not strike-|x - not strike-",
    })
    void markersNeedANonSpaceInsideAndABoundaryOutside(String wiki, String expected) {
        assertMd(expected, wiki);
    }

    @Test
    void formattingDoesNotSpanLines() {
        assertMd("\\*a\\\nb\\*", "*a\nb*");
    }

    @Test
    void colorKeepsTextAndIsLost() {
        assertMd("red and blue", "{color:red}red{color} and {color:#0000ff}blue{color}", "wiki.color=2");
    }

    // ---- code, noformat, quote, panel ------------------------------------------------------------------------

    @Test
    void codeWithLanguage() {
        assertMd("```java\nint x = *y*;\n```", "{code:java}\nint x = *y*;\n{code}");
    }

    @Test
    void codeWithoutLanguageAndOnOneLine() {
        assertMd("```\nplain\n```", "{code}plain{code}");
    }

    @Test
    void codeWithNamedParameters() {
        assertMd("**Foo.java**\n\n```java\nclass Foo {}\n```",
                "{code:language=java|title=Foo.java|borderStyle=solid}\nclass Foo {}\n{code}", "wiki.code.title=1");
    }

    @Test
    void codeFenceIsLongerThanBackticksInside() {
        assertMd("````\n```\nx\n```\n````", "{code}\n```\nx\n```\n{code}");
    }

    @Test
    void noformatIsVerbatim() {
        assertMd("```\n*not bold* {quote} [x|y] \\\\\n```", "{noformat}\n*not bold* {quote} [x|y] \\\\\n{noformat}");
    }

    @Test
    void textAroundCodeBlocks() {
        assertMd("before\n\n```\nc\n```\n\nafter **b**", "before\n{code}\nc\n{code}\nafter *b*");
    }

    @Test
    void unclosedCodeIsText() {
        assertMd("{code} never closed", "{code} never closed", "wiki.malformed=1");
    }

    @Test
    void quoteBlock() {
        assertMd("> first **b**\n>\n> 1. item", "{quote}\nfirst *b*\n\n# item\n{quote}");
    }

    @Test
    void bqLine() {
        assertMd("> quoted *line*", "bq. quoted _line_");
    }

    @Test
    void panelWithTitle() {
        assertMd("> **My Title**\n>\n> body", "{panel:title=My Title|borderStyle=dashed}\nbody\n{panel}",
                "wiki.panel=1", "wiki.panel.title=1");
    }

    @Test
    void panelWithoutTitle() {
        assertMd("> body", "{panel}body{panel}", "wiki.panel=1");
    }

    @Test
    void panelContainingQuote() {
        assertMd("> a\n>\n> > b", "{panel}a{quote}b{quote}{panel}", "wiki.panel=1");
    }

    // ---- links, mentions, attachments, images --------------------------------------------------------------

    @Test
    void linkWithText() {
        assertMd("[Google](http://google.com)", "[Google|http://google.com]");
    }

    @Test
    void linkWithFormattedTextAndTooltip() {
        assertMd("[**Docs**](https://x.org/a%20b)", "[*Docs*|https://x.org/a b|the tooltip]");
    }

    @Test
    void bareLink() {
        assertMd("<http://x.com/a_b>", "[http://x.com/a_b]");
        assertMd("[www.x.com](http://www.x.com)", "[www.x.com]");
        assertMd("<mailto:a@b.c>", "[mailto:a@b.c]");
    }

    @Test
    void anchorLink() {
        assertMd("[#section](#section)", "[#section]");
    }

    @Test
    void bracketsWithoutTargetAreText() {
        assertMd("\\[WIP\\] fix", "[WIP] fix");
    }

    @Test
    void mentionByUsername() {
        assertMd("ping @john.doe", "ping [~john.doe]");
    }

    @Test
    void mentionByAccountId() {
        assertMd("@5ecd1234abcd", "[~accountid:5ecd1234abcd]");
    }

    @Test
    void attachmentLinkKeepsNameAndIsLost() {
        assertMd("see report.pdf", "see [^report.pdf]", "wiki.attachment=1");
    }

    @Test
    void attachmentLinkWithTextKeepsTheText() {
        assertMd("the spec", "[the spec|^spec.docx]", "wiki.attachment=1");
    }

    @Test
    void anchorMacroIsDropped() {
        assertMd("Intro", "{anchor:top}Intro", "wiki.anchor=1");
    }

    @Test
    void image() {
        assertMd("![image.png](image.png)", "!image.png!");
    }

    @Test
    void imageThumbnailAndSizeParametersAreLost() {
        assertMd("![image.png](image.png) ![a b.jpg](a%20b.jpg)", "!image.png|thumbnail! !a b.jpg|width=300!",
                "wiki.image.params=2");
    }

    @Test
    void imageByUrl() {
        assertMd("![http://h/x.png](http://h/x.png)", "!http://h/x.png!");
    }

    @Test
    void exclamationMarksInProseAreNotImages() {
        assertMd("Wow! Great! It works!", "Wow! Great! It works!");
    }

    @Test
    void bareUrlsAreAutolinksAndKeepTheirCharacters() {
        assertMd("see <http://example.com/a_b-c_/x*y>.", "see http://example.com/a_b-c_/x*y.");
    }

    // ---- lists -----------------------------------------------------------------------------------------------

    @Test
    void bulletList() {
        assertMd("- a\n- b", "* a\n* b");
    }

    @Test
    void nestedBulletList() {
        assertMd("- a\n  - b\n    - c\n- d", "* a\n** b\n*** c\n* d");
    }

    @Test
    void numberedList() {
        assertMd("1. a\n2. b", "# a\n# b");
    }

    @Test
    void nestedNumberedListIndentsThree() {
        assertMd("1. a\n   1. b\n2. c", "# a\n## b\n# c");
    }

    @Test
    void mixedNesting() {
        assertMd("1. one\n   - inner\n2. two", "# one\n#* inner\n# two");
        assertMd("- one\n  1. inner", "* one\n*# inner");
    }

    @Test
    void dashList() {
        assertMd("- a\n- b", "- a\n- b");
    }

    @Test
    void numbersPastNineWidenTheIndent() {
        String wiki = "# i\n".repeat(10) + "#* deep";
        String expected = "1. i\n2. i\n3. i\n4. i\n5. i\n6. i\n7. i\n8. i\n9. i\n10. i\n    - deep";
        assertMd(expected, wiki);
    }

    @Test
    void listItemsWithFormattingAndBreaks() {
        assertMd("- **b** x\\\n  y", "* *b* x\\\\y");
    }

    @Test
    void listThenParagraphAreSeparateBlocks() {
        assertMd("- a\n\nafter", "* a\nafter");
    }

    // ---- tables ----------------------------------------------------------------------------------------------

    @Test
    void tableWithHeader() {
        assertMd("| h1 | h2 |\n| --- | --- |\n| a | b |", "||h1||h2||\n|a|b|");
    }

    @Test
    void tableWithoutHeaderGetsAnEmptyOne() {
        assertMd("| | |\n| --- | --- |\n| a | b |", "|a|b|", "wiki.table.noheader=1");
    }

    @Test
    void tableCellsKeepLinksImagesAndCodeWithPipes() {
        assertMd("| h |\n| --- |\n| [x](http://y) ![i.png](i.png) `a\\|b` |", "||h||\n|[x|http://y] !i.png|thumbnail! {{a|b}}|",
                "wiki.image.params=1");
    }

    @Test
    void tableCellWithEscapedPipeAndLineBreaks() {
        assertMd("| h |\n| --- |\n| a\\|b<br>c<br>d |", "||h||\n|a\\|b\\\\c\nd|");
    }

    @Test
    void tableHeaderColumnIsBold() {
        assertMd("| k | v |\n| --- | --- |\n| **row** | 1 |", "||k||v||\n||row|1|");
    }

    @Test
    void tableShortRowsArePadded() {
        assertMd("| a | b |\n| --- | --- |\n| c | |", "||a||b||\n|c|");
    }

    // ---- rules, breaks, escapes, emoticons -------------------------------------------------------------------

    @Test
    void rule() {
        assertMd("above\n\n---\n\nbelow", "above\n----\nbelow");
    }

    @Test
    void forcedLineBreakAndNewline() {
        assertMd("one\\\ntwo\\\nthree", "one\\\\two\nthree");
        assertMd("one\\\ntwo", "one\\\\\ntwo");
    }

    @Test
    void backslashEscapes() {
        assertMd("{code} \\*not bold\\* \\[x\\] a-b", "\\{code} \\*not bold\\* \\[x\\] a\\-b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(/)|\u2705",
        "(x)|\u274C",
        "(!)|\u26A0\uFE0F",
        "(?)|\u2753",
        "(i)|\u2139\uFE0F",
        ":)|\uD83D\uDE42",
        ":(|\uD83D\uDE41",
        ":D|\uD83D\uDE00",
        "(y)|\uD83D\uDC4D",
    })
    void emoticons(String wiki, String emoji) {
        assertMd("done " + emoji + " ok", "done " + wiki + " ok");
    }

    @Test
    void emoticonsNeedBoundaries() {
        assertMd("f(x) and g(i)", "f(x) and g(i)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1. not a list|1\\. not a list",
        "> not a quote|\\> not a quote",
        "+ not a list|\\+ not a list",
        "#|\\#",
    })
    void markdownLineStartsInPlainTextAreEscaped(String wiki, String expected) {
        assertMd(expected.strip(), wiki);
    }

    @Test
    void embeddedAdfBlockIsConverted() {
        assertMd("before\n\n> **Info:** hi\n\nafter", "before\n{adf:display=block}\n"
                + "{\"type\":\"panel\",\"attrs\":{\"panelType\":\"info\"},\"content\":[{\"type\":\"paragraph\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}\n{adf}\nafter", "adf.panel=1");
    }

    @Test
    void embeddedAdfThatIsNotJsonIsDroppedAndCounted() {
        assertMd("x", "x{adf:display=block}not json{adf}", "wiki.adf=1");
    }

    // ---- null, empty, real exports, random input -------------------------------------------------------------

    @Test
    void nullAndEmpty() {
        assertMd("", null);
        assertMd("", "");
        assertMd("", "  \n\n ");
    }

    @Test
    void windowsLineEndings() {
        assertMd("- a\n- b\n\nc", "* a\r\n* b\r\n\r\nc");
    }

    @Test
    void everyWikiBodyInTheRealExportsConverts() throws IOException {
        Path dir = Path.of("../shared/real-exports/jira-json");
        Assumptions.assumeTrue(Files.isDirectory(dir), "real exports not present");
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                RealExports.richTextBodies(mapper.readTree(file.toFile()), bodies);
            }
        }
        List<String> wiki = bodies.stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
        assertFalse(wiki.isEmpty(), "expected wiki bodies in the v2 exports");
        for (String body : wiki) {
            TextConversion c = assertDoesNotThrow(() -> WikiToMarkdown.convert(body));
            assertNotNull(c.markdown());
            assertFalse(c.lost().containsKey("wiki.converter.error"), body);
            assertTrue(body.isBlank() || !c.markdown().isBlank(), body);
        }
        // spot checks on bodies known to be in the tuleap and jrjc samples
        assertTrue(wiki.stream().map(WikiToMarkdown::convert).map(TextConversion::markdown)
                .anyMatch(md -> md.startsWith("*Automatic headlight* control is a function that *automatically*")));
        assertTrue(wiki.stream().map(WikiToMarkdown::convert).map(TextConversion::markdown)
                .anyMatch(md -> md.equals("Comment for **avatar1**!")));
    }

    private static final String[] TOKENS = {
        "*", "_", "-", "+", "^", "~", "??", "{{", "}}", "[", "]", "|", "||", "!", "\\", "\\\\", "\n", "\n\n", " ",
        "h1. ", "h7. ", "bq. ", "# ", "* ", "** ", "#* ", "- ", "----", "{code}", "{code:java}", "{noformat}",
        "{quote}", "{panel:title=T}", "{panel}", "{color:red}", "{color}", "{adf:display=block}", "{adf}",
        "[~", "[^", "accountid:", "http://x.y/", "image.png", "(/)", "(x)", ":)", "(i)", "word", "snake_case",
        "a-b", "2*3", "\t", "\r\n", "{", "}", "\u00e9", "`", "<b>", "&amp;", "{anchor:a}",
    };

    @Test
    void randomMarkupNeverThrowsOrReturnsNull() {
        Random random = new Random(20240607L);
        for (int i = 0; i < 500; i++) {
            StringBuilder wiki = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                wiki.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            String input = wiki.toString();
            TextConversion c = assertDoesNotThrow(() -> WikiToMarkdown.convert(input), input);
            assertNotNull(c, input);
            assertNotNull(c.markdown(), input);
            assertFalse(c.lost().containsKey("wiki.converter.error"), input);
            assertTrue(c.markdown().chars().noneMatch(ch -> ch >= 0xE000 && ch < 0xE200), () -> "internal marker leaked: " + input);
        }
    }
}
