package io.kaitenimport.report.html;

import io.kaitenimport.report.Display;
import io.kaitenimport.report.Numbers;

import java.io.IOException;
import java.io.Writer;

/** The page being written: an escaping writer plus how paths are shown. */
public final class Html {
    private final Writer out;
    private final Display display;

    Html(Writer out, Display display) {
        this.out = out;
        this.display = display;
    }

    /** Raw markup (never source text). */
    public Html raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** Source or report text, escaped, with absolute paths shown relative to the working directory. */
    public Html text(String s) throws IOException {
        out.write(esc(display.text(s == null ? "" : s)));
        return this;
    }

    /** A count with thousands separators. */
    public Html num(long n) throws IOException {
        out.write(Numbers.n(n));
        return this;
    }

    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
