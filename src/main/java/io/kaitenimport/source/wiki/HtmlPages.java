package io.kaitenimport.source.wiki;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.source.text.HtmlToMarkdown;
import io.kaitenimport.source.text.TextConversion;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.stream.Collectors;

/** An HTML page body: links rewritten in the DOM, then Markdown when nothing is lost, else the HTML itself. */
final class HtmlPages {
    private HtmlPages() {
    }

    static WikiFormat.Rendered render(Element body, WikiNode page, WikiRun run) throws IOException {
        // an image wrapped in a link to itself (Notion, Confluence thumbnails) is just the image
        for (Element a : body.select("a[href]:has(> img[src])")) {
            Element img = a.selectFirst("> img[src]");
            if (a.children().size() == 1 && a.ownText().isBlank() && img != null
                    && Links.Split.of(a.attr("href")).path().equals(Links.Split.of(img.attr("src")).path())) {
                a.unwrap();
            }
        }
        for (Element a : body.select("a[href]")) {
            String to = run.link(page, a.attr("href"), false);
            if (to != null) {
                a.attr("href", to);
            }
        }
        for (Element img : body.select("img[src]")) {
            String to = run.link(page, img.attr("src"), true);
            if (to != null) {
                img.attr("src", to);
            }
        }
        TextConversion md = HtmlToMarkdown.convert(body.clone());
        if (md.lossless()) {
            return WikiFormat.Rendered.markdown(md.markdown());
        }
        run.keptHtml++;
        String what = md.lost().entrySet().stream().map(e -> e.getKey().substring(5) + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        run.ctx.issue(IssueCode.SOURCE_RULE, run.files.at(page.file), "kept as HTML: Markdown cannot hold " + what);
        return new WikiFormat.Rendered(body.html() + "\n", "html");
    }
}
