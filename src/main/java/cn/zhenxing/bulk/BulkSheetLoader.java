package cn.zhenxing.bulk;

import static cn.zhenxing.bulk.BulkSql.sql;

import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.ZipGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a bulk monitoring sheet (.xlsx: a header row, then one reading per row in 8 columns
 * 断面编码, 断面名称, 地区代码, 监测日期, 监测项目, 监测值, 单位, 备注) into {@code stg_monitoring_reading}.
 *
 * <p>Built for sheets of up to a million rows in a small heap: the first sheet is streamed with
 * fastexcel-reader on the calling thread ({@link SheetParser}), each row is validated
 * ({@link RowValidator}), valid rows go in batches through a small bounded queue to a second thread
 * that runs one {@code LOAD DATA LOCAL INFILE} whose input stream encodes the batches as
 * tab-separated text as the driver reads it ({@link LoadData}, {@link QueueTsvStream},
 * {@link TsvBuffer}). Parsing and landing overlap; nothing grows with the number of rows but the list
 * of error messages (capped).
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
        LoadErrors errors = new LoadErrors();
        FileFormat refused = ZipGuard.check(file);
        if (refused != null) {
            errors.add(refused.refusalZh());
            return new Result(loadId, false, 0, 0, errors.count, errors.messages, since(started));
        }
        try (Connection connection = openLoadConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                LoadData.delete(connection, loadId);
                long sent;
                long landed;
                String warnings;
                try (LoadData load = LoadData.start(connection, loadId, submissionId)) {
                    sent = SheetParser.parse(file, errors, load);
                    landed = load.landed();
                    warnings = load.warnings();
                }
                if (errors.count == 0 && (landed != sent || warnings != null)) {
                    throw new SQLException("LOAD DATA landed " + landed + " of " + sent + " rows"
                            + (warnings == null ? "" : "; server warnings: " + warnings));
                }
                if (errors.count > 0) {
                    connection.rollback();
                    LoadData.delete(connection, loadId); // rows of an earlier load under this id go too: the id now means this rejected sheet
                    connection.commit();
                    log.info("Bulk sheet {} rejected: {} error(s); load {} rolled back", file, errors.count, loadId);
                    return new Result(loadId, false, errors.dataRows, 0, errors.count, errors.messages, since(started));
                }
                connection.commit();
                committed = true;
                log.info("Bulk sheet {} loaded: {} rows as load {}", file, landed, loadId);
                return new Result(loadId, true, errors.dataRows, landed, 0, errors.messages, since(started));
            } finally {
                if (!committed) {
                    LoadData.rollbackQuietly(connection);
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

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
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
                LoadData.delete(connection, loadId);
                long landed = LoadData.landStream(statement, in, loadId);
                String warnings = LoadData.warnings(statement);
                if (warnings != null) {
                    connection.rollback();
                    throw new SQLException("LOAD DATA of " + tsv + " had warnings: " + warnings);
                }
                connection.commit();
                return landed;
            } catch (SQLException | RuntimeException e) {
                LoadData.rollbackQuietly(connection);
                throw e;
            }
        }
    }

    public long count(long loadId) {
        Long n = jdbc.queryForObject(sql("count"), Long.class, loadId);
        return n == null ? 0 : n;
    }

    public void delete(long loadId) {
        jdbc.update(sql("delete"), loadId);
    }

    /** One more than the highest load_id in the table (callers that have their own ids need not use it). */
    public long nextLoadId() {
        Long max = jdbc.queryForObject(sql("maxLoadId"), Long.class);
        return max == null ? 1 : max + 1;
    }

    /** A connection of its own for LOAD DATA LOCAL INFILE (see {@link LoadData#openConnection}). */
    Connection openLoadConnection() throws SQLException {
        return LoadData.openConnection(jdbc.getDataSource());
    }
}
