package cn.zhenxing.bulk;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench ingest}: generates an 环境空气质量日报 workbook of N readings (N / 8 rows of a month, on
 * temporary benchmark stations), ingests it with the real ingest (register, check, land, publish, marts,
 * receipt) to published facts, then lands the same readings from a TSV file with a plain
 * {@code LOAD DATA LOCAL INFILE} into the same fact table (under a negative, unpublished submission id), and
 * compares the rates. The last line printed is machine-readable:
 * {@code ingest_rows_per_s=N load_data_rows_per_s=M ratio=R peak_heap_mb=H}.
 */
public final class MonitoringBenchmark {

    /** What one run measured. Rates in readings (fact rows) per second; heap in bytes. */
    public record Figures(int rows, int sheetRows, long xlsxBytes, long tsvBytes, double ingestSeconds, double loadDataSeconds,
                          long peakHeapBytes, long maxHeapAfterGcBytes, long maxHeapBytes, boolean warmedUp) {
        public double ingestRate() {
            return rows / ingestSeconds;
        }

        public double loadDataRate() {
            return rows / loadDataSeconds;
        }

        public double ratio() {
            return ingestRate() / loadDataRate();
        }

        public String machineLine() {
            return String.format(Locale.ROOT, "ingest_rows_per_s=%d load_data_rows_per_s=%d ratio=%.2f peak_heap_mb=%d warm_up=%s",
                    Math.round(ingestRate()), Math.round(loadDataRate()), ratio(), Math.round(peakHeapBytes / 1048576.0), warmedUp ? "yes" : "no");
        }
    }

    /** Thrown when a load did not land exactly the readings generated. */
    public static class VerificationException extends Exception {
        public VerificationException(String message) {
            super(message);
        }
    }

    /** The real ingest of one file: the accepted submission's id (anything else throws). */
    public interface Ingest {
        long ingest(Path file) throws Exception;
    }

    static final String UNIT = "140000";
    static final YearMonth MONTH = YearMonth.of(2025, 1);

    private final MonitoringLoader loader;
    private final JdbcTemplate jdbc;

    public MonitoringBenchmark(MonitoringLoader loader, JdbcTemplate jdbc) {
        this.loader = loader;
        this.jdbc = jdbc;
    }

