package io.kaitenimport.source.text;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlToMarkdownTest {
    private static String md(String html) {
        TextConversion c = HtmlToMarkdown.convert(html);
        assertTrue(c.lossless(), c.lost().toString());
        return c.markdown();
    }

    @Test
    void headingsParagraphsAndInlineMarks() {
        assertEquals("# Title\n\nSome **bold**, _em_, ~~gone~~ and `a*b`.\n",
                md("<h1>Title</h1><p>Some <strong>bold</strong>, <em>em</em>, <del>gone</del> and <code>a*b</code>.</p>"));
    }

    @Test
    void textThatLooksLikeMarkdownIsEscaped() {
        assertEquals("1\\. not a list \\*stars\\* \\[x\\]\n", md("<p>1. not a list *stars* [x]</p>"));
        assertEquals("\\# not a heading\n", md("<p># not a heading</p>"));
    }

    @Test
    void linksAndImagesKeepTheirTargets() {
        assertEquals("[Plan](kaiten-import://document/42) ![shot](../../files/x/a%20b.png)\n",
                md("<p><a href=\"kaiten-import://document/42\">Plan</a> <img alt=\"shot\" src=\"../../files/x/a b.png\"></p>"));
    }

    @Test
    void nestedListsAndTasks() {
        assertEquals("- a\n  - b\n- [x] done\n\n1. one\n2. two\n",
                md("<ul><li>a<ul><li>b</li></ul></li><li><input type=checkbox checked> done</li></ul>"
                        + "<ol><li>one</li><li>two</li></ol>"));
    }

    @Test
    void notionCheckboxesAreTasks() {
        assertEquals("- [x] Create an account\n",
                md("<ul class=\"to-do-list\"><li><div class=\"checkbox checkbox-on\"></div> "
                        + "<span>Create an account</span></li></ul>"));
    }

    @Test
    void codeBlocksAndQuotes() {
        assertEquals("```java\nint a = 1;\n```\n\n> quoted\n> \n> more\n",
                md("<pre><code class=\"language-java\">int a = 1;</code></pre><blockquote><p>quoted</p><p>more</p></blockquote>")
                        .replace(">\n> more", "> \n> more"));
    }

    @Test
    void tablesBecomePipeTables() {
        assertEquals("| A | B |\n| --- | --- |\n| 1 | x \\| y |\n",
                md("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x | y</td></tr></table>"));
    }

    @Test
    void whatMarkdownCannotHoldIsCounted() {
        TextConversion c = HtmlToMarkdown.convert("<p>See <iframe src=\"https://v.example/1\"></iframe></p>"
                + "<table><tr><td colspan=2>wide</td></tr></table><details><summary>s</summary>x</details>");
        assertEquals(Map.of("html.details", 1, "html.iframe", 1, "html.table.span", 1), c.lost());
        assertTrue(c.markdown().contains("https://v.example/1"), c.markdown());
    }

    @Test
    void scriptsAndStylesAreNotContent() {
        assertEquals("text\n", md("<style>p{}</style><script>alert(1)</script><p>text</p>"));
    }

    @Test
    void underlineSuperscriptAndHighlightsAreLosses() {
        TextConversion c = HtmlToMarkdown.convert("<p><u>u</u> x<sup>2</sup> <mark>hi</mark></p>");
        assertEquals(Map.of("html.mark", 1, "html.sup", 1, "html.u", 1), c.lost());
        assertEquals("u x2 hi\n", c.markdown());
    }
}
