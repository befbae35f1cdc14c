package cn.zhenxing.bulk;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code bench ingest}: generates a bulk monitoring sheet of N rows, loads it end to end with
 * {@link BulkSheetLoader} (parse + validate + land), then lands the same rows from a TSV file with a
 * plain {@code LOAD DATA LOCAL INFILE} into the same table under another load_id, and compares the
 * rates. The last line printed is machine-readable:
 * {@code ingest_rows_per_s=N load_data_rows_per_s=M ratio=R peak_heap_mb=H}.
 */
public final class BulkBenchmark {

    /** What one run measured. Rates in rows per second; heap in bytes. */
    public record Figures(int rows, long xlsxBytes, long tsvBytes, double ingestSeconds, double loadDataSeconds,
                          long peakHeapBytes, long maxHeapAfterGcBytes, long maxHeapBytes) {
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
            return String.format(Locale.ROOT, "ingest_rows_per_s=%d load_data_rows_per_s=%d ratio=%.2f peak_heap_mb=%d",
                    Math.round(ingestRate()), Math.round(loadDataRate()), ratio(), Math.round(peakHeapBytes / 1048576.0));
        }
    }

    /** Thrown when a load did not land exactly the rows generated. */
    public static class VerificationException extends Exception {
        public VerificationException(String message) {
            super(message);
        }
    }

    private final BulkSheetLoader loader;

    public BulkBenchmark(BulkSheetLoader loader) {
        this.loader = loader;
    }

    public Figures run(int rows, boolean keep, Path dir, PrintWriter out) throws IOException, SQLException, VerificationException {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("zhenxing-bench-");
        Path xlsx = work.resolve("bulk_" + rows + ".xlsx");
        Path tsv = work.resolve("bulk_" + rows + ".tsv");
        long ingestId = 0;
        long loadDataId = 0;
        boolean verified = false;
        try {
            out.printf("Generating a bulk monitoring sheet of %,d rows (%d stations, 6 parameters, 2025) ...%n", rows, BulkSheetGenerator.STATIONS);
            out.flush();
            long t0 = System.nanoTime();
            BulkSheetGenerator.writeWorkbook(xlsx, rows, Map.of());
            out.printf("  %s  %.1f MiB  generated in %.1f s%n", xlsx, Files.size(xlsx) / 1048576.0, seconds(t0));

            // Opens the database and migrates the schema now, outside the timings.
            ingestId = loader.nextLoadId();
            loadDataId = ingestId + 1;
            System.gc();

            out.printf("Ingest (parse + validate + load, load_id %d) ...%n", ingestId);
            out.flush();
            BulkSheetLoader.Result result;
            HeapSampler heap = HeapSampler.start();
            long t1 = System.nanoTime();
            try {
                result = loader.load(xlsx, ingestId, null);
            } finally {
                heap.stop();
            }
            double ingestSeconds = seconds(t1);
            if (!result.accepted()) {
                throw new VerificationException("the generated sheet was rejected: " + result.errorsZh().stream().limit(5).toList());
            }
            long ingested = loader.count(ingestId);
            out.printf("  %,d rows in %.2f s = %,.0f rows/s; peak heap %.0f MiB (max after GC %.0f MiB, -Xmx %.0f MiB); %,d rows in the table%n",
                    result.rowsLoaded(), ingestSeconds, rows / ingestSeconds, heap.peak() / 1048576.0, heap.maxAfterGc() / 1048576.0,
                    heap.max() / 1048576.0, ingested);

            long t2 = System.nanoTime();
            BulkSheetGenerator.writeTsv(tsv, rows);
            out.printf("Same rows as TSV: %s  %.1f MiB  written in %.1f s%n", tsv, Files.size(tsv) / 1048576.0, seconds(t2));
            out.printf("LOAD DATA LOCAL INFILE (load_id %d) ...%n", loadDataId);
            out.flush();
            long t3 = System.nanoTime();
            long landed = loader.loadTsv(tsv, loadDataId);
            double loadDataSeconds = seconds(t3);
            long loadedByLoadData = loader.count(loadDataId);
            out.printf("  %,d rows in %.2f s = %,.0f rows/s; %,d rows in the table%n", landed, loadDataSeconds, rows / loadDataSeconds, loadedByLoadData);

            if (result.rowsLoaded() != rows || ingested != rows || landed != rows || loadedByLoadData != rows) {
                throw new VerificationException(String.format("row counts differ: generated %d, ingest landed %d (table %d), LOAD DATA landed %d (table %d)",
                        rows, result.rowsLoaded(), ingested, landed, loadedByLoadData));
            }
            verified = true;
            Figures figures = new Figures(rows, Files.size(xlsx), Files.size(tsv), ingestSeconds, loadDataSeconds,
                    heap.peak(), heap.maxAfterGc(), heap.max());
            out.println();
            out.printf("rows                 %,d%n", rows);
            out.printf("xlsx size            %.1f MiB (TSV %.1f MiB)%n", figures.xlsxBytes() / 1048576.0, figures.tsvBytes() / 1048576.0);
            out.printf("ingest end to end    %,.0f rows/s (%.2f s)%n", figures.ingestRate(), ingestSeconds);
            out.printf("LOAD DATA            %,.0f rows/s (%.2f s)%n", figures.loadDataRate(), loadDataSeconds);
            out.printf("ratio                %.2f (target >= 0.40: %s)%n", figures.ratio(), figures.ratio() >= 0.40 ? "met" : "NOT met");
            out.printf("peak heap            %.0f MiB of -Xmx %.0f MiB (max live after GC %.0f MiB)%n",
                    figures.peakHeapBytes() / 1048576.0, figures.maxHeapBytes() / 1048576.0, figures.maxHeapAfterGcBytes() / 1048576.0);
            out.println(keep ? "Kept: files in " + work + ", rows under load_id " + ingestId + " and " + loadDataId + "."
                    : "Removed the files and both loads (use --keep to keep them).");
            out.println(figures.machineLine());
            out.flush();
            return figures;
        } finally {
            if (!keep || !verified) {
                Files.deleteIfExists(xlsx);
                Files.deleteIfExists(tsv);
                if (dir == null) {
                    Files.deleteIfExists(work);
                }
            }
            if (!keep && ingestId > 0) {
                loader.delete(ingestId);
                loader.delete(loadDataId);
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
