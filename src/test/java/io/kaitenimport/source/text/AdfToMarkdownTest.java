package io.kaitenimport.source.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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

class AdfToMarkdownTest {

    /** Single quotes keep the fixtures readable; text values are written with {@link #str} and may hold anything. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    // ---- fixture helpers -----------------------------------------------------------------------------------

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static String str(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode doc(String... blocks) {
        return json("{'type':'doc','version':1,'content':[" + String.join(",", blocks) + "]}");
    }

    private static String node(String type, String attrs, String... content) {
        return "{'type':'" + type + "'" + (attrs == null ? "" : ",'attrs':" + attrs)
                + ",'content':[" + String.join(",", content) + "]}";
    }

    private static String p(String... inline) {
        return node("paragraph", null, inline);
    }

    private static String t(String text, String... marks) {
        return "{'type':'text','text':" + str(text) + (marks.length == 0 ? "" : ",'marks':[" + String.join(",", marks) + "]") + "}";
    }

    private static String mark(String type) {
        return "{'type':'" + type + "'}";
    }

    private static String link(String href) {
        return "{'type':'link','attrs':{'href':" + str(href) + "}}";
    }

    private static String atom(String type, String attrs) {
        return "{'type':'" + type + "','attrs':" + attrs + "}";
    }

    private static String li(String... blocks) {
        return node("listItem", null, blocks);
    }

    private static String cell(String type, String attrs, String... blocks) {
        return node(type, attrs, blocks);
    }

    private static Map<String, Integer> lost(String... entries) {
        Map<String, Integer> m = new TreeMap<>();
        for (String e : entries) {
            int eq = e.lastIndexOf('=');
            m.put(e.substring(0, eq), Integer.parseInt(e.substring(eq + 1)));
        }
        return m;
    }

    private static void assertMd(String expected, JsonNode adf, String... lostEntries) {
        TextConversion c = AdfToMarkdown.convert(adf);
        assertAll(
                () -> assertEquals(expected, c.markdown()),
                () -> assertEquals(lost(lostEntries), c.lost()));
    }

    // ---- doc, paragraph, text --------------------------------------------------------------------------------

    @Test
    void docWithParagraphs() {
        assertMd("Hello\n\nWorld", doc(p(t("Hello")), p(t("World"))));
    }

    @Test
    void emptyParagraphsAreDropped() {
        assertMd("a\n\nb", doc(p(t("a")), p(), "{'type':'paragraph'}", p(t("b"))));
    }

    @Test
    void nullAndJsonNullAreEmptyFieldsNotMalformed() {
        assertMd("", null);
        assertMd("", NullNode.getInstance());
        assertMd("", doc());
    }

    @Test
    void singleNodeWithoutDocWrapper() {
        assertMd("just text", json("{'type':'paragraph','content':[" + t("just text") + "]}"));
    }

    // ---- marks -----------------------------------------------------------------------------------------------

    @Test
    void strong() {
        assertMd("a **b** c", doc(p(t("a "), t("b", mark("strong")), t(" c"))));
    }

    @Test
    void em() {
        assertMd("a *b* c", doc(p(t("a "), t("b", mark("em")), t(" c"))));
    }

    @Test
    void strike() {
        assertMd("~~gone~~", doc(p(t("gone", mark("strike")))));
    }

    @Test
    void code() {
        assertMd("run `ls -la` now", doc(p(t("run "), t("ls -la", mark("code")), t(" now"))));
    }

    @Test
    void codeContainingBackticksGetsLongerDelimiter() {
        assertMd("``a`b``", doc(p(t("a`b", mark("code")))));
        assertMd("`` `x` ``", doc(p(t("`x`", mark("code")))));
    }

    @Test
    void codeIsNotEscaped() {
        assertMd("`*_[x]_*`", doc(p(t("*_[x]_*", mark("code")))));
    }

    @Test
    void linkMark() {
        assertMd("see [docs](https://example.com/a%20b)", doc(p(t("see "), t("docs", link("https://example.com/a b")))));
    }

    @Test
    void linkTextIsNotAutolinked() {
        assertMd("[https://x.org](https://x.org)", doc(p(t("https://x.org", link("https://x.org")))));
    }

    @Test
    void linkWithoutHrefIsMalformedButKeepsText() {
        assertMd("text", doc(p(t("text", "{'type':'link','attrs':{}}"))), "adf.malformed=1");
    }

    @Test
    void adjacentTextNodesShareOneDelimiterPair() {
        assertMd("**ab**", doc(p(t("a", mark("strong")), t("b", mark("strong")))));
    }

    @Test
    void nestedMarksAcrossNodes() {
        assertMd("**bold *both***", doc(p(t("bold ", mark("strong")), t("both", mark("strong"), mark("em")))));
        assertMd("[**d**e](http://x)", doc(p(t("d", link("http://x"), mark("strong")), t("e", link("http://x")))));
    }

    @Test
    void whitespaceMovesOutsideDelimiters() {
        assertMd("a **b** c", doc(p(t("a"), t(" b ", mark("strong")), t("c"))));
    }

    @Test
    void whitespaceOnlyMarkedTextEmitsNoDelimiters() {
        assertMd("a b", doc(p(t("a"), t(" ", mark("strong")), t("b"))));
    }

    @Test
    void underlineKeepsTextAndIsLost() {
        assertMd("under", doc(p(t("under", mark("underline")))), "adf.underline=1");
    }

    @Test
    void textColorAndBackgroundColorKeepTextAndAreLost() {
        assertMd("red on yellow", doc(p(
                t("red", "{'type':'textColor','attrs':{'color':'#ff5630'}}"),
                t(" on "),
                t("yellow", "{'type':'backgroundColor','attrs':{'color':'#ffff00'}}"))),
                "adf.text.background=1", "adf.text.color=1");
    }

    @Test
    void subsupKeepsTextAndIsLost() {
        assertMd("H2O", doc(p(t("H"), t("2", "{'type':'subsup','attrs':{'type':'sub'}}"), t("O"))), "adf.subsup=1");
    }

    @Test
    void unknownMarkIsCountedByType() {
        assertMd("noted", doc(p(t("noted", "{'type':'annotation','attrs':{'id':'x'}}"))), "adf.mark.annotation=1");
    }

    // ---- escaping --------------------------------------------------------------------------------------------

    @Test
    void inlineSpecialCharactersAreEscaped() {
        assertMd("2\\*3 \\[x\\] \\`y\\` \\~z \\_a\\_ back\\\\slash \\<b> a < b & c \\&amp;",
                doc(p(t("2*3 [x] `y` ~z _a_ back\\slash <b> a < b & c &amp;"))));
    }

    @Test
    void intrawordUnderscoreIsLeftAlone() {
        assertMd("snake_case_name", doc(p(t("snake_case_name"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# not a heading|\\# not a heading",
        "> not a quote|\\> not a quote",
        "- not a bullet|\\- not a bullet",
        "+ not a bullet|\\+ not a bullet",
        "1. not a list|1\\. not a list",
        "12) not a list|12\\) not a list",
        "---|\\---",
        "#hashtag|#hashtag",
        "-1 degrees|-1 degrees",
    })
    void lineStartConstructsAreEscaped(String text, String expected) {
        assertMd(expected, doc(p(t(text))));
    }

    @Test
    void lineStartEscapingAppliesAfterHardBreaks() {
        assertMd("a\\\n\\# b", doc(p(t("a"), "{'type':'hardBreak'}", t("# b"))));
    }

    @Test
    void bareUrlsBecomeAutolinks() {
        assertMd("see <https://example.com/a_b_c>.", doc(p(t("see https://example.com/a_b_c."))));
    }

    // ---- blocks ----------------------------------------------------------------------------------------------

    @Test
    void hardBreak() {
        assertMd("one\\\ntwo", doc(p(t("one"), "{'type':'hardBreak'}", t("two"))));
    }

    @Test
    void hardBreaksAtParagraphEdgesAreDropped() {
        assertMd("x", doc(p("{'type':'hardBreak'}", t("x"), "{'type':'hardBreak'}")));
    }

    @Test
    void hardBreakClosesAndReopensMarks() {
        assertMd("**a**\\\n**b**", doc(p(t("a", mark("strong")), "{'type':'hardBreak'}", t("b", mark("strong")))));
    }

    @ParameterizedTest
    @CsvSource({"1,#", "2,##", "3,###", "4,####", "5,#####", "6,######"})
    void heading(int level, String hashes) {
        assertMd(hashes + " Title", doc(node("heading", "{'level':" + level + "}", t("Title"))));
    }

    @Test
    void headingHardBreakBecomesSpaceAndTrailingHashIsEscaped() {
        assertMd("## Issue \\#", doc(node("heading", "{'level':2}", t("Issue"), "{'type':'hardBreak'}", t("#"))));
    }

    @Test
    void emptyHeadingIsDropped() {
        assertMd("a", doc(node("heading", "{'level':1}"), p(t("a"))));
    }

    @Test
    void headingWithBadLevelIsClampedAndMalformed() {
        assertMd("###### deep", doc(node("heading", "{'level':9}", t("deep"))), "adf.malformed=1");
        assertMd("# none", doc(node("heading", null, t("none"))), "adf.malformed=1");
    }

    @Test
    void bulletList() {
        assertMd("- a\n- b", doc(node("bulletList", null, li(p(t("a"))), li(p(t("b"))))));
    }

    @Test
    void nestedBulletList() {
        assertMd("- a\n  - b\n    - c\n- d", doc(node("bulletList", null,
                li(p(t("a")), node("bulletList", null, li(p(t("b")), node("bulletList", null, li(p(t("c"))))))),
                li(p(t("d"))))));
    }

    @Test
    void orderedList() {
        assertMd("1. a\n2. b", doc(node("orderedList", null, li(p(t("a"))), li(p(t("b"))))));
    }

    @Test
    void orderedListStartsAtOrder() {
        assertMd("3. c\n4. d", doc(node("orderedList", "{'order':3}", li(p(t("c"))), li(p(t("d"))))));
    }

    @Test
    void nestedListIndentsToTheParentContentColumn() {
        assertMd("1. a\n   - b\n2. c", doc(node("orderedList", null,
                li(p(t("a")), node("bulletList", null, li(p(t("b"))))), li(p(t("c"))))));
        assertMd("9. a\n10. b\n    - c", doc(node("orderedList", "{'order':9}",
                li(p(t("a"))), li(p(t("b")), node("bulletList", null, li(p(t("c"))))))));
    }

    @Test
    void nestedOrderedListNotStartingAtOneNeedsABlankLine() {
        // "a\n  5. b" would be read as one paragraph: only a list starting at 1 can interrupt a paragraph
        assertMd("- a\n\n  5. b", doc(node("bulletList", null,
                li(p(t("a")), node("orderedList", "{'order':5}", li(p(t("b"))))))));
    }

    @Test
    void listItemWithTwoParagraphs() {
        assertMd("- a\n\n  b", doc(node("bulletList", null, li(p(t("a")), p(t("b"))))));
    }

    @Test
    void codeBlockWithLanguage() {
        assertMd("```java\nint x = 1;\nint y = 2;\n```",
                doc(node("codeBlock", "{'language':'java'}", t("int x = 1;\nint y = 2;"))));
    }

    @Test
    void codeBlockFenceIsLongerThanAnyBacktickRun() {
        assertMd("````\n```\nnested\n```\n````", doc(node("codeBlock", null, t("```\nnested\n```"))));
    }

    @Test
    void codeBlockContentIsVerbatim() {
        assertMd("```\n*not* _escaped_ # [x]\n```", doc(node("codeBlock", null, t("*not* _escaped_ # [x]"))));
    }

    @Test
    void blockquote() {
        assertMd("> a\n>\n> b", doc(node("blockquote", null, p(t("a")), p(t("b")))));
    }

    @Test
    void rule() {
        assertMd("above\n\n---\n\nbelow", doc(p(t("above")), "{'type':'rule'}", p(t("below"))));
    }

    @Test
    void tableWithHeaderRow() {
        assertMd("| H1 | H2 |\n| --- | --- |\n| a | b |", doc(node("table", null,
                node("tableRow", null, cell("tableHeader", null, p(t("H1"))), cell("tableHeader", null, p(t("H2")))),
                node("tableRow", null, cell("tableCell", null, p(t("a"))), cell("tableCell", null, p(t("b")))))));
    }

    @Test
    void tableFirstRowIsHeaderEvenWithPlainCellsAndShortRowsArePadded() {
        assertMd("| a | b |\n| --- | --- |\n| c | |", doc(node("table", null,
                node("tableRow", null, cell("tableCell", null, p(t("a"))), cell("tableCell", null, p(t("b")))),
                node("tableRow", null, cell("tableCell", null, p(t("c")))))));
    }

    @Test
    void tableCellEscapesPipesAndJoinsParagraphsWithBr() {
        assertMd("| a\\|b |\n| --- |\n| p1<br>p2<br>p3 |", doc(node("table", null,
                node("tableRow", null, cell("tableHeader", null, p(t("a|b")))),
                node("tableRow", null, cell("tableCell", null, p(t("p1")), p(t("p2"), "{'type':'hardBreak'}", t("p3")))))));
    }

    @Test
    void tableColspanPadsAndRowspanIsLost() {
        assertMd("| a | b |\n| --- | --- |\n| wide | |\n| tall | x |", doc(node("table", null,
                node("tableRow", null, cell("tableHeader", null, p(t("a"))), cell("tableHeader", null, p(t("b")))),
                node("tableRow", null, cell("tableCell", "{'colspan':2}", p(t("wide")))),
                node("tableRow", null, cell("tableCell", "{'rowspan':2}", p(t("tall"))), cell("tableCell", null, p(t("x")))))),
                "adf.table.colspan=1", "adf.table.rowspan=1");
    }

    @Test
    void tableHeaderColumnIsBoldAndCodeBlockInCellIsCodeSpan() {
        assertMd("| k | v |\n| --- | --- |\n| **side** | `a\\|b c` |", doc(node("table", null,
                node("tableRow", null, cell("tableHeader", null, p(t("k"))), cell("tableHeader", null, p(t("v")))),
                node("tableRow", null, cell("tableHeader", null, p(t("side"))),
                        cell("tableCell", null, node("codeBlock", null, t("a|b\nc")))))));
    }

    @ParameterizedTest
    @CsvSource({"info,Info", "note,Note", "warning,Warning", "success,Success", "error,Error", "custom,Note"})
    void panel(String panelType, String label) {
        assertMd("> **" + label + ":** Careful\n>\n> more",
                doc(node("panel", "{'panelType':'" + panelType + "'}", p(t("Careful")), p(t("more")))),
                "adf.panel=1");
    }

    @Test
    void panelStartingWithAListGetsItsLabelOnALineOfItsOwn() {
        assertMd("> **Info:**\n>\n> - x", doc(node("panel", null, node("bulletList", null, li(p(t("x")))))), "adf.panel=1");
    }

    @Test
    void mentionWithText() {
        assertMd("hi @John Doe", doc(p(t("hi "), atom("mention", "{'id':'5b10a2844c20165700ede21g','text':'@John Doe'}"))));
    }

    @Test
    void mentionWithoutTextUsesAccountId() {
        assertMd("@5b10a2844c20165700ede21g", doc(p(atom("mention", "{'id':'5b10a2844c20165700ede21g'}"))));
    }

    @Test
    void emoji() {
        assertMd("ok \uD83D\uDE04", doc(p(t("ok "), atom("emoji", "{'shortName':':smile:','text':'\uD83D\uDE04'}"))));
        assertMd(":custom_party:", doc(p(atom("emoji", "{'shortName':':custom_party:','id':'x'}"))));
    }

    @Test
    void inlineCard() {
        assertMd("see <https://jira.example.com/browse/A-1>",
                doc(p(t("see "), atom("inlineCard", "{'url':'https://jira.example.com/browse/A-1'}"))));
    }

    @Test
    void blockCardAndEmbedCard() {
        assertMd("<https://example.com/a>\n\n<https://example.com/b>", doc(
                atom("blockCard", "{'url':'https://example.com/a'}"),
                atom("embedCard", "{'url':'https://example.com/b','layout':'wide'}")));
    }

    @Test
    void cardWithJsonLdDataAndRelativeUrl() {
        assertMd("<https://example.com/d>", doc(atom("blockCard", "{'data':{'@type':'Document','url':'https://example.com/d'}}")));
        assertMd("[/browse/A-1](/browse/A-1)", doc(p(atom("inlineCard", "{'url':'/browse/A-1'}"))));
    }

    @Test
    void mediaSingle() {
        assertMd("![screenshot.png](attachment:6e7c2a0e-1111-2222-3333-444455556666)",
                doc(node("mediaSingle", "{'layout':'center'}",
                        atom("media", "{'id':'6e7c2a0e-1111-2222-3333-444455556666','type':'file','collection':'c','alt':'screenshot.png'}"))),
                "adf.media=1");
    }

    @Test
    void mediaSingleLayoutIsLost() {
        assertMd("![a.png](attachment:u1)", doc(node("mediaSingle", "{'layout':'wrap-left','width':50}",
                atom("media", "{'id':'u1','type':'file','alt':'a.png'}"))), "adf.media=1", "adf.mediaSingle.layout=1");
    }

    @Test
    void mediaGroupAndMediaWithoutAlt() {
        assertMd("![u1](attachment:u1)\n![doc.pdf](attachment:u2)", doc(node("mediaGroup", null,
                atom("media", "{'id':'u1','type':'file'}"), atom("media", "{'id':'u2','type':'file','alt':'doc.pdf'}"))),
                "adf.media=2");
    }

    @Test
    void mediaWithoutIdIsAPlaceholder() {
        assertMd("\\[attachment: plan.png\\]", doc(node("mediaSingle", null, atom("media", "{'alt':'plan.png'}"))), "adf.media=1");
        assertMd("\\[attachment\\]", doc(node("mediaSingle", null, atom("media", "{}"))), "adf.malformed=1", "adf.media=1");
    }

    @Test
    void externalMediaIsAnOrdinaryImage() {
        assertMd("![x.png](https://h.example/x.png)", doc(node("mediaSingle", null,
                atom("media", "{'type':'external','url':'https://h.example/x.png'}"))));
    }

    @Test
    void mediaCaptionFollowsTheImage() {
        assertMd("![a.png](attachment:u1)\n\nFigure 1", doc(node("mediaSingle", null,
                atom("media", "{'id':'u1','type':'file','alt':'a.png'}"), node("caption", null, t("Figure 1")))),
                "adf.media=1");
    }

    @Test
    void taskList() {
        assertMd("- [x] done\n- [ ] todo", doc(node("taskList", "{'localId':'l'}",
                node("taskItem", "{'localId':'1','state':'DONE'}", t("done")),
                node("taskItem", "{'localId':'2','state':'TODO'}", t("todo")))));
    }

    @Test
    void nestedTaskListIsASiblingOfItsParentItem() {
        assertMd("- [ ] parent\n  - [x] child", doc(node("taskList", null,
                node("taskItem", "{'state':'TODO'}", t("parent")),
                node("taskList", null, node("taskItem", "{'state':'DONE'}", t("child"))))));
    }

    @Test
    void decisionList() {
        assertMd("- ship it\n- then rest", doc(node("decisionList", null,
                node("decisionItem", "{'state':'DECIDED'}", t("ship it")),
                node("decisionItem", "{'state':'DECIDED'}", t("then rest")))),
                "adf.decision=2");
    }

    @Test
    void status() {
        assertMd("state: \\[IN PROGRESS\\]", doc(p(t("state: "), atom("status", "{'text':'In progress','color':'blue'}"))),
                "adf.status=1");
    }

    @Test
    void dateFromMillisNumberOrString() {
        assertMd("due 2023-11-15", doc(p(t("due "), atom("date", "{'timestamp':'1700006400000'}"))));
        assertMd("2023-11-15", doc(p(atom("date", "{'timestamp':1700006400000}"))));
    }

    @Test
    void dateWithBadTimestampIsMalformed() {
        assertMd("soon", doc(p(atom("date", "{'timestamp':'soon'}"))), "adf.malformed=1");
    }

    @Test
    void expandAndNestedExpand() {
        assertMd("**Details**\n\nhidden\n\n**More**\n\ndeeper", doc(node("expand", "{'title':'Details'}",
                p(t("hidden")), node("nestedExpand", "{'title':'More'}", p(t("deeper"))))),
                "adf.expand=2");
    }

    @Test
    void extensionsAreLostButBodiedContentIsKept() {
        assertMd("kept\n\nbefore  after", doc(
                atom("extension", "{'extensionType':'com.atlassian.jira','extensionKey':'macro'}"),
                node("bodiedExtension", "{'extensionKey':'x'}", p(t("kept"))),
                p(t("before "), atom("inlineExtension", "{'extensionKey':'y'}"), t(" after"))),
                "adf.extension=3");
    }

    @Test
    void placeholderIsDropped() {
        assertMd("Name:", doc(p(t("Name: "), atom("placeholder", "{'text':'type here'}"))), "adf.placeholder=1");
    }

    @Test
    void layoutSectionKeepsColumnsInOrder() {
        assertMd("left\n\nright", doc(node("layoutSection", null,
                node("layoutColumn", "{'width':50}", p(t("left"))), node("layoutColumn", "{'width':50}", p(t("right"))))),
                "adf.layout=1");
    }

    @Test
    void unknownBlockRendersItsChildren() {
        assertMd("kids", doc(node("fancyBox", null, p(t("kids")))), "adf.unknown.fancyBox=1");
    }

    @Test
    void unknownInlineRendersItsText() {
        assertMd("a b c", doc(p(t("a "), "{'type':'sparkle','text':'b'}", t(" c"))), "adf.unknown.sparkle=1");
    }

    @Test
    void unknownTypeKeyIsSanitised() {
        assertMd("", doc("{'type':'we ird/type'}"), "adf.unknown.we_ird_type=1");
    }

    // ---- malformed input -----------------------------------------------------------------------------------

    @Test
    void nonObjectRootIsMalformedButKeepsText() {
        assertMd("just a string", TextNode.valueOf("just a string"), "adf.malformed=1");
        assertMd("42", json("42"), "adf.malformed=1");
    }

    @Test
    void arrayRootIsMalformedButRendered() {
        assertMd("a\n\nb", json("[" + p(t("a")) + "," + p(t("b")) + "]"), "adf.malformed=1");
    }

    @Test
    void textNodeWithoutTextIsSkipped() {
        assertMd("ok", doc(p("{'type':'text'}", t("ok"), "{'type':'text','text':7}")), "adf.malformed=2");
    }

    @Test
    void contentThatIsNotAnArrayIsMalformed() {
        assertMd("after", doc("{'type':'paragraph','content':'oops'}", p(t("after"))), "adf.malformed=1");
    }

    @Test
    void nodesWithoutTypeOrNullChildrenAreMalformed() {
        assertMd("x", doc("{'content':[" + p(t("x")) + "]}", "null"), "adf.malformed=2");
    }

    @Test
    void marksThatAreNotAnArrayAreMalformed() {
        assertMd("plain", doc(p("{'type':'text','text':'plain','marks':{'type':'strong'}}")), "adf.malformed=1");
    }

    @Test
    void blockInsideInlineContentIsFlattened() {
        assertMd("outer inner", doc(p(t("outer "), p(t("inner")))), "adf.malformed=1");
    }

    @Test
    void missingDocContentIsEmpty() {
        assertMd("", json("{'type':'doc','version':1}"));
    }

    @Test
    void veryDeepNestingDoesNotOverflowTheStack() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("type", "doc");
        ObjectNode current = root;
        for (int i = 0; i < 5000; i++) {
            ObjectNode child = f.objectNode().put("type", "blockquote");
            current.set("content", f.arrayNode().add(child));
            current = child;
        }
        TextConversion c = assertDoesNotThrow(() -> AdfToMarkdown.convert(root));
        assertTrue(c.lost().containsKey("adf.malformed"));
        assertFalse(c.lost().containsKey("adf.converter.error"));
    }

    @Test
    void lostMapIsImmutableAndSorted() {
        TextConversion c = AdfToMarkdown.convert(doc(p(t("x", mark("underline"), "{'type':'textColor','attrs':{}}"))));
        assertEquals(List.of("adf.text.color", "adf.underline"), List.copyOf(c.lost().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> c.lost().put("x", 1));
        assertTrue(TextConversion.of("x").lossless());
    }

    // ---- real exports and random input ---------------------------------------------------------------------

    @Test
    void everyAdfBodyInTheRealExportsConverts() throws IOException {
        Path dir = Path.of("../shared/real-exports/jira-json");
        Assumptions.assumeTrue(Files.isDirectory(dir), "real exports not present");
        List<JsonNode> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                RealExports.richTextBodies(JSON.readTree(file.toFile()), bodies);
            }
        }
        List<JsonNode> adf = bodies.stream().filter(JsonNode::isObject).toList();
        assertFalse(adf.isEmpty(), "expected ADF bodies in the v3 exports");
        for (JsonNode body : adf) {
            TextConversion c = assertDoesNotThrow(() -> AdfToMarkdown.convert(body));
            assertNotNull(c.markdown());
            assertFalse(c.lost().containsKey("adf.converter.error"), body::toString);
            boolean hasText = body.findValuesAsText("text").stream().anyMatch(s -> !s.isBlank());
            assertTrue(!hasText || !c.markdown().isBlank(), body::toString);
        }
    }

    private static final String[] TYPES = {
        "doc", "paragraph", "text", "heading", "bulletList", "orderedList", "listItem", "codeBlock", "blockquote",
        "rule", "panel", "table", "tableRow", "tableHeader", "tableCell", "mediaSingle", "mediaGroup", "media",
        "mediaInline", "taskList", "taskItem", "decisionList", "decisionItem", "status", "date", "mention", "emoji",
        "inlineCard", "blockCard", "embedCard", "expand", "nestedExpand", "extension", "bodiedExtension",
        "inlineExtension", "placeholder", "hardBreak", "layoutSection", "layoutColumn", "caption", "bogus",
    };
    private static final String[] MARKS = {
        "strong", "em", "strike", "code", "link", "underline", "textColor", "backgroundColor", "subsup", "annotation",
    };
    private static final String[] WORDS = {
        "hello", " ", "*", "_", "`", "[", "]", "# ", "> ", "- ", "1. ", "|", "\\", "<b>", "&amp;", "http://x.y/z_", "\n",
        "```", "~~", "snake_case", "",
    };

    @Test
    void randomDocumentsNeverThrowOrReturnNull() {
        Random random = new Random(20240607L);
        for (int i = 0; i < 500; i++) {
            JsonNode doc = randomNode(random, 0);
            TextConversion c = assertDoesNotThrow(() -> AdfToMarkdown.convert(doc), doc::toString);
            assertNotNull(c, doc::toString);
            assertNotNull(c.markdown(), doc::toString);
            assertNotNull(c.lost(), doc::toString);
            assertFalse(c.lost().containsKey("adf.converter.error"), doc::toString);
        }
    }

    private static JsonNode randomNode(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int roll = r.nextInt(40);
        if (roll == 0) {
            return f.nullNode();
        }
        if (roll == 1) {
            return f.textNode(WORDS[r.nextInt(WORDS.length)]);
        }
        if (roll == 2) {
            return f.numberNode(r.nextInt());
        }
        ObjectNode n = f.objectNode();
        if (r.nextInt(30) != 0) {
            n.put("type", depth == 0 && r.nextBoolean() ? "doc" : TYPES[r.nextInt(TYPES.length)]);
        }
        if (r.nextInt(3) != 0) {
            StringBuilder text = new StringBuilder();
            for (int k = r.nextInt(4); k >= 0; k--) {
                text.append(WORDS[r.nextInt(WORDS.length)]);
            }
            n.put("text", text.toString());
        }
        ObjectNode attrs = n.putObject("attrs");
        switch (r.nextInt(8)) {
            case 0 -> attrs.put("level", r.nextInt(10) - 2);
            case 1 -> attrs.put("order", r.nextBoolean() ? String.valueOf(r.nextInt(20) - 5) : "x");
            case 2 -> attrs.put("timestamp", r.nextBoolean() ? String.valueOf(r.nextLong()) : "garbage");
            case 3 -> attrs.put("colspan", r.nextInt(5)).put("rowspan", r.nextInt(5));
            case 4 -> attrs.put("id", "u" + r.nextInt(9)).put("alt", WORDS[r.nextInt(WORDS.length)]).put("type", r.nextBoolean() ? "file" : "external");
            case 5 -> attrs.put("state", r.nextBoolean() ? "DONE" : "TODO").put("panelType", "warning").put("title", "t*");
            case 6 -> attrs.put("url", r.nextBoolean() ? "https://e.x/" + r.nextInt() : "not a url").put("layout", "wide");
            default -> attrs.put("text", WORDS[r.nextInt(WORDS.length)]).put("shortName", ":x:").put("language", "ja va`");
        }
        if (r.nextInt(3) == 0) {
            ArrayNode marks = n.putArray("marks");
            for (int k = r.nextInt(4); k >= 0; k--) {
                ObjectNode m = marks.addObject().put("type", MARKS[r.nextInt(MARKS.length)]);
                if (r.nextBoolean()) {
                    m.putObject("attrs").put("href", "http://l.ink/" + r.nextInt(3));
                }
            }
        } else if (r.nextInt(20) == 0) {
            n.put("marks", "broken");
        }
        if (depth < 6 && r.nextInt(4) != 0) {
            if (r.nextInt(25) == 0) {
                n.put("content", "not an array");
            } else {
                ArrayNode content = n.putArray("content");
                for (int k = r.nextInt(5); k >= 0; k--) {
                    content.add(randomNode(r, depth + 1));
                }
            }
        }
        return n;
    }
}
