package io.kaitenimport.attach;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attachments of a Jira CSV export ("CSV (all fields)"): every {@code Attachment} column holds
 * {@code date;author;file name;URL}. The file name may itself contain ';', so the date and author are the first two
 * parts, the URL the last. The attachment id is the number in the URL ({@code …/attachment/content/10003} on
 * Cloud, {@code …/secure/attachment/10062/name} on Server/DC), else {@code <issue id>:a<index>}. Rows are streamed.
 */
final class JiraCsvFinder implements AttachmentFinder {
    private static final Pattern ID_IN_URL = Pattern.compile("/attachment/(?:content/)?(\\d+)(?:[/?#]|$)");

    @Override
    public void find(Path file, Consumer<Attachment> out) throws IOException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVParser parser = CSVFormat.DEFAULT.builder().build().parse(reader);
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new SourceException(Location.file(name), "the file is empty; expected a Jira CSV export");
            }
            CSVRecord header = rows.next();
            List<Integer> columns = new ArrayList<>();
            int idCol = -1;
            int keyCol = -1;
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c).trim();
                if (h.equalsIgnoreCase("Attachment")) {
                    columns.add(c);
                } else if (h.equalsIgnoreCase("Issue id") && idCol < 0) {
                    idCol = c;
                } else if (h.equalsIgnoreCase("Issue key") && keyCol < 0) {
                    keyCol = c;
                }
            }
            if (idCol < 0 && keyCol < 0) {
                throw new SourceException(Location.cell(name, 1, null, null),
                        "not a Jira CSV export: no 'Issue id' or 'Issue key' column");
            }
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                String issueId = cell(row, idCol);
                String key = cell(row, keyCol);
                String cardId = issueId != null ? issueId : key;
                int index = 0;
                for (int c : columns) {
                    String value = cell(row, c);
                    if (value == null || cardId == null) {
                        continue;
                    }
                    Location at = Location.cell(name, row.getRecordNumber(), (long) c + 1, "Attachment");
                    String[] parts = value.split(";", -1);
                    if (parts.length < 4) {
                        throw new SourceException(at, "expected 'date;author;file name;URL', got '" + value + "'");
                    }
                    String url = parts[parts.length - 1].trim();
                    String fileName = String.join(";", java.util.Arrays.copyOfRange(parts, 2, parts.length - 1));
                    Matcher m = ID_IN_URL.matcher(url);
                    String id = m.find() ? m.group(1) : cardId + ":a" + index;
                    index++;
                    out.accept(new Attachment("jira", name + " row " + row.getRecordNumber() + " column " + (c + 1),
                            cardId, key, id, fileName.isEmpty() ? "attachment-" + id : fileName, url, null));
                }
            }
        } catch (UncheckedIOException e) {
            throw new SourceException(Location.file(name), "not readable as CSV: " + e.getCause().getMessage(), e);
        }
    }

    private static String cell(CSVRecord row, int c) {
        if (c < 0 || c >= row.size()) {
            return null;
        }
        String v = row.get(c).trim();
        return v.isEmpty() ? null : v;
    }
}