    /**
     * @param warmUp ingest a small file of another month first, untimed: a long-running {@code serve} pays
     *               class loading and JIT once, not for each file; without it the timed file pays them too
     */
    public Figures run(int rows, boolean keep, Path dir, boolean warmUp, Ingest ingest, PrintWriter out) throws Exception {
        MonitoringForm form = MonitoringForm.load("air_daily");
        int perRow = form.parameters().size();
        int sheetRows = (rows + perRow - 1) / perRow;
        int readings = sheetRows * perRow;
        int stations = (sheetRows + MONTH.lengthOfMonth() - 1) / MONTH.lengthOfMonth();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("zhenxing-bench-");
        Path xlsx = work.resolve("air_daily_" + readings + ".xlsx");
        Path tsv = work.resolve("air_daily_" + readings + ".tsv");
        Path warmFile = work.resolve("air_daily_warm_up.xlsx");
        long warmSubmission = 0;
        long submission = 0;
        long loadDataId = 0;
        boolean verified = false;
        Map<String, String> points = new LinkedHashMap<>();
        try {
            for (int i = 1; i <= stations; i++) {
                points.put(String.format(Locale.ROOT, "BN%05d", i), "基准测试站点" + i);
            }
            jdbc.batchUpdate(BulkSql.sql("benchPointInsert"), points.entrySet().stream()
                    .map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
            MonitoringSamples samples = new MonitoringSamples(form, points, MONTH, sheetRows);
            out.printf("Generating an 环境空气质量日报 workbook: %,d rows x %d parameters = %,d readings (%,d temporary stations, %s) ...%n",
                    sheetRows, perRow, readings, stations, MONTH);
            out.flush();
            long t0 = System.nanoTime();
            MonitoringWorkbook.write(xlsx, form, UNIT, MONTH.getYear() + "M" + String.format("%02d", MONTH.getMonthValue()), samples.iterator(), Map.of());
            out.printf("  %s  %.1f MiB  generated in %.1f s%n", xlsx, Files.size(xlsx) / 1048576.0, seconds(t0));
            if (warmUp) {
                YearMonth warmMonth = MONTH.plusMonths(1);
                Map<String, String> one = Map.of(points.keySet().iterator().next(), points.values().iterator().next());
                MonitoringWorkbook.write(warmFile, form, UNIT, warmMonth.getYear() + "M" + String.format("%02d", warmMonth.getMonthValue()),
                        MonitoringSamples.month(form, one, warmMonth).iterator(), Map.of());
                long tw = System.nanoTime();
                warmSubmission = ingest.ingest(warmFile);
                out.printf("Warm-up (untimed): one station-month of %s ingested in %.2f s (the first file of a JVM loads classes and compiles)%n",
                        warmMonth, seconds(tw));
            }
            System.gc();

            out.println("Ingest (the real ingest job: register, check, land, publish, marts, receipt) ...");
            out.flush();
            HeapSampler heap = HeapSampler.start();
            long t1 = System.nanoTime();
            try {
                submission = ingest.ingest(xlsx);
            } finally {
                heap.stop();
            }
            double ingestSeconds = seconds(t1);
            long ingested = loader.count(submission);
            out.printf("  submission #%d: %,d readings in %.2f s = %,.0f readings/s; peak heap %.0f MiB (max after GC %.0f MiB, -Xmx %.0f MiB)%n",
                    submission, ingested, ingestSeconds, readings / ingestSeconds, heap.peak() / 1048576.0, heap.maxAfterGc() / 1048576.0,
                    heap.max() / 1048576.0);

            long t2 = System.nanoTime();
            MonitoringLoader.writeTsv(tsv, samples.readings());
            out.printf("Same readings as TSV: %s  %.1f MiB  written in %.1f s%n", tsv, Files.size(tsv) / 1048576.0, seconds(t2));
            loadDataId = -submission; // unpublished: no submission has a negative id
            out.printf("LOAD DATA LOCAL INFILE into fact_monitoring_reading (submission_id %d) ...%n", loadDataId);
            out.flush();
            long t3 = System.nanoTime();
            long landed = loader.loadTsv(tsv, loadDataId);
            double loadDataSeconds = seconds(t3);
            long loadedByLoadData = loader.count(loadDataId);
            out.printf("  %,d readings in %.2f s = %,.0f readings/s%n", landed, loadDataSeconds, readings / loadDataSeconds);

            if (ingested != readings || landed != readings || loadedByLoadData != readings) {
                throw new VerificationException(String.format("reading counts differ: generated %d, ingest published %d, LOAD DATA landed %d (table %d)",
                        readings, ingested, landed, loadedByLoadData));
            }
            verified = true;
            Figures figures = new Figures(readings, sheetRows, Files.size(xlsx), Files.size(tsv), ingestSeconds, loadDataSeconds,
                    heap.peak(), heap.maxAfterGc(), heap.max(), warmUp);
            out.println();
            out.printf("readings (fact rows) %,d (%,d workbook rows)%n", readings, sheetRows);
            out.printf("xlsx size            %.1f MiB (TSV %.1f MiB)%n", figures.xlsxBytes() / 1048576.0, figures.tsvBytes() / 1048576.0);
            out.printf("ingest end to end    %,.0f readings/s (%.2f s)%n", figures.ingestRate(), ingestSeconds);
            out.printf("LOAD DATA            %,.0f readings/s (%.2f s)%n", figures.loadDataRate(), loadDataSeconds);
            out.printf("ratio                %.2f (target >= 0.80: %s)%n", figures.ratio(), figures.ratio() >= 0.80 ? "met" : "NOT met");
            out.printf("peak heap            %.0f MiB of -Xmx %.0f MiB (max live after GC %.0f MiB)%n",
                    figures.peakHeapBytes() / 1048576.0, figures.maxHeapBytes() / 1048576.0, figures.maxHeapAfterGcBytes() / 1048576.0);
            out.println(keep ? "Kept: files in " + work + ", submission #" + submission + " and the LOAD DATA rows (" + loadDataId + ")."
                    : "Removed the files, the LOAD DATA rows and the benchmark's readings (submission #" + submission + " stays, emptied; use --keep to keep them).");
            out.println(figures.machineLine());
            out.flush();
            return figures;
        } finally {
            if (!keep || !verified) {
                Files.deleteIfExists(xlsx);
                Files.deleteIfExists(tsv);
                Files.deleteIfExists(warmFile);
                if (dir == null) {
                    Files.deleteIfExists(work);
                }
            }
            if (!keep) {
                if (loadDataId != 0) {
                    loader.delete(loadDataId);
                }
                if (submission != 0) {
                    loader.delete(submission);
                }
                if (warmSubmission != 0) {
                    loader.delete(warmSubmission);
                }
                jdbc.update(BulkSql.sql("benchPointDelete"));
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Peak heap while a load runs: a daemon thread samples heap used every 10 ms; at the end the
     * peak is the larger of that and the sum of the heap pools' own peak usage (which sees peaks
     * between samples, but adds up peaks of different moments, so it errs high). Heap used includes
     * garbage not yet collected; the largest heap left after a collection (from GC notifications)
     * is the live data.
     */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private final AtomicLong sampled = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();
        private final List<Runnable> unsubscribe = new ArrayList<>();
        private volatile boolean running = true;
        private Thread thread;
        private long peak;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                    pool.resetPeakUsage();
                    s.pools.add(pool);
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener listener = s::gcDone;
                    emitter.addNotificationListener(listener, null, null);
                    s.unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException ignored) {
                            // already gone
                        }
                    });
                }
            }
            s.sample();
            s.thread = new Thread(() -> {
                while (s.running) {
                    s.sample();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        private void sample() {
            sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        private void gcDone(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                used += usage.getUsed();
            }
            // Non-heap pools (metaspace, code cache) are in the map too: subtract them.
            for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (pools.stream().noneMatch(p -> p.getName().equals(e.getKey()))) {
                    used -= e.getValue().getUsed();
                }
            }
            afterGc.accumulateAndGet(used, Math::max);
        }

        void stop() {
            running = false;
            thread.interrupt();
            sample();
            unsubscribe.forEach(Runnable::run);
            long poolPeaks = 0;
            for (MemoryPoolMXBean pool : pools) {
                MemoryUsage p = pool.getPeakUsage();
                poolPeaks += p == null ? 0 : p.getUsed();
            }
            peak = Math.max(sampled.get(), poolPeaks);
        }

        long peak() {
            return peak;
        }

        long maxAfterGc() {
            return afterGc.get();
        }

        long max() {
            return memory.getHeapMemoryUsage().getMax();
        }
    }
}
