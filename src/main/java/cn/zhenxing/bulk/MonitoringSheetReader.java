package cn.zhenxing.bulk;

import cn.zhenxing.workbook.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a monitoring form with fastexcel-reader (SAX-style: shared strings read lazily, no grid): its
 * _meta sheet, then the data sheet row by row, checking the header row and handing the readings of good
 * rows in batches to a sink until the first error (the rest is still checked, so the submitter gets every
 * problem at once). Memory does not grow with the rows.
 */
final class MonitoringSheetReader {

    private static final Logger log = LoggerFactory.getLogger(MonitoringSheetReader.class);
    private static final int BATCH_READINGS = 4096;

    private MonitoringSheetReader() {}

    /**
     * The key/value pairs of the _meta sheet (column A keys, B values): empty when the workbook has no such
     * sheet, null when the workbook could not be read this way.
     */
    static Map<String, String> meta(Path file, String metaSheet) {
        Map<String, String> meta = new HashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            Optional<Sheet> sheet = workbook.findSheet(metaSheet);
            if (sheet.isEmpty()) {
                return meta;
            }
            try (Stream<Row> rows = sheet.get().openStream()) {
                rows.limit(50).forEach(row -> {
                    String key = RowText.text(row, 0);
                    String value = RowText.text(row, 1);
                    if (key != null && value != null) {
                        meta.put(key.strip(), value.strip());
                    }
                });
            }
        } catch (Exception e) {
            // Recognition only: whatever breaks reading a submitter's bytes here (fastexcel lets the XML
            // parser's checked WFCException through) means "no monitoring form"; the quarterly reader then reads
            // the file itself and rejects it with what it found.
            log.debug("No monitoring _meta in {}: {}", file, e.toString());
            return null;
        }
        return meta;
    }

    /**
     * Reads the data sheet; {@code rowsFor} makes the row checker once the workbook's date system is known.
     * Always ends the sink (a landing statement must finish normally). Returns the readings handed over.
     */
    static long read(Path file, MonitoringForm form, Function<Boolean, MonitoringRows> rowsFor, SheetProblems problems, ReadingSink sink) {
        long sent = 0;
        boolean sending = true;
        long dataRows = 0;
        List<MonitoringReading> batch = new ArrayList<>(BATCH_READINGS + 16);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            Optional<Sheet> sheet = workbook.findSheet(form.sheet());
            if (sheet.isEmpty()) {
                problems.fileError("找不到工作表“" + form.sheet() + "”。", "请使用系统下载的" + form.title() + "模板，不要重命名或删除工作表。");
                return 0;
            }
            MonitoringRows checker = rowsFor.apply(workbook.isDate1904());
            try (Stream<Row> rows = sheet.get().openStream()) {
                Iterator<Row> it = rows.iterator();
                boolean headerSeen = false;
                while (it.hasNext()) {
                    Row row = it.next();
                    if (row.getRowNum() < form.headerRow()) {
                        continue;
                    }
                    if (!headerSeen) {
                        headerSeen = true;
                        if (row.getRowNum() != form.headerRow() || !header(row, form, problems)) {
                            if (row.getRowNum() != form.headerRow()) {
                                problems.fileError("第" + form.headerRow() + "行应为表头。", "请使用系统下载的模板，不要删除或插入表头上方的行。");
                            }
                            return 0;
                        }
                        continue;
                    }
                    if (RowText.blank(row)) {
                        continue;
                    }
                    dataRows++;
                    List<MonitoringReading> readings = checker.check(row);
                    if (readings == null) {
                        sending = false;
                        continue;
                    }
                    if (!sending) {
                        continue;
                    }
                    batch.addAll(readings);
                    if (batch.size() >= BATCH_READINGS) {
                        if (!sink.hand(batch)) {
                            sending = false;
                            break;
                        }
                        sent += batch.size();
                        batch = new ArrayList<>(BATCH_READINGS + 16);
                    }
                }
                if (!headerSeen) {
                    problems.fileError("工作表“" + form.sheet() + "”缺少表头。", "请使用系统下载的模板。");
                } else if (dataRows == 0) {
                    problems.fileError("工作表“" + form.sheet() + "”只有表头，没有监测数据。", "请在表头下方逐行填写监测数据后报送。");
                }
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException r && !unreadable(r)) {
                throw r; // the sink's database failures are the system's, not the file's
            }
            log.info("Monitoring form {} unreadable", file, e);
            problems.fileError(FileFormat.CORRUPT.refusalZh(), "请在系统下载的模板中重新填写后报送。");
        } finally {
            if (sending && problems.errors() == 0 && !batch.isEmpty() && sink.hand(batch)) {
                sent += batch.size();
            }
            sink.end();
        }
        return sent;
    }

    private static boolean header(Row header, MonitoringForm form, SheetProblems problems) {
        boolean ok = true;
        for (MonitoringForm.Column c : form.columns()) {
            String found = RowText.text(header, c.index());
            if (found == null || !found.strip().equals(c.header())) {
                ok = false;
                problems.error(c.col() + header.getRowNum(), null, "表头应为“" + c.header() + "”，实际为“" + (found == null ? "" : found.strip()) + "”。",
                        "请使用系统下载的模板，不要增删或调换列。");
            }
        }
        return ok;
    }

    /** A failure reading the workbook's bytes (damaged zip or XML), as opposed to one of the sink's. */
    private static boolean unreadable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException || t instanceof ExcelReaderException || t instanceof IOException
                    || t instanceof javax.xml.stream.XMLStreamException) {
                return true;
            }
        }
        return false;
    }
}
