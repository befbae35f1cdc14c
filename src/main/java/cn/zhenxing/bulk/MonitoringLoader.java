package cn.zhenxing.bulk;

import static cn.zhenxing.bulk.BulkSql.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lands the readings of a monitoring form in {@code fact_monitoring_reading} under its submission.
 *
 * <p>Built for files of a million readings in a small heap: the data sheet is streamed on the calling
 * thread ({@link MonitoringSheetReader}, {@link MonitoringRows}); the readings of good rows go in batches
 * through a small bounded queue to a second thread running one {@code LOAD DATA LOCAL INFILE} whose input
 * stream encodes them as tab-separated text as the driver reads it ({@link LoadData},
 * {@link QueueTsvStream}, {@link TsvBuffer}). Parsing and landing overlap.
 *
 * <p>All or nothing: the submission's earlier rows (an interrupted attempt) are deleted and the new ones
 * landed in one transaction, committed only when the file had no error and the server landed exactly the
 * readings sent without a warning (with LOCAL the server turns data errors into warnings, so every check
 * the table would make is made first). The rows stay invisible until the submission is accepted.
 */
@Component
public class MonitoringLoader {

    private static final Logger log = LoggerFactory.getLogger(MonitoringLoader.class);

    private final JdbcTemplate jdbc;
    private final int lanes;

    /**
     * @param lanes LOAD DATA statements run side by side, each on a connection of its own: one statement
     *              keeps one server core busy, so a server with cores to spare lands a file faster in two
     */
    public MonitoringLoader(JdbcTemplate jdbc, @Value("${zhenxing.bulk.load-lanes:2}") int lanes) {
        this.jdbc = jdbc;
        this.lanes = Math.max(1, lanes);
    }

    /**
     * Checks and, without errors, lands; returns the readings landed (0 when rejected: nothing stays).
     *
     * <p>With several lanes the batches are dealt out to several statements, each in a transaction of its
     * own. That is safe because the rows are invisible until the submission is accepted (every reader
     * joins ops_submission.is_current): a failure after one lane committed deletes what it landed, and a
     * restart deletes the submission's rows before landing again.
     */
    long land(Path file, MonitoringForm form, Function<Boolean, MonitoringRows> rows, SheetProblems problems, long submissionId,
              List<RuleTotals.Rule> rules) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        List<LoadData> loads = new ArrayList<>();
        boolean done = false;
        try {
            for (int i = 0; i < lanes; i++) {
                Connection c = LoadData.openConnection(jdbc.getDataSource());
                connections.add(c);
                c.setAutoCommit(false);
            }
            // An interrupted attempt's rows go first, committed, so that no lane waits for another's delete.
            LoadData.delete(connections.get(0), submissionId);
            connections.get(0).commit();
            for (Connection c : connections) {
                loads.add(LoadData.start(c, submissionId));
            }
            RuleTotals totals = new RuleTotals(rules, new Lanes(loads));
            long sent = MonitoringSheetReader.read(file, form, rows, problems, totals);
            long landed = 0;
            StringBuilder warnings = new StringBuilder();
            for (LoadData load : loads) {
                landed += load.landed();
                String w = load.warnings();
                if (w != null) {
                    warnings.append(warnings.isEmpty() ? "" : "; ").append(w);
                }
            }
            if (problems.errors() > 0) {
                connections.forEach(LoadData::rollbackQuietly);
                done = true;
                log.info("Monitoring form {} rejected: {} error(s); nothing landed for submission {}", file, problems.errors(), submissionId);
                return 0;
            }
            if (landed != sent || !warnings.isEmpty()) {
                throw new SQLException("LOAD DATA landed " + landed + " of " + sent + " readings"
                        + (warnings.isEmpty() ? "" : "; server warnings: " + warnings));
            }
            totals.write(connections.get(0), submissionId);
            for (Connection c : connections) {
                c.commit();
            }
            done = true;
            log.info("Monitoring form {}: {} readings landed for submission {} in {} lane(s) ({} rule totals)", file, landed, submissionId,
                    lanes, totals.size());
            return landed;
        } finally {
            for (LoadData load : loads) {
                load.close();
            }
            if (!done) {
                connections.forEach(LoadData::rollbackQuietly);
                if (!connections.isEmpty()) {
                    // A lane may have committed before another failed: its rows are invisible, and removed here.
                    try {
                        LoadData.delete(connections.get(0), submissionId);
                        connections.get(0).commit();
                    } catch (SQLException e) {
                        log.warn("Could not remove the readings of failed submission {} (a restart removes them)", submissionId, e);
                    }
                }
            }
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** Deals the batches out to the lanes in turn. */
    private static final class Lanes implements ReadingSink {
        private final List<LoadData> loads;
        private int next;

        Lanes(List<LoadData> loads) {
            this.loads = loads;
        }

        @Override
        public boolean hand(List<MonitoringReading> batch) {
            LoadData load = loads.get(next);
            next = (next + 1) % loads.size();
            return load.hand(batch);
        }

        @Override
        public void end() {
            loads.forEach(LoadData::end);
        }
    }

    /** Checks only (a dry run); returns the readings the file holds. */
    static long check(Path file, MonitoringForm form, Function<Boolean, MonitoringRows> rows, SheetProblems problems) {
        long[] count = {0};
        MonitoringSheetReader.read(file, form, rows, problems, new ReadingSink() {
            @Override
            public boolean hand(List<MonitoringReading> batch) {
                count[0] += batch.size();
                return true;
            }

            @Override
            public void end() { }
        });
        return count[0];
    }

    /**
     * Lands a tab-separated file (the format {@link TsvBuffer} writes) with one plain
     * {@code LOAD DATA LOCAL INFILE} in one transaction under {@code submissionId}: the reference rate of
     * the benchmark. Returns the readings landed.
     */
    public long loadTsv(Path tsv, long submissionId) throws SQLException, IOException {
        try (Connection connection = LoadData.openConnection(jdbc.getDataSource()); InputStream in = Files.newInputStream(tsv)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                LoadData.delete(connection, submissionId);
                long landed = LoadData.landStream(statement, in, submissionId);
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

    /** Writes {@code readings} as the TSV {@link #loadTsv} reads. */
    public static void writeTsv(Path tsv, Iterable<MonitoringReading> readings) throws IOException {
        TsvBuffer buffer = new TsvBuffer(1 << 16);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tsv), 1 << 16)) {
            for (MonitoringReading r : readings) {
                buffer.append(r);
                if (buffer.length() > (1 << 15)) {
                    buffer.writeTo(out);
                    buffer.reset();
                }
            }
            buffer.writeTo(out);
        }
    }

    public long count(long submissionId) {
        Long n = jdbc.queryForObject(sql("count"), Long.class, submissionId);
        return n == null ? 0 : n;
    }

    /** Removes a submission's readings and their totals. */
    public void delete(long submissionId) {
        jdbc.update(sql("delete"), submissionId);
        jdbc.update(sql("deleteTotals"), submissionId);
    }
}
