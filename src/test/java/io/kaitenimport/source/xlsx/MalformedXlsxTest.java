package io.kaitenimport.source.xlsx;

import io.kaitenimport.source.PackageRun;
import io.kaitenimport.issue.SourceException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs that must be refused with one clear line, never a stack trace or a half-read package. */
class MalformedXlsxTest {
    private static final Path SAMPLE = SampleWorkbookGoldenTest.SAMPLE;

    private static String refuse(Path file, Path tmp) {
        SourceException e = assertThrows(SourceException.class, () -> XlsxRun.convert(file, tmp.resolve("out")).close());
        assertFalse(e.describe().contains("\n"), "one line: " + e.describe());
        return e.getMessage();
    }

    @Test
    void passwordProtectedWorkbook(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("secret.xlsx");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("s3cret");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = enc.getDataStream(fs); InputStream in = Files.newInputStream(SAMPLE)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertTrue(new XlsxSourceAdapter().detect(file, head(file)), "detected, so the user gets this message");
        assertTrue(refuse(file, tmp).contains("password-protected"));
    }

    @Test
    void strictOpenXmlIsRefusedBeforeItsTextIsRead(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("strict.xlsx");
        rewrite(SAMPLE, file, "xl/workbook.xml", x -> x.replace(
                "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                "http://purl.oclc.org/ooxml/spreadsheetml/main"));
        assertTrue(refuse(file, tmp).contains("Strict Open XML"));
    }

    @Test
    void legacyXls(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("old.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Tasks").createRow(0).createCell(0).setCellValue("Task");
            wb.write(out);
        }
        assertTrue(new XlsxSourceAdapter().detect(file, head(file)));
        String m = refuse(file, tmp);
        assertTrue(m.contains(".xls") && m.contains("save it as 'Excel Workbook (.xlsx)'"), m);
    }

    @Test
    void truncatedWorkbook(@TempDir Path tmp) throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        Path file = tmp.resolve("cut.xlsx");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(refuse(file, tmp).contains("corrupt or truncated"));
    }

    @Test
    void textWithAnExcelName(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("tasks.xlsx");
        Files.writeString(file, "Task,Status\nOne,Done\n");
        assertFalse(new XlsxSourceAdapter().detect(file, head(file)), "left to the csv adapter via --from");
        assertTrue(refuse(file, tmp).contains("not an Excel workbook"));
    }

    @Test
    void zipThatIsNotAWorkbook(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("photos.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        String m = refuse(file, tmp);
        assertTrue(m.contains("corrupt") || m.contains("not an Excel workbook"), m);
    }

    @Test
    void externalEntityInSheetXmlIsRefusedAndNeverRead(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        Path file = tmp.resolve("xxe.xlsx");
        rewrite(SAMPLE, file, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<worksheet")
                .replace("<v>4.0</v>", "<v>&xxe;</v>"));
        String m = refuse(file, tmp);
        assertTrue(m.contains("DOCTYPE"), m);
        assertFalse(m.contains("TOP-SECRET"), m);
    }

    @Test
    void externalEntityInSharedStringsIsRefused(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        Path file = tmp.resolve("xxe2.xlsx");
        rewrite(SAMPLE, file, "xl/sharedStrings.xml", xml -> xml.replaceFirst("<sst",
                "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<sst")
                .replaceFirst("<t>Task</t>", "<t>&xxe;</t>"));
        String m = refuse(file, tmp);
        assertTrue(m.contains("DOCTYPE"), m);
    }

    @Test
    void zipBombIsRefused(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bomb.xlsx");
        // 64 MiB of blanks inside the sheet deflates about 1000:1, far past the 100:1 limit.
        String padding = " ".repeat(1 << 20);
        rewriteStreaming(SAMPLE, file, "xl/worksheets/sheet1.xml", (xml, out) -> {
            int cut = xml.indexOf("<sheetData>");
            out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 64; i++) {
                out.write(padding.getBytes(StandardCharsets.UTF_8));
            }
            out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(Files.size(file) < 1 << 20);
        assertTrue(refuse(file, tmp).contains("zip-bomb guard"));
    }

    @Test
    void unknownSheetListsTheSheets(@TempDir Path tmp) {
        SourceException e = assertThrows(SourceException.class,
                () -> XlsxRun.convert(SAMPLE, tmp, XlsxRun.withSheet("Tasks")).close());
        assertEquals("no sheet 'Tasks'; the workbook has 'Plan' (1), 'Lookups' (2), 'Archive' (3, hidden)"
                + " (--sheet takes a name or a 1-based index)", e.getMessage());
        assertThrows(SourceException.class, () -> XlsxRun.convert(SAMPLE, tmp, XlsxRun.withSheet("9")).close());
    }

    @Test
    void macroWorkbookIsReadWithMacrosIgnored(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("plan.xlsm");
        rewrite(SAMPLE, file, "[Content_Types].xml", xml -> xml.replace("<Default ",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default "));
        addEntry(file, "xl/vbaProject.bin", new byte[] {1, 2, 3});
        assertTrue(new XlsxSourceAdapter().detect(file, head(file)));
        try (PackageRun run = XlsxRun.convert(file, tmp.resolve("out"))) {
            assertEquals(6, run.records("cards").size());
            assertEquals(1, run.lost(" macros"));
            assertTrue(run.messages().stream().anyMatch(m -> m.contains("macros (VBA) are not run")));
        }
    }

    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024);
        }
    }

    interface EntryWriter {
        void write(String original, OutputStream out) throws IOException;
    }

    static void rewrite(Path from, Path to, String entry, UnaryOperator<String> change) throws IOException {
        rewriteStreaming(from, to, entry, (xml, out) -> out.write(change.apply(xml).getBytes(StandardCharsets.UTF_8)));
    }

    /** Copies a workbook entry by entry, replacing one entry's content. */
    static void rewriteStreaming(Path from, Path to, String entry, EntryWriter writer) throws IOException {
        Path tmp = Files.createTempFile(to.getParent(), "rw", ".zip");
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data;
                try (InputStream is = in.getInputStream(e)) {
                    data = is.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    writer.write(new String(data, StandardCharsets.UTF_8), out);
                } else {
                    out.write(data);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void addEntry(Path file, String name, byte[] data) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "add", ".zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(data);
            out.closeEntry();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
