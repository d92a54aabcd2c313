package io.kaitenimport.source.xlsx;

import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.xml.sax.SAXParseException;

import java.util.Locale;

/** Turns what POI, the zip layer and the XML parser throw into one-line messages a user can act on. */
final class XlsxErrors {
    private XlsxErrors() {
    }

    static SourceException translate(Location where, Throwable e) {
        if (e instanceof SourceException se) {
            return se;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("zip bomb")) {
                return new SourceException(where, "refused: a part of the workbook inflates more than "
                        + Math.round(1 / XlsxWorkbook.MIN_INFLATE_RATIO) + "× its compressed size (zip-bomb guard);"
                        + " a genuine file re-saved from Excel will not do that", e);
            }
            if (lower.contains("max size of the expanded data") || lower.contains("maximum entry size")) {
                return new SourceException(where, "refused: a part of the workbook expands beyond "
                        + (XlsxWorkbook.MAX_ENTRY_SIZE >> 20) + " MiB (zip-bomb guard)", e);
            }
            if (lower.contains("doctype")) {
                return new SourceException(where, "refused: XML inside the workbook declares a DOCTYPE; .xlsx files"
                        + " never need one and it could pull in external entities", e);
            }
            if (t instanceof SAXParseException sp) {
                return new SourceException(where.withLine((long) sp.getLineNumber(), (long) sp.getColumnNumber()),
                        "malformed XML inside the workbook: " + clean(m), e);
            }
        }
        if (e instanceof NotOfficeXmlFileException || e instanceof java.util.zip.ZipException
                || e instanceof java.io.EOFException || e instanceof OpenXML4JException
                || e instanceof OpenXML4JRuntimeException) {
            return new SourceException(where, "not a readable .xlsx workbook (corrupt or truncated file): "
                    + clean(e.getMessage()), e);
        }
        if (e instanceof POIXMLException) {
            return new SourceException(where, "the zip is not an Excel workbook or is damaged: " + clean(e.getMessage()),
                    e);
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof NullPointerException) {
            // POI assumes the parts a workbook lists exist (a zip without xl/workbook.xml ends here)
            return new SourceException(where, "the workbook is damaged: a part it needs is missing (such as"
                    + " xl/workbook.xml or a part it lists)", e);
        }
        if (m.contains("with strings: null")) {
            return new SourceException(where, "the workbook is damaged: cells refer to shared texts, but the"
                    + " shared-strings part (xl/sharedStrings.xml) is missing", e);
        }
        String said = clean(m);
        return new SourceException(where, "the workbook is damaged and cannot be read"
                + (said.isEmpty() ? "" : ": " + said), e);
    }

    /** The library's own sentence without exception class names or an "error:" prefix. */
    private static String clean(String m) {
        if (m == null) {
            return "";
        }
        return m.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error):?\\s*", "")
                .replaceFirst("^(?i)error:\\s*", "").replaceAll("\\s+", " ").strip();
    }
}
