package cn.zhenxing.bulk;

import com.mysql.cj.jdbc.JdbcStatement;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LOAD DATA side of a monitoring form's load: the load connection, the statement ({@code loadData} of
 * bulk.sql) and, for a sheet, a second thread running one {@code LOAD DATA LOCAL INFILE} whose input
 * stream encodes the batches handed to it through a small bounded queue.
 */
final class LoadData implements AutoCloseable, ReadingSink {

    private static final Logger log = LoggerFactory.getLogger(MonitoringLoader.class);
    private static final int QUEUE_BATCHES = 8;

    private final BlockingQueue<List<MonitoringReading>> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Statement statement;
    private final FutureTask<Long> landing;

    private LoadData(Connection connection, long submissionId) throws SQLException {
        statement = connection.createStatement();
        statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new BufferedInputStream(new QueueTsvStream(queue), 1 << 16));
        landing = new FutureTask<>(() -> statement.executeLargeUpdate(sql(submissionId)));
    }

    /** Starts the landing thread; the batches handed over are landed under {@code submissionId}. */
    static LoadData start(Connection connection, long submissionId) throws SQLException {
        LoadData load = new LoadData(connection, submissionId);
        Thread loader = new Thread(load.landing, "monitoring-load-" + submissionId);
        loader.setDaemon(true);
        loader.start();
        return load;
    }

    /** Puts a batch on the queue unless the landing thread has stopped (then false). */
    @Override
    public boolean hand(List<MonitoringReading> batch) {
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

    /** Ends the stream, so the landing statement finishes normally. */
    @Override
    public void end() {
        hand(QueueTsvStream.END);
    }

    /** Waits for the landing statement; the rows it landed. */
    long landed() throws SQLException {
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

    String warnings() throws SQLException {
        return warnings(statement);
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }

    /** The LOAD DATA statement for {@code submissionId} (it cannot be prepared, so the id is a number literal). */
    static String sql(long submissionId) {
        return BulkSql.sql("loadData").replace(":submissionId", Long.toString(submissionId));
    }

    /** One plain LOAD DATA of {@code in}; the rows landed. */
    static long landStream(Statement statement, InputStream in, long submissionId) throws SQLException {
        statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(in);
        return statement.executeLargeUpdate(sql(submissionId));
    }

    /** Deletes a submission's readings and rule totals. */
    static void delete(Connection connection, long submissionId) throws SQLException {
        for (String statement : List.of("delete", "deleteTotals")) {
            try (PreparedStatement delete = connection.prepareStatement(BulkSql.sql(statement))) {
                delete.setLong(1, submissionId);
                delete.executeUpdate();
            }
        }
    }

    /** The first five warnings of the statement, or null. */
    static String warnings(Statement statement) throws SQLException {
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

    static void rollbackQuietly(Connection connection) {
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
    static Connection openConnection(DataSource dataSource) throws SQLException {
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
}
