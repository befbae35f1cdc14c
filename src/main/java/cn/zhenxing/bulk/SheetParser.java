package cn.zhenxing.bulk;

import static cn.zhenxing.bulk.BulkSheetLoader.HEADERS;

import cn.zhenxing.workbook.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the first sheet with fastexcel-reader (shared strings read lazily, no grid), validates
 * each row and hands the valid rows in batches to the landing side until the first error.
 */
final class SheetParser {

    private static final Logger log = LoggerFactory.getLogger(BulkSheetLoader.class);
    private static final int BATCH_ROWS = 1024;

    private SheetParser() {}

    /**
     * Parses and validates on the calling thread, handing valid rows to {@code load} until the first
     * error. Returns how many rows were handed over. Always ends the stream, so the landing statement
     * finishes normally (an exception inside the driver's file transfer would break the connection's
     * protocol state).
     */
    static long parse(Path file, LoadErrors errors, LoadData load) {
        long sent = 0;
        boolean sending = true;
        List<BulkReading> batch = new ArrayList<>(BATCH_ROWS);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            boolean date1904 = workbook.isDate1904();
            Iterator<Row> it = rows.iterator();
            Row header = null;
            while (it.hasNext() && header == null) {
                Row row = it.next();
                if (!RowText.blank(row)) {
                    header = row;
                }
            }
            if (header == null) {
                errors.add("工作表中没有数据：第1行应为表头（" + String.join("、", HEADERS) + "），其后每行一条监测记录。");
                return 0;
            }
            if (!RowValidator.checkHeader(header, errors)) {
                return 0;
            }
            while (it.hasNext()) {
                Row row = it.next();
                if (RowText.blank(row)) {
                    continue;
                }
                errors.dataRows++;
                BulkReading reading = RowValidator.validate(row, date1904, errors);
                if (reading == null) {
                    sending = false;
                    continue;
                }
                if (!sending) {
                    continue;
                }
                batch.add(reading);
                if (batch.size() == BATCH_ROWS) {
                    if (!load.hand(batch)) {
                        break;
                    }
                    sent += batch.size();
                    batch = new ArrayList<>(BATCH_ROWS);
                }
            }
            if (errors.dataRows == 0) {
                errors.add("工作表只有表头，没有监测记录。");
            }
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            log.info("Bulk sheet {} unreadable", file, e);
            errors.add(FileFormat.CORRUPT.refusalZh());
        } finally {
            if (sending && errors.count == 0 && !batch.isEmpty() && load.hand(batch)) {
                sent += batch.size();
            }
            load.end();
        }
        return sent;
    }
}
