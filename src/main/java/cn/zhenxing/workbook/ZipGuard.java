package cn.zhenxing.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The one zip-bomb guard of uploaded workbooks (.xlsx are zip archives), used by {@link FileSniffer}
 * for every submission and by the bulk loader (fastexcel-reader has no guard of its own), and applied
 * to POI's {@link ZipSecureFile}, which checks the actual inflation while POI reads.
 *
 * <p>The sizes checked here are those the zip directory declares (headers can lie; POI's guard and
 * the parsers' bounded reading still catch a lying entry). Limits:
 * <ul>
 *   <li>an entry declared larger than {@link #RATIO_FROM_BYTES} (10 MiB) may inflate at most
 *       {@link #MAX_RATIO} (100) times its compressed size: a generated 1,000,000-row bulk sheet
 *       (30 MiB .xlsx) inflates about 10-fold, a bomb thousands-fold;</li>
 *   <li>all entries together at most {@link #MAX_TOTAL_BYTES} (4 GiB), POI's largest entry.</li>
 * </ul>
 */
public final class ZipGuard {

    /** An entry larger than {@link #RATIO_FROM_BYTES} may inflate at most this many times its compressed size. */
    public static final int MAX_RATIO = 100;
    /** Entries up to this size (10 MiB) are not held to {@link #MAX_RATIO}: a blank sheet compresses very well. */
    public static final long RATIO_FROM_BYTES = 10L << 20;
    /** The declared uncompressed size of all entries together (4 GiB); POI's largest entry is one byte less. */
    public static final long MAX_TOTAL_BYTES = 4L << 30;

    private ZipGuard() {}

    /**
     * Checks a file's zip directory: null if the file may be read, {@link FileFormat#ZIP_BOMB} if it
     * exceeds a limit, {@link FileFormat#CORRUPT} if it is no readable zip archive.
     */
    public static FileFormat check(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return exceedsLimits(zip) ? FileFormat.ZIP_BOMB : null;
        } catch (IOException e) {
            return FileFormat.CORRUPT;
        }
    }

    /** The uncompressed size all entries declare together, or -1 if the file is no readable zip archive. */
    public static long declaredSize(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                total += Math.max(e.nextElement().getSize(), 0);
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether the declared sizes of an open archive exceed a limit. */
    public static boolean exceedsLimits(ZipFile zip) {
        long total = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            total += Math.max(size, 0);
            if (size > RATIO_FROM_BYTES && compressed >= 0 && size > compressed * MAX_RATIO) {
                return true;
            }
        }
        return total > MAX_TOTAL_BYTES;
    }

    /**
     * Sets POI's inflation guard to these limits (its defaults are the same: ratio 0.01, largest entry
     * 4 GiB - 1), so that what is checked here and while POI reads cannot drift apart.
     */
    public static void applyToPoi() {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_TOTAL_BYTES - 1);
    }
}
