package cn.zhenxing.bulk;

import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.NumberCell;
import com.mysql.cj.jdbc.JdbcStatement;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a bulk monitoring sheet (.xlsx: a header row, then one reading per row in 8 columns
 * 断面编码, 断面名称, 地区代码, 监测日期, 监测项目, 监测值, 单位, 备注) into {@code stg_monitoring_reading}.
 *
 * <p>Built for sheets of up to a million rows in a small heap: the first sheet is streamed with
 * fastexcel-reader on the calling thread, each row is validated, valid rows go in batches through a
 * small bounded queue to a second thread that runs one {@code LOAD DATA LOCAL INFILE} whose input
 * stream encodes the batches as tab-separated text as the driver reads it. Parsing and landing
 * overlap; nothing grows with the number of rows but the list of error messages (capped).
 *
 * <p>All or nothing per {@code load_id}: the rows of the load_id are deleted and the new ones landed
 * in one transaction, committed only when the sheet had no error and the server landed exactly the
 * rows sent without a warning (with LOCAL, the server turns data errors into warnings, so every
 * check the table would make is made here first). After the first error no further row is sent, the
 * rest of the sheet is still checked so the submitter gets every problem at once.
 */
@Component
public class BulkSheetLoader {

    private static final Logger log = LoggerFactory.getLogger(BulkSheetLoader.class);

    /** The header row, in column order A..H. */
    public static final List<String> HEADERS = List.of("断面编码", "断面名称", "地区代码", "监测日期", "监测项目", "监测值", "单位", "备注");

    static final String TABLE = "stg_monitoring_reading";
    private static final int BATCH_ROWS = 1024;
    private static final int QUEUE_BATCHES = 8;
    private static final int MAX_MESSAGES = 1000;
    private static final List<BulkReading> END = List.of();
    /** Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01, with the 1900 leap-year bug). */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long EXCEL_1904_EPOCH_DAY = LocalDate.of(1904, 1, 1).toEpochDay();
    private static final int[] MAX_LENGTH = {16, 64, 6, 0, 32, 0, 16, 200};

    /** What happened to one sheet. {@code errorsZh} holds at most 1,000 messages; errorCount counts all. */
    public record Result(long loadId, boolean accepted, long dataRows, long rowsLoaded, long errorCount,
                         List<String> errorsZh, Duration elapsed) {
    }

    private final JdbcTemplate jdbc;

