package io.kaitenimport.source.xlsx;

import io.kaitenimport.archive.ZipCheck;
import io.kaitenimport.issue.SourceException;
import io.kaitenimport.issue.Location;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An opened .xlsx file for streaming reads: the sheet list and 1904 flag from workbook.xml, the shared strings
 * (in a temp file, see {@link SharedStringsFile}) and the styles. Sheets are read as XML streams, never loaded as a usermodel workbook.
 *
 * <p>Zip-bomb limits are set, not disabled: an entry may not inflate more than 100× its compressed size (POI's
 * default ratio) nor beyond {@link #MAX_ENTRY_SIZE}. XML is parsed by POI's hardened parsers, which refuse DOCTYPE
 * declarations, so external entities never resolve.
 */
final class XlsxWorkbook implements AutoCloseable {
    /** No part of a task-list workbook is near this; a 200k-row sheet is about 60 MiB of XML. */
    static final long MAX_ENTRY_SIZE = 1L << 30;
    /** A workbook is a few dozen parts; even one with thousands of sheets stays far below this. */
    static final long MAX_ENTRIES = 20_000;
    static final double MIN_INFLATE_RATIO = 0.01;
    private static final String STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    private final String name;
    private final OPCPackage pkg;
    private final PackagePart workbookPart;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private boolean date1904;
    private boolean strict;
    private final SharedStringsFile strings;
    /** One for every read of every sheet: its per-style answers and number cache hold for the whole workbook. */
    private final CellTypes cellTypes;

    private XlsxWorkbook(String name, OPCPackage pkg) throws IOException, SAXException, OpenXML4JException {
        this.name = name;
        this.pkg = pkg;
        Reader reader = new Reader(pkg);
        this.workbookPart = reader.workbook();
        parseWorkbook();
        if (strict) {
            // refused before the styles and the shared strings (a temp file) are read for nothing
            throw new SourceException(Location.file(name), "the workbook is saved as 'Strict Open XML"
                    + " Spreadsheet'; save it again as 'Excel Workbook (.xlsx)'");
        }
        StylesTable styles = reader.getStylesTable();
        this.strings = SharedStringsFile.read(pkg, name);
        this.cellTypes = new CellTypes(styles, date1904);
    }

    /** Exposes the workbook part, which POI keeps protected. */
    private static final class Reader extends XSSFReader {
        Reader(OPCPackage pkg) throws IOException, OpenXML4JException {
            super(pkg);
        }

        PackagePart workbook() {
            return workbookPart;
        }
    }

    /** Opens the file, or explains in one line why it cannot be read as a workbook. */
    static XlsxWorkbook open(Path file) {
        String name = file.toString();
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new SourceException(Location.file(name), "cannot read file: " + e.getMessage(), e);
        }
        switch (magic) {
            case OOXML -> { }
            case OLE2 -> throw ole2(file);
            case BIFF2, BIFF3, BIFF4 -> throw legacy(name);
            case HTML, XML -> throw new SourceException(Location.file(name), "this is an HTML/XML file with an Excel"
                    + " name, not an .xlsx workbook; open it in Excel and save it as 'Excel Workbook (.xlsx)'");
            default -> throw new SourceException(Location.file(name), "not an Excel workbook: an .xlsx file is a zip"
                    + " archive and this file is not one (a CSV? then use --from csv)");
        }
        checkZip(file);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(name, pkg);
        } catch (SourceException e) {
            revert(pkg);
            throw e;
        } catch (Exception e) {
            revert(pkg);
            throw XlsxErrors.translate(Location.file(name), e);
        }
    }

    /** Entry count and compression methods, checked before POI builds anything in memory. */
    private static void checkZip(Path file) {
        String name = file.toString();
        try {
            ZipCheck.checkEntryCount(file, MAX_ENTRIES, "workbook");
            try (org.apache.commons.compress.archivers.zip.ZipFile zip =
                         org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(file).get()) {
                var entries = zip.getEntries();
                while (entries.hasMoreElements()) {
                    ZipCheck.checkMethod(entries.nextElement(), "the workbook");
                }
            }
        } catch (ZipCheck.Refused e) {
            throw new SourceException(Location.file(name), e.getMessage());
        } catch (IOException | RuntimeException e) {
            // A broken archive: POI's own opening says what is wrong, in the workbook's terms.
        }
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    /** An OLE2 container is either an encrypted (password-protected) .xlsx or a legacy .xls. */
    private static SourceException ole2(Path file) {
        String name = file.toString();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return new SourceException(Location.file(name), "the workbook is password-protected (encrypted);"
                        + " open it in Excel, remove the password (File > Info > Protect Workbook) and save it again");
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
                return legacy(name);
            }
        } catch (IOException | RuntimeException e) {
            return new SourceException(Location.file(name), "an OLE2 (old Office) file that cannot be read: "
                    + e.getMessage(), e);
        }
        return new SourceException(Location.file(name), "an old-style Office file that holds no workbook");
    }

    private static SourceException legacy(String name) {
        return new SourceException(Location.file(name), "legacy Excel 97-2003 (.xls) files are not supported; open"
                + " it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'");
    }

    /** Sheets, their visibility and the date system, from workbook.xml. */
    private void parseWorkbook() throws IOException, SAXException {
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if (STRICT_NS.equals(uri)) {
                    strict = true;
                }
                if (local.equals("workbookPr")) {
                    String v = a.getValue("date1904");
                    date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                } else if (local.equals("sheet")) {
                    String relId = null;
                    for (int i = 0; i < a.getLength(); i++) {
                        if (a.getLocalName(i).equals("id") && a.getURI(i).contains("relationships")) {
                            relId = a.getValue(i);
                        }
                    }
                    String state = a.getValue("state");
                    boolean hidden = "hidden".equals(state) || "veryHidden".equals(state);
                    String sheetName = a.getValue("name");
                    sheets.add(new SheetInfo(sheets.size() + 1, sheetName == null ? "Sheet" + (sheets.size() + 1)
                            : sheetName, relId, hidden, isWorksheet(relId)));
                }
            }
        });
        try (InputStream in = workbookPart.getInputStream()) {
            xml.parse(new InputSource(in));
        }
    }

    private boolean isWorksheet(String relId) {
        try {
            PackageRelationship rel = relId == null ? null : workbookPart.getRelationship(relId);
            return rel != null && rel.getRelationshipType().endsWith("/worksheet");
        } catch (RuntimeException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    List<SheetInfo> sheets() {
        return sheets;
    }

    boolean date1904() {
        return date1904;
    }

    CellTypes cellTypes() {
        return cellTypes;
    }

    SharedStringsFile strings() {
        return strings;
    }

    /** True for a macro-enabled workbook (.xlsm) that carries VBA code. */
    boolean hasMacros() {
        return !pkg.getPartsByName(Pattern.compile("/xl/vbaProject\\.bin", Pattern.CASE_INSENSITIVE)).isEmpty();
    }

    PackagePart sheetPart(SheetInfo sheet) {
        try {
            return workbookPart.getRelatedPart(workbookPart.getRelationship(sheet.relId()));
        } catch (InvalidFormatException | RuntimeException e) {
            throw new SourceException(Location.file(name), "sheet " + sheet.describe() + " cannot be found inside"
                    + " the workbook (corrupt file?)", e);
        }
    }

    /** The sheet name in positions: {@code tasks.xlsx [Tasks]}. */
    String label(SheetInfo sheet) {
        return name + " [" + sheet.name() + "]";
    }

    /** Finds a sheet by name (case-insensitive) or 1-based index, or fails listing the sheets there are. */
    SheetInfo find(String nameOrIndex) {
        String want = nameOrIndex.strip();
        for (SheetInfo s : sheets) {
            if (s.name().equals(want)) {
                return s;
            }
        }
        for (SheetInfo s : sheets) {
            if (s.name().toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        if (want.matches("\\d{1,4}")) {
            int i = Integer.parseInt(want);
            if (i >= 1 && i <= sheets.size()) {
                return sheets.get(i - 1);
            }
        }
        throw new SourceException(Location.file(name), "no sheet '" + want + "'; the workbook has "
                + String.join(", ", sheets.stream().map(SheetInfo::describe).toList())
                + " (--sheet takes a name or a 1-based index)");
    }

    @Override
    public void close() {
        try {
            strings.close();
        } catch (java.io.IOException e) {
            // only the temp file of shared texts is left behind; the next temp-folder cleanup takes it
        } finally {
            pkg.revert();
        }
    }
}
