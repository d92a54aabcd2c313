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
                        "malformed XML inside the workbook: " + m, e);
            }
        }
        if (e instanceof NotOfficeXmlFileException || e instanceof java.util.zip.ZipException
                || e instanceof java.io.EOFException || e instanceof OpenXML4JException
                || e instanceof OpenXML4JRuntimeException) {
            return new SourceException(where, "not a readable .xlsx workbook (corrupt or truncated file): "
                    + e.getMessage(), e);
        }
        if (e instanceof POIXMLException) {
            return new SourceException(where, "the zip is not an Excel workbook or is damaged: " + e.getMessage(), e);
        }
        return new SourceException(where, "cannot read the workbook: " + e, e);
    }
}