    public BulkSheetLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Validates the sheet and, if it has no error, lands its rows under {@code loadId} (replacing any
     * earlier rows of that load_id). A rejected sheet leaves nothing under {@code loadId}.
     */
    public Result load(Path file, long loadId, Long submissionId) throws SQLException {
        long started = System.nanoTime();
        Errors errors = new Errors();
        String guard = zipGuard(file);
        if (guard != null) {
            errors.add(guard);
            return new Result(loadId, false, 0, 0, errors.count, errors.messages, Duration.ofNanos(System.nanoTime() - started));
        }
        try (Connection connection = openLoadConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                delete(connection, loadId);
                BlockingQueue<List<BulkReading>> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
                Statement statement = connection.createStatement();
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new BufferedInputStream(new QueueTsvStream(queue), 1 << 16));
                FutureTask<Long> landing = new FutureTask<>(() -> statement.executeLargeUpdate(loadDataSql(loadId, submissionId)));
                Thread loader = new Thread(landing, "bulk-load-" + loadId);
                loader.setDaemon(true);
                loader.start();

                long sent = parse(file, errors, queue, landing);
                long landed = landed(landing);
                String warnings = warnings(statement);
                statement.close();
                if (errors.count == 0 && (landed != sent || warnings != null)) {
                    throw new SQLException("LOAD DATA landed " + landed + " of " + sent + " rows"
                            + (warnings == null ? "" : "; server warnings: " + warnings));
                }
                if (errors.count > 0) {
                    connection.rollback();
                    delete(connection, loadId); // rows of an earlier load under this id go too: the id now means this rejected sheet
                    connection.commit();
                    log.info("Bulk sheet {} rejected: {} error(s); load {} rolled back", file, errors.count, loadId);
                    return new Result(loadId, false, errors.dataRows, 0, errors.count, errors.messages,
                            Duration.ofNanos(System.nanoTime() - started));
                }
                connection.commit();
                committed = true;
                log.info("Bulk sheet {} loaded: {} rows as load {}", file, landed, loadId);
                return new Result(loadId, true, errors.dataRows, landed, 0, errors.messages, Duration.ofNanos(System.nanoTime() - started));
            } finally {
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // Nothing of this load may stay behind, whatever failed (the transaction normally sees to it).
            try {
                delete(loadId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Parses and validates on the calling thread, handing valid rows to the landing thread until the
     * first error. Returns how many rows were handed over. Always ends the stream (END), so the
     * landing statement finishes normally (an exception inside the driver's file transfer would
     * break the connection's protocol state).
     */
    private long parse(Path file, Errors errors, BlockingQueue<List<BulkReading>> queue, FutureTask<Long> landing) {
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
                if (!blank(row)) {
                    header = row;
                }
            }
            if (header == null) {
                errors.add("工作表中没有数据：第1行应为表头（" + String.join("、", HEADERS) + "），其后每行一条监测记录。");
                return 0;
            }
            if (!checkHeader(header, errors)) {
                return 0;
            }
            while (it.hasNext()) {
                Row row = it.next();
                if (blank(row)) {
                    continue;
                }
                errors.dataRows++;
                BulkReading reading = validate(row, date1904, errors);
                if (reading == null) {
                    sending = false;
                    continue;
                }
                if (!sending) {
                    continue;
                }
                batch.add(reading);
                if (batch.size() == BATCH_ROWS) {
                    if (!hand(queue, batch, landing)) {
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
            if (sending && errors.count == 0 && !batch.isEmpty() && hand(queue, batch, landing)) {
                sent += batch.size();
            }
            hand(queue, END, landing);
        }
        return sent;
    }

    /** Puts a batch on the queue unless the landing thread has stopped (then false). */
    private static boolean hand(BlockingQueue<List<BulkReading>> queue, List<BulkReading> batch, FutureTask<Long> landing) {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (landing.isDone()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading a bulk sheet", e);
        }
    }

    private static long landed(FutureTask<Long> landing) throws SQLException {
        try {
            return landing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for LOAD DATA", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new SQLException("LOAD DATA failed: " + e.getCause(), e.getCause());
        }
    }

    private static boolean checkHeader(Row header, Errors errors) {
        List<String> found = new ArrayList<>();
        for (int c = 0; c < HEADERS.size(); c++) {
            String text = text(header, c);
            found.add(text == null ? "" : text.strip());
        }
        if (found.equals(HEADERS)) {
            return true;
        }
        errors.add("第" + header.getRowNum() + "行 表头应依次为“" + String.join("、", HEADERS) + "”，实际为“"
                + String.join("、", found) + "”。请使用监测数据批量报送模板，不要增删或调换列。");
        return false;
    }

    /** Checks one data row; returns null (and records why) if it cannot be loaded. */
    static BulkReading validate(Row row, boolean date1904, Errors errors) {
        int r = row.getRowNum();
        int before = errors.count;
        String station = required(row, r, 0, errors);
        String name = required(row, r, 1, errors);
        String region = required(row, r, 2, errors);
        if (region != null && !sixDigits(region)) {
            errors.add(cell(r, 2) + "地区代码“" + region + "”应为6位数字的行政区划代码（如140821）。");
        }
        LocalDate date = date(row, r, date1904, errors);
        String parameter = required(row, r, 4, errors);
        String unit = optional(row, r, 6, errors);
        BigDecimal value = value(row, r, unit, errors);
        String note = optional(row, r, 7, errors);
        if (errors.count > before) {
            return null;
        }
        return new BulkReading(r, station, name, region, date, parameter, value, unit, note);
    }

    private static String required(Row row, int r, int c, Errors errors) {
        String text = text(row, c);
        if (text == null || text.isBlank()) {
            errors.add(cell(r, c) + HEADERS.get(c) + "未填写。此列为必填项。");
            return null;
        }
        return length(text.strip(), r, c, errors);
    }

    private static String optional(Row row, int r, int c, Errors errors) {
        String text = text(row, c);
        return text == null || text.isBlank() ? null : length(text.strip(), r, c, errors);
    }

    private static String length(String text, int r, int c, Errors errors) {
        int max = MAX_LENGTH[c];
        if (max > 0 && text.length() > max && text.codePointCount(0, text.length()) > max) {
            errors.add(cell(r, c) + HEADERS.get(c) + "超过" + max + "个字符，请精简后重新报送。");
        }
        return text;
    }

    private static boolean sixDigits(String s) {
        if (s.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(Row row, int r, boolean date1904, Errors errors) {
        Cell cell = cellAt(row, 3);
        String text = text(cell);
        if (text == null || text.isBlank()) {
            errors.add(cell(r, 3) + "监测日期未填写。此列为必填项。");
            return null;
        }
        LocalDate date = null;
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            // A date cell: Excel stores the day number (a time of day, if any, is the fraction).
            BigDecimal serial = (BigDecimal) cell.getValue();
            if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                date = LocalDate.ofEpochDay((date1904 ? EXCEL_1904_EPOCH_DAY : EXCEL_EPOCH_DAY) + serial.longValue());
            }
        } else {
            date = parseDateText(text.strip());
        }
        if (date == null || date.getYear() < 1949 || date.getYear() > 2100) {
            errors.add(cell(r, 3) + "监测日期“" + text.strip() + "”不是有效日期。请填写如2025-03-01的日期（设置为日期格式或按“年-月-日”填写）。");
            return null;
        }
        return date;
    }

    /** yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日 or yyyyMMdd; null if not a real calendar date. */
    static LocalDate parseDateText(String s) {
        try {
            if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6)));
            }
            String[] parts = s.replace('年', '-').replace('月', '-').replace("日", "").replace('/', '-').replace('.', '-').split("-", -1);
            if (parts.length != 3 || parts[0].length() != 4 || parts[1].isEmpty() || parts[1].length() > 2
                    || parts[2].isEmpty() || parts[2].length() > 2) {
                return null;
            }
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException e) {
            return null; // NumberFormatException, DateTimeException (e.g. 2025-02-30)
        }
    }

    private static BigDecimal value(Row row, int r, String unit, Errors errors) {
        String text = text(row, 5);
        NumberCell.Result parsed = NumberCell.parse(text, unit);
        if (parsed.blank()) {
            errors.add(cell(r, 5) + "监测值未填写。此列为必填项；未监测的项目请不要列出。");
            return null;
        }
        if (!parsed.ok()) {
            errors.add(cell(r, 5) + "监测值" + parsed.errorZh());
            return null;
        }
        BigDecimal value = parsed.value();
        if (value.scale() > 6) {
            value = value.setScale(6, RoundingMode.HALF_UP);
        }
        if (value.precision() - value.scale() > 14) {
            errors.add(cell(r, 5) + "监测值“" + text.strip() + "”超出可存储的范围（整数部分最多14位）。请核对数值和单位。");
            return null;
        }
        return value;
    }

    private static Cell cellAt(Row row, int c) {
        return c < row.getCellCount() ? row.getCell(c) : null;
    }

    private static String text(Row row, int c) {
        return text(cellAt(row, c));
    }

    /** The cell as text: strings as written, numbers as stored in the file (no display formatting). */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case STRING -> (String) cell.getValue();
            case NUMBER -> cell.getRawValue();
            case EMPTY -> null;
            case ERROR -> "#" + cell.getRawValue();
            default -> cell.getValue() == null ? null : cell.getValue().toString();
        };
    }

    private static boolean blank(Row row) {
        for (int c = 0; c < row.getCellCount(); c++) {
            String t = text(row.getCell(c));
            if (t != null && !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** "第12行 F列 " */
    static String cell(int rowNo, int col) {
        return "第" + rowNo + "行 " + (char) ('A' + col) + "列 ";
    }

    /** Error messages (capped) and counts of one sheet. */
    static final class Errors {
        final List<String> messages = new ArrayList<>();
        int count;
        long dataRows;

        void add(String messageZh) {
            count++;
            if (messages.size() < MAX_MESSAGES) {
                messages.add(messageZh);
            } else if (messages.size() == MAX_MESSAGES) {
                messages.add("……错误过多，仅列出前" + MAX_MESSAGES + "条。");
            }
        }
    }

    /** The driver reads the landing data from here: batches from the queue, encoded on the landing thread. */
    private static final class QueueTsvStream extends InputStream {
        private final BlockingQueue<List<BulkReading>> queue;
        private final TsvBuffer buffer = new TsvBuffer(1 << 17);
        private int pos;
        private boolean ended;

        QueueTsvStream(BlockingQueue<List<BulkReading>> queue) {
            this.queue = queue;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (pos == buffer.length()) {
                if (ended) {
                    return -1;
                }
                List<BulkReading> batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ended = true; // the sheet's rows are incomplete: the count check rejects the load
                    return -1;
                }
                if (batch == END) {
                    ended = true;
                    return -1;
                }
                buffer.reset();
                pos = 0;
                for (BulkReading reading : batch) {
                    buffer.append(reading);
                }
            }
            int n = Math.min(len, buffer.length() - pos);
            System.arraycopy(buffer.bytes(), pos, b, off, n);
            pos += n;
            return n;
        }
    }

    // ---- landing -------------------------------------------------------------------------------

    static String loadDataSql(long loadId, Long submissionId) {
        return "LOAD DATA LOCAL INFILE 'bulk-sheet.tsv' INTO TABLE " + TABLE + " CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' "
                + TsvBuffer.COLUMNS + " SET load_id = " + loadId + ", submission_id = " + (submissionId == null ? "NULL" : submissionId);
    }

    /**
     * Lands a tab-separated file (the format {@link TsvBuffer} writes) with one plain
     * {@code LOAD DATA LOCAL INFILE} in one transaction, replacing the rows of {@code loadId}: the
     * reference rate for the benchmark. Returns the rows landed.
     */
    public long loadTsv(Path tsv, long loadId) throws SQLException, IOException {
        try (Connection connection = openLoadConnection(); InputStream in = Files.newInputStream(tsv)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                delete(connection, loadId);
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(in);
                long landed = statement.executeLargeUpdate(loadDataSql(loadId, null));
                String warnings = warnings(statement);
                if (warnings != null) {
                    connection.rollback();
                    throw new SQLException("LOAD DATA of " + tsv + " had warnings: " + warnings);
                }
                connection.commit();
                return landed;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    public long count(long loadId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE load_id = ?", Long.class, loadId);
        return n == null ? 0 : n;
    }

    public void delete(long loadId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE load_id = ?", loadId);
    }

    /** One more than the highest load_id in the table (callers that have their own ids need not use it). */
    public long nextLoadId() {
        Long max = jdbc.queryForObject("SELECT MAX(load_id) FROM " + TABLE, Long.class);
        return max == null ? 1 : max + 1;
    }

    private static void delete(Connection connection, long loadId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE load_id = ?")) {
            delete.setLong(1, loadId);
            delete.executeUpdate();
        }
    }

    private static String warnings(Statement statement) throws SQLException {
        SQLWarning w = statement.getWarnings();
        if (w == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; w != null && i < 5; w = w.getNextWarning(), i++) {
            text.append(i == 0 ? "" : "; ").append(w.getMessage());
        }
        return text.toString();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rollback of a bulk load failed", e);
        }
    }

    /**
     * A connection of its own for LOAD DATA LOCAL INFILE: Connector/J only offers the local-infile
     * capability at the handshake ({@code allowLoadLocalInfile=true} in the URL; setting the property
     * on a pooled connection afterwards is refused by the server), and the pool's connections should
     * not carry it (a server could then ask for any client file). The same URL and account as the pool.
     */
    Connection openLoadConnection() throws SQLException {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null || !dataSource.isWrapperFor(HikariDataSource.class)) {
            throw new SQLException("bulk loading needs the Hikari data source of Spring Boot, not " + dataSource);
        }
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String url = hikari.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            throw new SQLException("bulk loading needs MySQL Connector/J (a jdbc:mysql: URL), not " + url);
        }
        String loadUrl = url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfile=true&rewriteBatchedStatements=true";
        return DriverManager.getConnection(loadUrl, hikari.getUsername(), hikari.getPassword());
    }

    /**
     * Refuses archives whose entries claim to inflate more than 100-fold past 16 MiB, or past 4 GiB in
     * all (POI's zip-bomb rule; fastexcel-reader has no guard of its own). Returns the refusal or null.
     */
    static String zipGuard(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                total += Math.max(size, 0);
                if (size > (16L << 20) && compressed >= 0 && size > compressed * 100) {
                    return FileFormat.ZIP_BOMB.refusalZh();
                }
            }
            return total > (4L << 30) ? FileFormat.ZIP_BOMB.refusalZh() : null;
        } catch (IOException e) {
            return FileFormat.CORRUPT.refusalZh();
        }
    }
}
