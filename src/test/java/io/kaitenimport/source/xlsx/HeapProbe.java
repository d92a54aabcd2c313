package io.kaitenimport.source.xlsx;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.kaitenimport.cli.Main;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one {@code kaiten-import convert} in this JVM and prints its exit code, wall time, the largest heap
 * occupancy right after a collection (what the run had to keep live) and the sum of the heap pools' peaks (an upper
 * bound that mostly shows how much of the cap the collector chose to use). {@link XlsxHeapCheck} runs it in a JVM
 * capped at 256 MB.
 * {@code HeapProbe generate FILE ROWS} writes the generated workbook instead.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        AtomicLong liveMax = new AtomicLong();
        watchCollections(liveMax);
        long start = System.nanoTime();
        int exit = Main.newCommandLine().execute(args);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("exit=%d elapsed-ms=%d max-heap-mb=%d live-heap-after-gc-max-mb=%d pool-peaks-sum-mb=%d%n",
                exit, ms, max >> 20, liveMax.get() >> 20, poolPeaks >> 20);
        System.exit(exit);
    }

    /** Tracks the largest heap occupancy right after a collection: what the run really had to keep. */
    private static void watchCollections(AtomicLong liveMax) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        liveMax.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    /** Written with SXSSF (a window of 100 rows in memory) and a shared-strings table, like Excel's own files. */
    public static void generate(Path file, int rows) throws IOException {
        String[] statuses = {"Backlog", "To do", "In progress", "Review", "Done"};
        String[] priorities = {"High", "Medium", "Low"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet s = wb.createSheet("Tasks");
            String[] head = {"ID", "Title", "Status", "Assignee", "Due date", "Estimate", "Priority", "Description"};
            Row h = s.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            LocalDate base = LocalDate.of(2024, 1, 1);
            int r = 1;
            for (int i = 1; i <= rows; i++) {
                if (i % 5000 == 1) {
                    Row section = s.createRow(r);
                    section.createCell(0).setCellValue("Milestone " + (i / 5000 + 1));
                    s.addMergedRegion(new CellRangeAddress(r, r, 0, head.length - 1));
                    r++;
                }
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue("T-" + i);
                row.createCell(1).setCellValue("Task number " + i + " of the generated plan");
                row.createCell(2).setCellValue(statuses[i % statuses.length]);
                row.createCell(3).setCellValue("person" + (i % 50) + "@example.com");
                row.createCell(4).setCellValue(base.plusDays(i % 365));
                row.getCell(4).setCellStyle(date);
                row.createCell(5).setCellValue(i % 13 + 0.5);
                row.createCell(6).setCellValue(priorities[i % 3]);
                row.createCell(7).setCellValue("Generated description " + i + ": check the sensors, write the notes"
                        + " and update the plan.");
                if (i % 1000 == 0) {
                    Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
                    link.setAddress("https://example.com/tasks/" + i);
                    row.getCell(1).setHyperlink(link);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }
}
